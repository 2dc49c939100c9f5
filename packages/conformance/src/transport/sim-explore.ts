// The simulator's schedules of deferred work, for `--impl sim:explore` (every schedule of a case,
// judged by the runner) and `--impl sim:schedule=S` (one schedule, to replay what broke a case).
import { describeTrail, exploreSchedules, type SimProfile } from '@watchq/sim'
import type { Observation } from '@watchq/spec'
import type { ExploredCase, ScheduleExplorer } from '../runner/explore.js'

/** `profileName`: as the --impl form names it (empty for the default), for the replay form. */
export function simExplorer(profile: SimProfile, profileName: string, maxSchedules: number): ScheduleExplorer {
  return {
    explore(_c, steps, judge): ExploredCase {
      let held = 0
      let breaking: ExploredCase['breaking']
      const { schedules, complete } = exploreSchedules(
        steps,
        ({ schedule, trail, answer }) => {
          const observations = Array.isArray(answer.observations) ? (answer.observations as Observation[]) : undefined
          const verdict = observations
            ? judge({ kind: 'observed', observations })
            : judge({ kind: 'errored', reason: JSON.stringify(answer.error ?? answer) })
          if (verdict.status === 'pass') held++
          else
            breaking ??= {
              impl: `sim:${profileName ? `${profileName}:` : ''}schedule=${schedule}`,
              what: describeTrail(trail),
              verdict,
              ...(observations ? { observations } : {}),
            }
          return true
        },
        { profile, maxSchedules },
      )
      return { schedules, complete, held, ...(breaking ? { breaking } : {}) }
    },
  }
}
