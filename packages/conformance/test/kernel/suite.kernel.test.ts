// The real-kernel tier: the whole case suite against each test kernel of kernels.ts (x86_64 5.10 to 7.2,
// big-endian s390x, aarch64 …), booted in QEMU with the agent as /init. Kernels are built from Debian's
// sources on first use and cached. Reports go to .vitest/kernels/<kernel>.jsonl for `watchq summary`.
// The committed captures of each kernel are replayed against it too, so that drift shows, and the
// committed results of the compat layer and the qemu-user guests are run again with their files.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { defaultCasesDir } from '../../src/cli/run.js'
import { readReportFile } from '../../src/report/read.js'
import { ReportFile } from '../../src/report/write.js'
import { Expectations, loadExpectations } from '../../src/runner/expectations.js'
import { runSuite } from '../../src/runner/run.js'
import { vmImplConnector } from '../../src/transport/vm-impl.js'
import { kernelsUnderTest } from './kernels.js'

const ROOT = join(import.meta.dirname, '../../../..')
const EXPECTATIONS = join(ROOT, 'packages/fixtures/expectations')
const KERNELS = kernelsUnderTest()

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

// The committed results of implementations we did not write (the compat layer, qemu-user guests):
// each runs again, with its expectations file, so that a file that stops being true fails here.
const RESULTS = join(ROOT, 'packages/fixtures/results')
const OTHERS = readdirSync(RESULTS)
  .filter((n) => n.endsWith('.jsonl'))
  .map((n) => n.slice(0, -'.jsonl'.length))
  // `6.12-qemu-s390x` runs on the x86_64 6.12 kernel: only when that kernel is under test.
  .filter((n) => KERNELS.includes(`x86_64-${n.split('-')[0]}`))
  .sort()

describe.each(OTHERS)('the committed result %s', (name) => {
  it(
    'is still what the implementation does: nothing unexpected with its expectations file, divergences without',
    async () => {
      const committed = readReportFile(join(RESULTS, `${name}.jsonl`))
      const impl = committed.header.impl
      const loaded = loadCases([defaultCasesDir()])
      const report = join(ROOT, '.vitest/kernels', `${name}.jsonl`)
      const summary = await runSuite({
        connector: vmImplConnector(impl, { onProgress: (line) => console.log(`[${name}] ${line}`) }),
        cases: loaded.cases,
        report: new ReportFile(report),
        jobs: 2,
        // Blocking reads that never end (the compat layer's) are timeouts by design: short ones.
        timeoutMs: 10_000,
        expectations: loadExpectations(join(EXPECTATIONS, `${name}.json`)),
        version: 'kernel-tier',
        onResult: (r) => {
          if (r.unexpected) console.log(`[${name}] ${r.status.toUpperCase()} ${r.case}: ${r.reason}`)
        },
      })
      console.log(`[${name}] ${JSON.stringify(summary.counts)}; report ${report}`)
      expect(summary.unexpected).toBe(0)
      // Same implementation, same answers as committed (statuses per case).
      const now = readReportFile(report)
      const statuses = (r: typeof now) => Object.fromEntries(r.results.map((x) => [x.case, x.status]))
      expect(statuses(now)).toEqual(statuses(committed))
      // And it does diverge: without the file the run would fail.
      expect(now.results.filter((r) => r.status !== 'pass' && r.status !== 'not-applicable').length).toBeGreaterThan(0)
    },
    20 * 60_000,
  )
})
