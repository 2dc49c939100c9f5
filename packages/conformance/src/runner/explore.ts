// Exploring schedules: an implementation that can run a case under every schedule of the work a
// kernel does asynchronously (the simulator, `--impl sim:explore`) hands each schedule's outcome
// back to be judged here. A case whose expectations hold under some schedules but not all is
// flaky: it fails, naming the schedule that breaks it, which `--impl sim:schedule=…` replays.
import type { Case, Observation, WireStep } from '@watchq/spec'
import type { Verdict } from './evaluate.js'
import type { RunOutcome } from './session.js'

export interface ExploredCase {
  /** Schedules run. */
  readonly schedules: number
  /** False when the bound cut exploration short. */
  readonly complete: boolean
  /** Schedules under which the case passed. */
  readonly held: number
  /** The first schedule under which it did not pass. */
  readonly breaking?: {
    /** The --impl form that replays it. */
    readonly impl: string
    /** Its choices that differ from the default, in words. */
    readonly what: string
    readonly verdict: Verdict
    /** What it observed under that schedule, when it answered observations. */
    readonly observations?: Observation[]
  }
}

export interface ScheduleExplorer {
  /** Runs `steps` under every schedule (bounded); `judge` turns one schedule's outcome into a verdict. */
  explore(c: Case, steps: WireStep[], judge: (outcome: RunOutcome) => Verdict): ExploredCase
}

/** The verdict of an explored case: the default schedule's, unless another schedule breaks it. */
export function exploredVerdict(first: Verdict, e: ExploredCase): Verdict {
  const cut = e.complete ? '' : ` (the bound stopped exploration there; more schedules remain)`
  if (!e.breaking)
    return first.status === 'pass' ? { ...first, reason: `held under all ${e.schedules} schedules${cut}` } : first
  // Not a pass under the default schedule: that verdict stands.
  if (first.status !== 'pass') return first
  const b = e.breaking
  return {
    ...b.verdict,
    status: b.verdict.status === 'pass' ? 'fail' : b.verdict.status,
    reason: `flaky: holds under ${e.held} of ${e.schedules} schedules${cut}; breaks under --impl ${b.impl} (${b.what}): ${b.verdict.reason ?? b.verdict.status}`,
  }
}
