// What all connections hold together, against one bound. Each connection bounds itself (see
// connection.ts); the pool adds the total: past it, only connections holding less than their share
// may read, and only clients that have read every earlier reply are answered, so a few hostile
// clients cannot make the server grow with the number of connections.

/** One connection as the pool sees it. */
export interface PoolMember {
  /** Bytes held for it now: its unfinished line, queued requests, unsent replies. */
  readonly bufferedBytes: number
  /** Whether it is waiting on the pool (reading stopped because the total was reached). */
  readonly waitingOnPool: boolean
  /** Re-decides whether it reads and answers; called when the total may have fallen. */
  flow(): void
}

/** The server's accounting, for tests and logs. */
export interface ServeStats {
  readonly connections: number
  /** Bytes held for all connections now (lines being read, queued requests, unsent replies). */
  readonly bufferedBytes: number
  /** The most ever held at once since the server started. */
  readonly peakBufferedBytes: number
  /** Connections not being read right now (their replies are not drained, or a bound was reached). */
  readonly pausedConnections: number
  /** Connections refused at the limit, and closed for idleness, since the server started. */
  readonly refused: number
  readonly idleClosed: number
}

/** While someone waits on the pool, how often the total is looked at again (replies drain silently). */
const RECHECK_MS = 50

export class Pool {
  readonly members = new Set<PoolMember & { readonly paused: boolean }>()
  peak = 0
  refused = 0
  idleClosed = 0
  private timer: NodeJS.Timeout | undefined

  constructor(
    /** The total bound, in bytes. */
    readonly maxBytes: number,
    /** Below this, a connection may read even when the total is reached. */
    readonly shareBytes: number,
  ) {}

  get total(): number {
    let n = 0
    for (const m of this.members) n += m.bufferedBytes
    return n
  }

  /** Whether the total bound is reached; also keeps the peak. */
  full(): boolean {
    const total = this.total
    if (total > this.peak) this.peak = total
    return total >= this.maxBytes
  }

  /** Something was released: the members that wait on the pool decide again. */
  released(): void {
    for (const m of this.members) if (m.waitingOnPool) m.flow()
  }

  /** A member waits on the pool: let the waiting decide again every RECHECK_MS until none waits. */
  watch(): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      let waiting = false
      for (const m of this.members) {
        if (!m.waitingOnPool) continue
        m.flow()
        waiting ||= m.waitingOnPool
      }
      if (!waiting) this.stop()
    }, RECHECK_MS)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }

  stats(): ServeStats {
    let paused = 0
    for (const m of this.members) if (m.paused) paused++
    return {
      connections: this.members.size,
      bufferedBytes: this.total,
      peakBufferedBytes: Math.max(this.peak, this.total),
      pausedConnections: paused,
      refused: this.refused,
      idleClosed: this.idleClosed,
    }
  }
}
