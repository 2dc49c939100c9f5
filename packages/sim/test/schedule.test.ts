// Schedules of deferred work (src/schedule.ts) and their depth-first exploration (src/explore.ts):
// the kernel may run RCU callbacks and the key gc sooner than the default model does, and post
// several keys' removals in any order — but never a removal before the unlink that made the key
// garbage, never an expiry before its time, and always everything due by the end of a bounded wait.
import type { Observation } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { exploreSchedules, nextPrefix, type ScheduledRun } from '../src/explore.js'
import { SIM_PROFILES } from '../src/profile.js'
import { describeTrail, formatSchedule, parseSchedule, Replay } from '../src/schedule.js'
import { KEY_GC_DELAY_S } from '../src/uapi.js'
import { keyring, kinds, queue, read, Sim, type Step, twoWatchedKeysCleared, userKey, watch } from './helpers.js'

const poll = (timeoutMs: number): Step => ({ op: 'poll', fd: '$r', events: ['POLLIN'], timeoutMs })
const decoder = new Sim()
const recordsOf = (o: Observation | undefined) => (o?.bytes ? decoder.records(o) : [])

function all(steps: readonly Step[], maxSchedules?: number) {
  const runs: ScheduledRun[] = []
  const result = exploreSchedules(steps, (r) => void runs.push(r), maxSchedules ? { maxSchedules } : {})
  const observations = runs.map((r) => r.answer.observations as Observation[])
  return { ...result, runs, observations }
}

/** Two watched keys in one keyring, which is cleared: both lose their last link at once. */
const twoKeys: Step[] = [...twoWatchedKeysCleared(), read(), poll(10_000), read(), { op: 'sleep', ms: 10 }, read()]

describe('schedule strings', () => {
  it('are option numbers joined by dots, without trailing zeros; the default is 0', () => {
    expect(parseSchedule('0.1.0.2')).toEqual([0, 1, 0, 2])
    expect(formatSchedule([0, 1, 0, 0])).toBe('0.1')
    expect(formatSchedule([])).toBe('0')
    expect(formatSchedule([0, 0])).toBe('0')
    for (const bad of ['', '1..2', 'a', '1,2', '-1']) expect(() => parseSchedule(bad)).toThrow(RangeError)
  })

  it('replay their choices, then the default, and clamp an option a point does not have', () => {
    const r = new Replay([1, 5])
    expect(r.choose('early', 2, 'x')).toBe(1)
    expect(r.choose('early', 2, 'y')).toBe(0)
    expect(r.choose('order', 3, 'reap first of keys 7, 8, 9')).toBe(0)
    expect(r.trail.map((c) => c.chosen)).toEqual([1, 0, 0])
    expect(describeTrail(r.trail)).toBe('x early')
    expect(describeTrail([{ kind: 'order', options: 2, chosen: 1, what: 'reap first of keys 7, 8' }])).toBe(
      'of keys 7, 8 the gc reaps 8 first',
    )
  })

  it('are walked depth first: the last choice with an untried option takes the next one', () => {
    const c = (chosen: number, options: number) => ({ kind: 'early' as const, options, chosen, what: '' })
    expect(nextPrefix([c(0, 2), c(0, 3), c(2, 3)])).toEqual([0, 1])
    expect(nextPrefix([c(1, 2), c(2, 3)])).toBeNull()
    expect(nextPrefix([])).toBeNull()
  })
})

