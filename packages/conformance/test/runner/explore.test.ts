// --impl sim:explore: every case runs under every schedule of the work the kernel defers, and a case
// whose expectations hold under some schedules but not all fails as flaky, naming the schedule that
// breaks it in an --impl form that replays it. Planted cases (fixtures/explore) are not robust.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { ReportMemory } from '../../src/report/write.js'
import { type ExploredCase, exploredVerdict } from '../../src/runner/explore.js'
import { runSuite } from '../../src/runner/run.js'
import { explorerFor, parseImpl } from '../../src/transport/connect.js'

const PLANTED = join(import.meta.dirname, 'fixtures/explore')

async function run(impl: string, dir = PLANTED) {
  const loaded = loadCases([dir])
  expect(loaded.problems).toEqual([])
  const report = new ReportMemory()
  const explorer = explorerFor(impl)
  await runSuite({
    connector: parseImpl(impl),
    cases: loaded.cases,
    report,
    version: 'test',
    ...(explorer ? { explorer } : {}),
  })
  return Object.fromEntries(report.results.map((r) => [r.case, r]))
}

describe('exploring schedules (--impl sim:explore)', () => {
  it('reports a case that holds under the default schedule only as flaky, with the schedule that breaks it', async () => {
    const plain = await run('sim:schedule=0')
    expect(plain['two-removals-fixed-order']!.status).toBe('pass')
    expect(plain['read-right-after-unlink']!.status).toBe('pass')
    const explored = await run('sim:explore')
    const order = explored['two-removals-fixed-order']!
    expect(order.status).toBe('fail')
    expect(order.unexpected).toBe(true)
    expect(order.reason).toMatch(
      /^flaky: holds under \d+ of \d+ schedules; breaks under --impl sim:schedule=[\d.]+ \(of keys \d+, \d+ the gc reaps \d+ first\): step 10 \(read\): records\[0\]\.watchId: expected 1, observed 2$/,
    )
    expect(order.divergence).toMatchObject({ step: 10, op: 'read' })
    // The report shows what the breaking schedule observed, not the default schedule's pass.
    expect(order.observations![10]).toEqual(order.divergence!.observed)
    const onePoll = explored['two-removals-one-poll']!
    expect(plain['two-removals-one-poll']!.status).toBe('pass')
    expect(onePoll.status).toBe('fail')
    expect(onePoll.reason).toMatch(
      /^flaky: holds under \d+ of \d+ schedules; breaks under --impl sim:schedule=[\d.]+ \(after reaping key \d+, the gc leaves keys \d+ to a later pass\): step 9 \(read\): expected ret 32, observed ret 16$/,
    )
    const early = explored['read-right-after-unlink']!
    expect(early.status).toBe('fail')
    expect(early.reason).toMatch(
      /^flaky: holds under \d+ of \d+ schedules; breaks under --impl sim:schedule=[\d.]+ \(after step 5: .* early\): step 6 \(read\): expected EAGAIN, observed ret 16$/,
    )
  })

  it('names a schedule that replays the failure', async () => {
    const explored = await run('sim:6.1:explore')
    for (const [id, r] of Object.entries(explored)) {
      const impl = /breaks under --impl (\S+)/.exec(r.reason ?? '')![1]!
      expect(impl).toMatch(/^sim:6\.1:schedule=/)
      const replayed = await run(impl)
      expect(replayed[id]!.status).toBe('fail')
      expect(replayed[id]!.divergence).toEqual(r.divergence)
    }
  })

  it('says how many schedules a robust case held under, and when the bound cut exploration short', async () => {
    const one = join(import.meta.dirname, '../../../fixtures/cases/keys/last-link-removed-removal.json')
    const full = Object.values(await run('sim:explore', one))[0]!
    expect(full.status).toBe('pass')
    expect(full.reason).toMatch(/^held under all \d+ schedules$/)
    const n = Number(/all (\d+)/.exec(full.reason!)![1])
    expect(n).toBeGreaterThan(1)
    const cut = Object.values(await run(`sim:explore=${n - 1}`, one))[0]!
    expect(cut.reason).toBe(
      `held under all ${n - 1} schedules (the bound stopped exploration there; more schedules remain)`,
    )
  })

  it('leaves a verdict that is not a pass under the default schedule as it is', () => {
    const broken: ExploredCase = {
      schedules: 2,
      complete: true,
      held: 0,
      breaking: { impl: 'sim:schedule=0', what: 'the default schedule', verdict: { status: 'error', reason: 'x' } },
    }
    expect(exploredVerdict({ status: 'error', reason: 'x' }, broken)).toEqual({ status: 'error', reason: 'x' })
    expect(exploredVerdict({ status: 'unsupported', reason: 'y' }, { schedules: 1, complete: true, held: 0 })).toEqual({
      status: 'unsupported',
      reason: 'y',
    })
  })
})

describe('the --impl forms of the simulator', () => {
  it('take a profile, then explore[=N] or schedule=S', () => {
    for (const ok of [
      'sim',
      'sim:6.1',
      'sim:explore',
      'sim:explore=3',
      'sim:s390x-6.1:explore',
      'sim:schedule=0.1',
      'sim:6.12:schedule=1',
    ])
      expect(() => parseImpl(ok)).not.toThrow()
    expect(explorerFor('sim')).toBeUndefined()
    expect(explorerFor('sim:schedule=1')).toBeUndefined()
    expect(explorerFor('cmd:sim:explore')).toBeUndefined()
    expect(explorerFor('sim:6.1:explore')).toBeDefined()
    for (const [bad, why] of [
      ['sim:explore=0', /explore=N/],
      ['sim:explore=x', /explore=N/],
      ['sim:schedule=a', /bad schedule "a"/],
      ['sim:schedule=1:explore', /exclude each other/],
      ['sim:6.1:fast', /unknown simulator option "fast"/],
      ['sim:7.0:explore', /no simulator profile "7.0"/],
    ] as const)
      expect(() => parseImpl(bad)).toThrow(why)
  })
})
