// Exploring the schedules of deferred work (schedule.ts): one case, run on a fresh machine under
// every schedule, depth first, each answer handed to the caller, who judges it. The first run is
// the default schedule; each next one changes the last choice that has an untried option.
import { runCase } from './implementation.js'
import { Kernel } from './kernel.js'
import { checkProfile, DEFAULT_PROFILE, type SimProfile } from './profile.js'
import { type Choice, formatSchedule, Replay } from './schedule.js'

/** Schedules one case may be explored under by default. */
export const DEFAULT_MAX_SCHEDULES = 256

export interface ScheduledRun {
  /** The schedule, as `--impl sim:schedule=…` takes it back. */
  readonly schedule: string
  /** The choice points it met and what it chose at each. */
  readonly trail: readonly Choice[]
  /** The simulator's answer to the run request (as JSON would carry it). */
  readonly answer: Record<string, unknown>
}

export interface Exploration {
  /** Schedules run. */
  readonly schedules: number
  /** False when the bound cut exploration short (or the visitor stopped it). */
  readonly complete: boolean
}

/**
 * Runs `steps` under every schedule, at most `maxSchedules` of them, calling `visit` with each;
 * `visit` returning false stops the exploration.
 */
export function exploreSchedules(
  steps: readonly unknown[],
  visit: (run: ScheduledRun) => boolean | undefined,
  options: { readonly profile?: SimProfile; readonly maxSchedules?: number } = {},
): Exploration {
  const profile = options.profile ?? DEFAULT_PROFILE
  checkProfile(profile)
  const max = options.maxSchedules ?? DEFAULT_MAX_SCHEDULES
  let prefix: number[] | null = []
  let schedules = 0
  while (prefix !== null) {
    if (schedules >= max) return { schedules, complete: false }
    const kernel = new Kernel(profile)
    const chooser = new Replay(prefix)
    kernel.chooser = chooser
    const answer = JSON.parse(JSON.stringify(runCase(kernel, 0, steps))) as Record<string, unknown>
    schedules++
    const trail = chooser.trail
    const schedule = formatSchedule(trail.map((c) => c.chosen))
    if (visit({ schedule, trail, answer }) === false) return { schedules, complete: nextPrefix(trail) === null }
    prefix = nextPrefix(trail)
  }
  return { schedules, complete: true }
}

/** The next schedule depth first: the last choice with an untried option takes it; null when none is left. */
export function nextPrefix(trail: readonly Choice[]): number[] | null {
  for (let i = trail.length - 1; i >= 0; i--) {
    const c = trail[i]!
    if (c.chosen + 1 < c.options) return [...trail.slice(0, i).map((t) => t.chosen), c.chosen + 1]
  }
  return null
}