describe('exploring schedules', () => {
  it('runs the default schedule first, with the observations of the plain simulator', () => {
    const { runs } = all(twoKeys)
    expect(runs[0]!.schedule).toBe('0')
    expect(runs[0]!.answer.observations).toEqual(new Sim().run(twoKeys))
  })

  it('runs every schedule once: each distinct, each met choice answered, the count reported', () => {
    const { runs, schedules, complete } = all(twoKeys)
    expect(complete).toBe(true)
    expect(schedules).toBe(runs.length)
    expect(new Set(runs.map((r) => r.schedule)).size).toBe(runs.length)
    // The RCU puts of the two links and the gc may each run after any step boundary or not yet,
    // the two removals come in either order, and the second in the same gc pass or a later one.
    expect(schedules).toBe(86)
    for (const r of runs) expect(r.trail.every((c) => c.chosen < c.options)).toBe(true)
  })

  it('stops at the bound and says so', () => {
    const cut = all(twoKeys, 3)
    expect(cut).toMatchObject({ schedules: 3, complete: false })
    expect(all(twoKeys, 86)).toMatchObject({ schedules: 86, complete: true })
  })

  it('posts two collected keys’ removals in either order, and only in a bounded wait or after it', () => {
    const { observations } = all(twoKeys)
    const orders = new Set<string>()
    for (const obs of observations) {
      const early = recordsOf(obs[8])
      const late = recordsOf(obs[10])
      // Whatever the schedule, after the bounded poll and a wait both removals have been read.
      const all = [...early, ...late, ...recordsOf(obs[12])]
      expect(kinds(all)).toEqual(['removal', 'removal'])
      orders.add(all.map((r) => (r.kind === 'removal' ? r.watchId : -1)).join(','))
    }
    expect([...orders].sort()).toEqual(['1,2', '2,1'])
    // Some schedule delivers them to the read right after the clear, as a fast kernel may.
    expect(observations.some((obs) => recordsOf(obs[8]).length > 0)).toBe(true)
    // The poll wakes at the first removal: some schedule leaves the other to a later gc pass.
    expect(observations.some((obs) => recordsOf(obs[8]).length === 0 && recordsOf(obs[10]).length === 1)).toBe(true)
    // The default schedule reaps both in one pass, in serial order, for the read after the poll.
    expect(recordsOf(observations[0]![10])).toHaveLength(2)
  })

  it('never posts a removal before the unlink that made the key garbage returns', () => {
    const steps: Step[] = [
      ...queue(),
      keyring(),
      userKey('$k', '$ring'),
      watch('$k', 3),
      read(),
      read(),
      { op: 'unlink', key: '$k', keyring: '$ring' },
      read(),
      read(),
      poll(10_000),
      read(),
    ]
    const { observations, schedules } = all(steps)
    expect(schedules).toBeGreaterThan(1)
    for (const obs of observations) {
      // Steps 5 and 6 read before the unlink (step 7): nothing there under any schedule.
      expect(obs[5]).toEqual({ errno: 'EAGAIN' })
      expect(obs[6]).toEqual({ errno: 'EAGAIN' })
      expect(obs[7]).toEqual({ ret: 0 })
      const removals = [obs[8], obs[9], obs[11]].flatMap((o) => recordsOf(o))
      expect(kinds(removals)).toEqual(['removal'])
    }
    // The read right after the unlink sees the removal under some schedules, not under others.
    expect(new Set(observations.map((obs) => recordsOf(obs[8]).length))).toEqual(new Set([0, 1]))
  })

  it('never runs an expiry timer early: an expiring key is collected only after gc_delay', () => {
    const steps: Step[] = [
      ...queue(),
      userKey(),
      watch(),
      { op: 'set_timeout', key: '$k', seconds: 1 },
      read(),
      { op: 'sleep', ms: 2000 },
      read(),
      read(),
      { op: 'sleep', ms: KEY_GC_DELAY_S * 1000 },
      read(),
    ]
    const { observations } = all(steps)
    for (const obs of observations) {
      expect(obs[7]).toEqual({ errno: 'EAGAIN' })
      expect(obs[8]).toEqual({ errno: 'EAGAIN' })
      expect(kinds(recordsOf(obs[10]))).toEqual(['removal'])
    }
  })

  it('runs each schedule on a fresh machine of the profile asked for', () => {
    const big = exploreSchedules(twoKeys, () => undefined, { profile: SIM_PROFILES['s390x-6.1']! })
    expect(big).toEqual({ schedules: 86, complete: true })
    let seen = 0
    expect(exploreSchedules(twoKeys, () => ++seen < 2)).toMatchObject({ schedules: 2, complete: false })
  })
})
