// Runner overhead per case: the suite against an implementation that answers instantly, in-process
// and over stdio, against a baseline measured in the same process (the JSON work the protocol
// itself needs per case). Writes the "Runner" section of the repo-root BENCHMARKS.md.
//
//   npm run bench -w @watchq/conformance [-- --cases N --rounds N --dry]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { upsertMarkdownSection } from '../../../scripts/benchmarks-md.js'
import { loadCases } from '../src/cases/load.js'
import { ReportMemory } from '../src/report/write.js'
import { runSuite } from '../src/runner/run.js'
import { wireSteps } from '../src/runner/wire.js'
import { inProcessConnector } from '../src/transport/in-process.js'
import { stdioConnector } from '../src/transport/stdio.js'
import { hexOf, key } from '../test/support/records.js'

const { values } = parseArgs({
  options: { cases: { type: 'string' }, rounds: { type: 'string' }, dry: { type: 'boolean' } },
})
const N = Number(values.cases ?? 2000)
const ROUNDS = Number(values.rounds ?? 7)
const ROOT = resolve(import.meta.dirname, '../../..')
const CASE = join(import.meta.dirname, '../test/cases/fixtures/good/cases/keys/update.json')

const implementation = {
  name: 'bench',
  version: '0',
  kernel: '6.12.117',
  arch: 'x86_64',
  endian: 'little' as const,
  pageSize: 4096,
  features: ['notification-pipe' as const, 'key-notifications' as const],
  ops: ['pipe2', 'set_size', 'add_key', 'watch', 'update', 'read'] as (
    | 'pipe2'
    | 'set_size'
    | 'add_key'
    | 'watch'
    | 'update'
    | 'read'
  )[],
}
const observations = [
  { ret: 0, fds: [3, 4] },
  { ret: 0 },
  { ret: 4242 },
  { ret: 0 },
  { ret: 0 },
  { ret: 16, bytes: hexOf([key('updated', 4242)]) },
]

const lc = loadCases([CASE]).cases[0]!
const cases = Array.from({ length: N }, (_, i) => ({ ...lc, id: `bench/${i}` }))

/** The same answers from a process: what an agent that answers instantly costs over stdio. */
const dir = mkdtempSync(join(tmpdir(), 'watchq-runner-bench-'))
const adapter = join(dir, 'adapter.mjs')
writeFileSync(
  adapter,
  `import { createInterface } from 'node:readline'
const hello = ${JSON.stringify(JSON.stringify({ protocol: 1, implementation }))}
const obs = ${JSON.stringify(JSON.stringify(observations))}
for await (const line of createInterface({ input: process.stdin })) {
  const m = JSON.parse(line)
  if (m.cmd === 'hello') process.stdout.write(hello + '\\n')
  else if (m.cmd === 'run') process.stdout.write('{"seq":' + m.seq + ',"observations":' + obs + '}\\n')
  else process.exit(0)
}
`,
)

const inProcess = () =>
  inProcessConnector({
    handle: (m: unknown) => {
      const r = m as { cmd: string; seq: number }
      return r.cmd === 'hello' ? { protocol: 1, implementation } : { seq: r.seq, observations }
    },
  })

async function suite(connector: ReturnType<typeof inProcess>): Promise<number> {
  const report = new ReportMemory()
  const t0 = performance.now()
  const s = await runSuite({ connector, cases, report, version: 'bench' })
  const ms = performance.now() - t0
  if (s.counts.pass !== N) throw new Error(`expected ${N} passes, got ${JSON.stringify(s.counts)}`)
  return (ms * 1000) / N // µs per case
}

/** Baseline: per case, the JSON the protocol itself needs (request out, answer in, result line out). */
function baseline(): number {
  const steps = wireSteps(lc.case)
  const answer = JSON.stringify({ seq: 1, observations })
  let sink = 0
  const t0 = performance.now()
  for (let i = 0; i < N; i++) {
    sink += JSON.stringify({ cmd: 'run', seq: i, case: `bench/${i}`, steps }).length
    const a = JSON.parse(answer) as { observations: unknown[] }
    sink += JSON.stringify({ case: `bench/${i}`, status: 'pass', observations: a.observations }).length
  }
  const ms = performance.now() - t0
  if (sink === 0) throw new Error('unreachable')
  return (ms * 1000) / N
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const samples = { base: [] as number[], inproc: [] as number[], stdio: [] as number[] }
console.log(`runner benchmark: ${N} cases of 6 steps (keys/update), ${ROUNDS} rounds`)
await suite(inProcess()) // warm-up
await suite(stdioConnector(`${process.execPath} ${adapter}`))
for (let r = 0; r < ROUNDS; r++) {
  samples.base.push(baseline())
  samples.inproc.push(await suite(inProcess()))
  samples.stdio.push(await suite(stdioConnector(`${process.execPath} ${adapter}`)))
  console.log(
    `  round ${r + 1}: baseline ${samples.base.at(-1)!.toFixed(1)} µs, in-process ${samples.inproc.at(-1)!.toFixed(1)} µs, stdio ${samples.stdio.at(-1)!.toFixed(1)} µs per case`,
  )
}
const base = median(samples.base)
const inproc = median(samples.inproc)
const stdio = median(samples.stdio)
const met = inproc <= 500
const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`
const lines = [
  '## Runner',
  '',
  '<!-- Written by packages/conformance/bench/runner.ts (`npm run bench -w @watchq/conformance`); edits by hand are overwritten. -->',
  '',
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, nproc ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  '',
  `Method: \`runSuite\` over ${N} copies of a 6-step case (\`keys/update\`: pipe2, set_size, add_key, watch, update, read of one key record), against an implementation that answers every request at once with canned observations; the report kept in memory. Per case the runner sends the steps without expectations, reads and validates the answer against the protocol schema, binds handles, decodes the read bytes, compares, and builds the result line. Time per case = wall time / ${N}; ${ROUNDS} rounds after a warm-up, medians. The baseline, measured in the same process each round, is the JSON the protocol needs per case in any runner (stringify the request, parse the answer, stringify a result line).`,
  '',
  '| variant | µs per case (median) | min–max |',
  '| --- | ---: | ---: |',
  `| baseline: the protocol's JSON alone | ${base.toFixed(1)} | ${range(samples.base)} |`,
  `| runner, in-process implementation | ${inproc.toFixed(1)} | ${range(samples.inproc)} |`,
  `| runner, stdio implementation (a node child process) | ${stdio.toFixed(1)} | ${range(samples.stdio)} |`,
  '',
  `- Runner overhead per case, in-process: **${(inproc / 1000).toFixed(3)} ms** — target ≤ 0.5 ms: ${met ? '**met**' : '**NOT met**'} (${(inproc / base).toFixed(1)}× the baseline).`,
  `- Per-case overhead of the stdio transport (stdio − in-process): **${((stdio - inproc) / 1000).toFixed(3)} ms** (one request/answer round trip through a pipe to another process and back).`,
  '',
]
const section = lines.join('\n')
console.log(`\n${section}`)
if (!values.dry) {
  const path = join(ROOT, 'BENCHMARKS.md')
  writeFileSync(path, upsertMarkdownSection(readFileSync(path, 'utf8'), '## Runner', section))
  console.log(`wrote the "Runner" section of ${path}`)
}
