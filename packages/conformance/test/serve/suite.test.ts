// The daemon mode end to end: the whole case suite against the simulator served on a Unix socket
// and on loopback TCP, with the same results as in process.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SIM_PROFILES, serve, simulator } from '@watchq/sim'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { defaultCasesDir } from '../../src/cli/run.js'
import { ReportMemory } from '../../src/report/write.js'
import { runSuite } from '../../src/runner/run.js'
import { parseImpl } from '../../src/transport/connect.js'

const cases = loadCases([defaultCasesDir()]).cases
const profile = SIM_PROFILES['x86_64-6.12']!

async function suiteOver(impl: string) {
  const report = new ReportMemory()
  const s = await runSuite({ connector: parseImpl(impl), cases, report, jobs: 2, version: 'test' })
  return { s, report }
}

describe('the simulator as a daemon', () => {
  it.each([
    ['unix', () => ({ kind: 'unix' as const, path: join(mkdtempSync(join(tmpdir(), 'watchq-sim-')), 'sim.sock') })],
    ['tcp', () => ({ kind: 'tcp' as const, host: '127.0.0.1', port: 0 })],
  ])(
    'passes the suite over %s as it does in process',
    async (_kind, listen) => {
      const server = await serve({ listen: listen(), implementation: () => simulator(profile) })
      try {
        const over = await suiteOver(server.address)
        const local = await suiteOver('sim')
        expect(
          over.s.unexpected,
          over.report.results
            .filter((r) => r.unexpected)
            .map((r) => `${r.case}: ${r.reason}`)
            .join('\n'),
        ).toBe(0)
        expect(over.s.counts).toEqual(local.s.counts)
        expect(over.s.implementation).toEqual(local.s.implementation)
      } finally {
        await server.close()
      }
    },
    60_000,
  )
})
