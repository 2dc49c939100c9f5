// Schedules of deferred work. The kernel does some work asynchronously and without a deadline: RCU
// callbacks (a keyring's reference to an unlinked key, a freed watch) and the key garbage collector,
// which posts removal records (docs/semantics.md#key-garbage-collection-timing). The default model
// does that work at the first wait that passes its due time, and reaps keys in serial order; the
// kernel may also do it sooner, and post several keys' removals in any order.
//
// Those freedoms are choice points. A chooser answers each one with an option index, 0 being what
// the default model does; a schedule is the sequence of answers, written "0.1.0.2" (trailing zeros
// left out, the default schedule is "0"). The choices stay within what the kernel allows:
// - early: at a step boundary, the first pending early work may run now (1) or not yet (0). Work
//   runs only after the syscall that queued it has returned, so a removal never precedes the
//   unlink that made the key garbage; wall-clock timers (expiry) are never early; a wait still runs
//   everything due, so what a bounded poll waits for is always there after it.
// - order: when the gc reaps several watched keys in one pass, which of them goes next. A key a
//   reaped keyring let go of is reaped only in a later pass, after the keyring.
// - split: after the gc reaped one of several watched keys, whether the others wait for a later
//   pass (1), an RCU grace period on: a poll then wakes at the first removal, and a read right
//   after it finds that one only.

export type ChoiceKind = 'early' | 'order' | 'split'

export interface Choice {
  readonly kind: ChoiceKind
  /** How many options there were. */
  readonly options: number
  readonly chosen: number
  /** What was chosen between, in words. */
  readonly what: string
}

export interface Chooser {
  choose(kind: ChoiceKind, options: number, what: string): number
}

/** The default model: option 0 at every choice point. */
export const DEFAULT_CHOOSER: Chooser = { choose: () => 0 }

/** Replays a schedule (its choices in order, then 0s) and records every choice point it met. */
export class Replay implements Chooser {
  readonly trail: Choice[] = []

  constructor(private readonly schedule: readonly number[] = []) {}

  choose(kind: ChoiceKind, options: number, what: string): number {
    const wanted = this.schedule[this.trail.length] ?? 0
    // A schedule made for another case may ask for an option this point does not have.
    const chosen = wanted < options ? wanted : 0
    this.trail.push({ kind, options, chosen, what })
    return chosen
  }
}

/** "0.1.0.2" → [0, 1, 0, 2]; throws a RangeError on anything else. */
export function parseSchedule(text: string): number[] {
  if (!/^\d+(\.\d+)*$/.test(text))
    throw new RangeError(`bad schedule "${text}": expected option numbers joined by dots, such as 0.1.0.2`)
  return text.split('.').map(Number)
}

/** [0, 1, 0, 0] → "0.1"; the default schedule is "0". */
export function formatSchedule(choices: readonly number[]): string {
  let end = choices.length
  while (end > 0 && choices[end - 1] === 0) end--
  return end === 0 ? '0' : choices.slice(0, end).join('.')
}

/** The choices of a trail that differ from the default, in words. */
export function describeTrail(trail: readonly Choice[]): string {
  const parts = trail.flatMap((c) => {
    if (c.chosen === 0) return []
    if (c.kind === 'early') return [`${c.what} early`]
    if (c.kind === 'split') return [c.what]
    const keys = c.what.replace(/^reap first of keys /, '').split(', ')
    return [`of keys ${keys.join(', ')} the gc reaps ${keys[c.chosen]} first`]
  })
  return parts.length === 0 ? 'the default schedule' : parts.join('; ')
}
