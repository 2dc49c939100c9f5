// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer delay silently becomes 1 ms,
// so that every wait "times out" at once. Every limit we set goes through here.

/** The longest delay a timer honours. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** `ms` as a timer can wait it: at most MAX_TIMER_MS, never negative or NaN. */
export function timerMs(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_TIMER_MS) : MAX_TIMER_MS
}
