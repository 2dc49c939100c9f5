// Simulated time. It moves only when the simulated process waits (poll with a timeout, sleep, a
// blocking read) and between cases; a syscall itself takes no time. Work the kernel does
// asynchronously (RCU callbacks, the key garbage collector, expiry) is deferred work with a due
// time, run in due order as the clock passes it — so every run is deterministic.

/** How long an RCU grace period takes in the model. Non-zero so that an asynchronous record never
 * appears before the syscall that caused it has returned and the process has waited. */
export const GRACE_MS = 1

/** The wall clock (CLOCK_REALTIME) at boot, in ms: key expiry is in whole real seconds. */
const BOOT_REALTIME_MS = 1_767_225_600_250

interface Deferred {
  readonly due: number
  readonly seq: number
  readonly what: string
  readonly run: () => void
  /** Work with no deadline of its own (an RCU callback, the gc): the kernel may do it sooner. */
  readonly early: boolean
}

export class Clock {
  /** Milliseconds since boot. */
  now = 0
  private seq = 0
  private queue: Deferred[] = []

  /** ktime_get_real_seconds(). */
  realSeconds(): number {
    return Math.floor((BOOT_REALTIME_MS + this.now) / 1000)
  }

  /** The boot-relative ms at which the wall clock reaches `seconds`. */
  msAtRealSeconds(seconds: number): number {
    return seconds * 1000 - BOOT_REALTIME_MS
  }

  /**
   * Queues `run` to happen `delayMs` from now (in order of due time, then of queueing). `early`:
   * the kernel may do it sooner (an RCU callback, the gc), which an exploring schedule can choose
   * (schedule.ts); a timer on the wall clock is not early, nor work no record depends on.
   */
  defer(delayMs: number, what: string, run: () => void, early = true): void {
    const item: Deferred = { due: this.now + Math.max(0, delayMs), seq: this.seq++, what, run, early }
    // Binary insertion: the queue stays sorted by (due, seq).
    let lo = 0
    let hi = this.queue.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const m = this.queue[mid]!
      if (m.due < item.due || (m.due === item.due && m.seq < item.seq)) lo = mid + 1
      else hi = mid
    }
    this.queue.splice(lo, 0, item)
  }

  /** What the first work that may run early is, if there is one. */
  nextEarly(): string | undefined {
    return this.queue.find((d) => d.early)?.what
  }

  /** Runs the first work that may run early now, without moving the clock. */
  runEarly(): void {
    const i = this.queue.findIndex((d) => d.early)
    if (i === -1) return
    const [item] = this.queue.splice(i, 1)
    item!.run()
  }

  /** Due time of the next deferred work, if any. */
  nextDue(): number | undefined {
    return this.queue[0]?.due
  }

  /** Runs every item due at or before `until`, moving the clock to each; the clock ends at `until`. */
  advanceTo(until: number): void {
    for (;;) {
      const next = this.queue[0]
      if (!next || next.due > until) break
      this.queue.shift()
      if (next.due > this.now) this.now = next.due
      next.run()
    }
    if (until > this.now) this.now = until
  }

  /**
   * Waits for `ready` at most `timeoutMs` (null: without limit). Deferred work runs as its time
   * comes; after each batch `ready` is asked again. Returns whether it became ready and how long
   * the wait took; `blockedForever` when there is no limit and nothing left that could help.
   */
  waitFor(
    ready: () => boolean,
    timeoutMs: number | null,
  ): { ready: boolean; elapsedMs: number; blockedForever: boolean } {
    const start = this.now
    const deadline = timeoutMs === null ? Number.POSITIVE_INFINITY : start + timeoutMs
    for (;;) {
      if (ready()) return { ready: true, elapsedMs: this.now - start, blockedForever: false }
      const due = this.nextDue()
      if (due === undefined || due > deadline) {
        if (timeoutMs === null) return { ready: false, elapsedMs: this.now - start, blockedForever: true }
        this.advanceTo(deadline)
        return { ready: ready(), elapsedMs: this.now - start, blockedForever: false }
      }
      this.advanceTo(Math.max(due, this.now))
    }
  }
}
