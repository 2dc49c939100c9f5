// The real-kernel tier: the whole case suite against each test kernel (x86_64 6.1 and 6.12, and
// big-endian s390x 6.1), booted in QEMU with the agent as /init. Kernels are built from Debian's
// sources on first use and cached. Reports go to .vitest/kernels/<kernel>.jsonl for `watchq summary`.
// The committed captures of each kernel are replayed against it too, so that drift shows.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { defaultCasesDir } from '../../src/cli/run.js'
import { ReportFile } from '../../src/report/write.js'
import { Expectations, loadExpectations } from '../../src/runner/expectations.js'
import { runSuite } from '../../src/runner/run.js'
import { vmImplConnector } from '../../src/transport/vm-impl.js'

const ROOT = join(import.meta.dirname, '../../../..')
const EXPECTATIONS = join(ROOT, 'packages/fixtures/expectations')
const KERNELS = ['x86_64-6.1', 'x86_64-6.12', 's390x-6.1']

describe.each(KERNELS)('the case suite on %s', (kernel) => {
  it(
    'gives every case its expected result',
    async () => {
      const loaded = loadCases([defaultCasesDir()])
      expect(loaded.problems).toEqual([])
      const file = join(EXPECTATIONS, `${kernel}.json`)
      const expectations = existsSync(file) ? loadExpectations(file) : new Expectations()
      const report = join(ROOT, '.vitest/kernels', `${kernel}.jsonl`)
      const summary = await runSuite({
        connector: vmImplConnector(`vm:${kernel}`, { onProgress: (line) => console.log(`[${kernel}] ${line}`) }),
        cases: loaded.cases,
        report: new ReportFile(report),
        jobs: 2,
        timeoutMs: 60_000,
        expectations,
        version: 'kernel-tier',
        onResult: (r) => {
          if (r.unexpected) console.log(`[${kernel}] ${r.status.toUpperCase()} ${r.case}: ${r.reason}`)
        },
      })
      console.log(`[${kernel}] ${JSON.stringify(summary.counts)}; report ${report}`)
      expect(summary.implementation?.kernel).toMatch(new RegExp(`^${kernel.split('-')[1]!.replace('.', '\\.')}\\.`))
      expect(summary.counts.pass).toBeGreaterThan(loaded.cases.length / 2)
      expect(summary.unexpected).toBe(0)
      // The agent supports everything on these kernels: the cases it does not run are for the other
      // byte order or kernel (not applicable), never a gap.
      expect(summary.counts.unsupported).toBe(0)
      expect(summary.counts['not-applicable']).toBeGreaterThan(0)
    },
    45 * 60_000,
  )

  it(
    'still does what its committed captures recorded',
    async () => {
      const loaded = loadCases([join(ROOT, 'packages/fixtures/captures', kernel)])
      expect(loaded.problems).toEqual([])
      const summary = await runSuite({
        connector: vmImplConnector(`vm:${kernel}`),
        cases: loaded.cases,
        report: new ReportFile(join(ROOT, '.vitest/kernels', `${kernel}.captures.jsonl`)),
        jobs: 2,
        timeoutMs: 60_000,
        version: 'kernel-tier',
        onResult: (r) => {
          if (r.unexpected) console.log(`[${kernel} captures] ${r.status.toUpperCase()} ${r.case}: ${r.reason}`)
        },
      })
      expect(summary.counts.pass).toBe(loaded.cases.length)
    },
    45 * 60_000,
  )
})
