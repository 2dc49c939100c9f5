// The simulator's speed: time per case for the whole suite in process, and through the daemon on a
// Unix socket, against a baseline measured in the same run (the runner with an implementation that
// answers instantly, bench/runner.ts's figure). Writes the "Simulator" section of BENCHMARKS.md.
//
//   npm run bench:sim -w @watchq/conformance [-- --rounds N --dry]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SIM_PROFILES, serve, simulator } from '@watchq/sim'
import type { Connector } from '@watchq/spec'
import { upsertMarkdownSection } from '../../../scripts/benchmarks-md.js'
import { loadCases } from '../src/cases/load.js'
import { defaultCasesDir } from '../src/cli/run.js'
import { ReportMemory } from '../src/report/write.js'
import { runSuite } from '../src/runner/run.js'
import { parseImpl } from '../src/transport/connect.js'
import { inProcessConnector } from '../src/transport/in-process.js'

const { values } = parseArgs({ options: { rounds: { type: 'string' }, dry: { type: 'boolean' } } })
const ROUNDS = Number(values.rounds ?? 7)
const ROOT = resolve(import.meta.dirname, '../../..')
const profile = SIM_PROFILES['x86_64-6.12']!
const loaded = loadCases([defaultCasesDir()]).cases
// The suite three times over: long enough to time, short enough to repeat.
const cases = [0, 1, 2].flatMap((k) => loaded.map((c) => ({ ...c, id: `${c.id}#${k}` })))

/** The same cases answered instantly with what the simulator said: the runner's own share. */
async function cannedConnector(): Promise<Connector> {
  const answers = new Map<string, unknown>()
  const sim = simulator(profile)
  const hello = await sim.handle({ cmd: 'hello', protocol: 1 })
  for (const c of loaded) {
    const steps = c.case.steps.map(({ expect: _e, ...s }) => s)
    answers.set(c.id, await sim.handle({ cmd: 'run', seq: 0, case: c.id, steps }))
  }
  return inProcessConnector({
    handle: (m: unknown) => {
      const r = m as { cmd: string; seq: number; case: string }
      if (r.cmd === 'hello') return hello
      return { ...(answers.get(r.case.replace(/#\d+$/, '')) as object), seq: r.seq }
    },
  })
}

async function perCaseMs(connector: Connector): Promise<number> {
  const t0 = performance.now()
  const s = await runSuite({ connector, cases, report: new ReportMemory(), version: 'bench' })
  const ms = performance.now() - t0
  if (s.unexpected) throw new Error(`${connector.spec}: ${s.unexpected} unexpected results`)
  return ms / cases.length
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const range = (xs: number[]) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`
const sock = join(mkdtempSync(join(tmpdir(), 'watchq-sim-bench-')), 'sim.sock')
const server = await serve({ listen: { kind: 'unix', path: sock }, implementation: () => simulator(profile) })
const samples = { canned: [] as number[], sim: [] as number[], daemon: [] as number[] }
const canned = await cannedConnector()
await perCaseMs(parseImpl('sim'))
await perCaseMs(parseImpl(server.address))
for (let r = 0; r < ROUNDS; r++) {
  samples.canned.push(await perCaseMs(canned))
  samples.sim.push(await perCaseMs(parseImpl('sim')))
  samples.daemon.push(await perCaseMs(parseImpl(server.address)))
  console.log(
    `round ${r + 1}: canned ${samples.canned.at(-1)!.toFixed(3)} ms, sim ${samples.sim.at(-1)!.toFixed(3)} ms, daemon ${samples.daemon.at(-1)!.toFixed(3)} ms per case`,
  )
}
await server.close()
const [c, s, d] = [median(samples.canned), median(samples.sim), median(samples.daemon)]
const section = [
  '## Simulator',
  '',
  '<!-- Written by packages/conformance/bench/sim.ts (`npm run bench:sim -w @watchq/conformance`); edits by hand are overwritten. -->',
  '',
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${cpus()[0]?.model.trim() ?? '?'}, nproc ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  '',
  `Method: \`runSuite\` over the ${loaded.length} cases of packages/fixtures/cases, three times over (${cases.length} cases), profile x86_64-6.12, report in memory; time per case = wall time / ${cases.length}; ${ROUNDS} rounds after a warm-up, medians (min–max). Baseline in the same run: the same cases answered instantly with the simulator's own answers, recorded beforehand (the runner's share of the time).`,
  '',
  '| implementation | ms per case | min–max |',
  '| --- | ---: | ---: |',
  `| baseline: canned answers, in process | ${c.toFixed(3)} | ${range(samples.canned)} |`,
  `| simulator, in process (\`--impl sim\`) | ${s.toFixed(3)} | ${range(samples.sim)} |`,
  `| simulator daemon on a Unix socket (\`watchq serve\`) | ${d.toFixed(3)} | ${range(samples.daemon)} |`,
  '',
  `- In process: **${s.toFixed(3)} ms per case** — target ≤ 2 ms: ${s <= 2 ? '**met**' : '**NOT met**'}; the simulator's own share ${(s - c).toFixed(3)} ms (${(s / c).toFixed(1)}× the baseline).`,
  `- Through the daemon: **${d.toFixed(3)} ms per case** (${(d - s).toFixed(3)} ms more than in process: the socket round trip and JSON).`,
  '',
].join('\n')
console.log(`\n${section}`)
if (!values.dry) {
  const path = join(ROOT, 'BENCHMARKS.md')
  writeFileSync(path, upsertMarkdownSection(readFileSync(path, 'utf8'), '## Simulator', section))
  console.log(`wrote the "Simulator" section of ${path}`)
}
