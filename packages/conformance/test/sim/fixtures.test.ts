// The whole case suite and every committed capture, run against the simulator: every case passes
// (or is skipped by its `requires`, as on the kernels), and every capture — what a real kernel
// did — replays green against the profile of the kernel it was captured on.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { ReportMemory } from '../../src/report/write.js'
import { runSuite } from '../../src/runner/run.js'
import { SIM_PROFILES, simulator } from '../../src/sim/index.js'
import { inProcessConnector } from '../../src/transport/in-process.js'

const FIXTURES = join(import.meta.dirname, '../../../fixtures')
const CASES = join(FIXTURES, 'cases')
const CAPTURES = join(FIXTURES, 'captures')

async function run(dir: string, profileName: string) {
  const profile = SIM_PROFILES[profileName]!
  const loaded = loadCases([dir])
  expect(loaded.problems).toEqual([])
  const report = new ReportMemory()
  const summary = await runSuite({
    connector: inProcessConnector(() => simulator(profile)),
    cases: loaded.cases,
    report,
    version: 'test',
  })
  const bad = report.results.filter((r) => r.unexpected).map((r) => `${r.case}: ${r.status}: ${r.reason}`)
  return { summary, bad, results: report.results, total: loaded.cases.length }
}

describe('the case suite against the simulator', () => {
  it.each(['x86_64-6.12', 'x86_64-6.1', 's390x-6.1', 's390x-6.12'])(
    '%s: every case passes or is skipped by requires',
    async (name) => {
      const { summary, bad, results } = await run(CASES, name)
      expect(bad.join('\n')).toBe('')
      expect(summary.unexpected).toBe(0)
      // Skips come only from requirements the profile does not meet (kernel range, byte order).
      for (const r of results.filter((x) => x.status === 'skip')) expect(r.reason).toMatch(/^needs /)
      expect(summary.counts.pass).toBeGreaterThan(100)
    },
  )
})

describe('the captures of real kernels replay against the simulator', () => {
  it.each(['x86_64-6.12', 'x86_64-6.1', 's390x-6.1'])('%s', async (name) => {
    const { summary, bad, total } = await run(join(CAPTURES, name), name)
    expect(bad.join('\n')).toBe('')
    expect(summary.unexpected).toBe(0)
    expect(summary.counts.pass).toBe(total)
  })
})
