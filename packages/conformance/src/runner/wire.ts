// What of a case goes to an implementation: its steps without expectations (they never leave the
// runner), and how long to wait for the answer.
import { type Case, timerMs, type WireStep } from '@watchq/spec'

export function wireSteps(c: Case): WireStep[] {
  return c.steps.map((s) => {
    const { expect: _expect, ...rest } = s as typeof s & { expect?: unknown }
    return rest as WireStep
  })
}

/**
 * The per-request limit, plus the time the case itself asks to wait (polls, wait_queued, sleeps,
 * waits on programs), at most what a timer can hold.
 */
export function caseTimeoutMs(c: Case, baseMs: number): number {
  let waits = 0
  for (const s of c.steps) {
    if (s.op === 'poll' || s.op === 'wait_queued') waits += (s as { timeoutMs: number }).timeoutMs
    if (s.op === 'sleep') waits += (s as { ms: number }).ms
    if (s.op === 'wait_output' || s.op === 'wait_exit') waits += (s as { timeoutMs: number }).timeoutMs
  }
  return timerMs(baseMs + waits)
}
