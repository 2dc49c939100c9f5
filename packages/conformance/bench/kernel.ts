// Real kernels: boot plus the whole case suite against each cached test kernel, the throughput of
// the protocol channel into the VM, and the cold build times the builds recorded. The channel is
// measured against a baseline in the same run: the same steps through the agent on this host over
// stdio. Writes the "Kernels" section of the repo-root BENCHMARKS.md.
//
//   npm run bench:kernel -w @watchq/conformance [-- --steps N --rounds N --dry --kernel x86_64-6.12 …]
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { hostAgentConnector, readMetadata } from '@watchq/kernel'
import type { Case, Connector } from '@watchq/spec'
import { upsertMarkdownSection } from '../../../scripts/benchmarks-md.js'
import { type LoadedCase, loadCases } from '../src/cases/load.js'
import { defaultCasesDir } from '../src/cli/run.js'
import { ReportMemory } from '../src/report/write.js'
import { runSuite } from '../src/runner/run.js'
import { vmImplConnector } from '../src/transport/vm-impl.js'
import { MATRIX } from '../test/kernel/kernels.js'

const { values } = parseArgs({
  options: {
    steps: { type: 'string' },
    rounds: { type: 'string' },
    dry: { type: 'boolean' },
    kernel: { type: 'string', multiple: true },
  },
})
const STEPS = Number(values.steps ?? 2000)
const ROUNDS = Number(values.rounds ?? 3)
const ROOT = resolve(import.meta.dirname, '../../..')
// Every kernel of the matrix, or those named with --kernel (repeatable).
const KERNELS: readonly string[] = values.kernel?.length ? values.kernel : MATRIX
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

/** One case of `n` cheap steps: FIONREAD on an ordinary pipe (one syscall each, a small answer). */
function stepsCase(n: number): LoadedCase {
  const c: Case = {
    description: `${n} FIONREAD steps`,
    steps: [
      { op: 'pipe2', flags: [], bind: ['$r', '$w'], expect: { ret: 0 } },
      { op: 'fionread', fd: '$r', repeat: n, expect: { ret: 0, value: 0 } } as Case['steps'][number],
    ],
  }
  // The loader expands `repeat`; do the same here.
  const steps = [
    c.steps[0]!,
    ...Array.from({ length: n }, () => ({ op: 'fionread', fd: '$r', expect: { ret: 0, value: 0 } })),
  ]
  return { id: `bench/steps-${n}`, file: '', case: { ...c, steps } as Case, from: 'case', sha256: '' }
}

/** Seconds for runSuite over `cases` on a fresh connection (boot included for a VM). */
async function timed(connector: Connector, cases: LoadedCase[]): Promise<number> {
  const t0 = performance.now()
  const s = await runSuite({ connector, cases, report: new ReportMemory(), timeoutMs: 120_000, version: 'bench' })
  const sec = (performance.now() - t0) / 1000
  if (s.unexpected) throw new Error(`${connector.spec}: ${s.unexpected} unexpected results`)
  return sec
}

/** Steps per second through a connector: (a case of STEPS steps − a case of 1 step) on one connection. */
async function throughput(connector: Connector): Promise<number> {
  const report = new ReportMemory()
  const big = stepsCase(STEPS)
  const small = stepsCase(1)
  const times: number[] = []
  const onResult = (r: { durationMs: number }) => times.push(r.durationMs)
  await runSuite({
    connector,
    cases: [small, big, small, big, small, big],
    report,
    timeoutMs: 120_000,
    version: 'bench',
    onResult,
  })
  const smallMs = median([times[0]!, times[2]!, times[4]!])
  const bigMs = median([times[1]!, times[3]!, times[5]!])
  return STEPS / ((bigMs - smallMs) / 1000)
}

/** Cases per second on one connection: ROUND_TRIPS one-step cases, each its own request and answer. */
async function roundTrips(connector: Connector): Promise<number> {
  const one = stepsCase(1)
  const cases = Array.from({ length: ROUND_TRIPS }, (_, i) => ({ ...one, id: `bench/rt-${i}` }))
  let ms = 0
  await runSuite({
    connector,
    cases,
    report: new ReportMemory(),
    timeoutMs: 120_000,
    version: 'bench',
    onResult: (r) => (ms += r.durationMs),
  })
  return ROUND_TRIPS / (ms / 1000)
}

const ROUND_TRIPS = 500
const suite = loadCases([defaultCasesDir()]).cases
const rows: string[] = []
const host = hostAgentConnector()
const hostRate = await throughput(host)
const hostTrips = await roundTrips(host)
console.log(`host agent over stdio: ${hostRate.toFixed(0)} steps/s, ${hostTrips.toFixed(0)} cases/s`)
for (const k of KERNELS) {
  const boots: number[] = []
  const rates: number[] = []
  const trips: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    boots.push(await timed(vmImplConnector(`vm:${k}`), suite))
    rates.push(await throughput(vmImplConnector(`vm:${k}`)))
    trips.push(await roundTrips(vmImplConnector(`vm:${k}`)))
  }
  const c = vmImplConnector(`vm:${k}`)
  await timed(c, suite.slice(0, 1))
  const p = c.provenance?.() ?? {}
  const meta = p['vmImage'] ? readMetadata(p['vmImage']) : undefined
  const line = `| ${k} | ${p['kernelRelease'] ?? '?'} | ${p['vmAccel'] ?? '?'} | ${median(boots).toFixed(2)} (${Math.min(...boots).toFixed(2)}–${Math.max(...boots).toFixed(2)}) | ${median(rates).toFixed(0)} | ${(median(rates) / hostRate).toFixed(2)}× | ${median(trips).toFixed(0)} | ${(median(trips) / hostTrips).toFixed(2)}× | ${meta ? `${Math.round(meta.buildSeconds / 6) / 10} min` : '?'} |`
  console.log(line)
  rows.push(line)
}
const section = [
  '## Kernels',
  '',
  '<!-- Written by packages/conformance/bench/kernel.ts (`npm run bench:kernel -w @watchq/conformance`); edits by hand are overwritten. -->',
  '',
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${cpus()[0]?.model.trim() ?? '?'}, nproc ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; kernels cached (built by \`watchq kernel build\`).`,
  '',
  `- **Boot + suite**: \`runSuite\` over all ${suite.length} cases of packages/fixtures/cases on one fresh VM (QEMU started, kernel booted, agent ready, every case run, QEMU stopped), ${ROUNDS} rounds, median (min–max). Target ≤ 10 s.`,
  `- **Channel, steps/s**: one case of ${STEPS} FIONREAD steps minus one case of 1 step, on one VM (medians of 3 each): steps per second through the protocol channel and the agent, the steps of a case travelling in one request. Target ≥ 2,000 steps/s. Baseline in the same run: the same through the agent on this host over stdio, ${hostRate.toFixed(0)} steps/s.`,
  `- **Channel, cases/s**: ${ROUND_TRIPS} one-step cases on one VM, each its own request and answer (and a fork in the agent): the round-trip rate, the worst case for the channel. Baseline: the same on this host over stdio, ${hostTrips.toFixed(0)} cases/s.`,
  '- **Cold build**: `buildSeconds` recorded by the build of the cached kernel (apt install, extract, tinyconfig + fragments, make -j2), on this machine.',
  '',
  '| kernel | release | accel | boot + suite, s | channel, steps/s | vs host | channel, cases/s | vs host | cold build |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
].join('\n')
console.log(`\n${section}`)
if (!values.dry) {
  const path = join(ROOT, 'BENCHMARKS.md')
  writeFileSync(path, upsertMarkdownSection(readFileSync(path, 'utf8'), '## Kernels', section))
  console.log(`wrote the "Kernels" section of ${path}`)
}
