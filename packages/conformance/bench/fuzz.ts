// Generated operations per second: programs from the fuzz generator run on the simulator alone,
// differentially on two simulator profiles, and differentially against a kernel in QEMU. Baseline
// in the same run: generating the programs alone. Writes the "Fuzzing" section of BENCHMARKS.md.
//
//   npm run bench:fuzz -w @watchq/conformance [-- --count N --vm-count N --dry]
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import fc from 'fast-check'
import { upsertMarkdownSection } from '../../../scripts/benchmarks-md.js'
import { fuzz } from '../src/fuzz/fuzz.js'
import { program, toSteps } from '../src/fuzz/program.js'
import { RestartBudget, Session } from '../src/runner/session.js'
import { wireSteps } from '../src/runner/wire.js'
import { parseImpl } from '../src/transport/connect.js'

const { values } = parseArgs({
  options: { count: { type: 'string' }, 'vm-count': { type: 'string' }, dry: { type: 'boolean' } },
})
const COUNT = Number(values.count ?? 2000)
const VM_COUNT = Number(values['vm-count'] ?? 500)
const SEED = 20261122
const ROOT = resolve(import.meta.dirname, '../../..')

function generated(count: number) {
  return fc.sample(program(24), { seed: SEED, numRuns: count }).map((ops, i) => toSteps(ops, String(i)))
}

// Baseline: generation alone.
let t0 = performance.now()
const programs = generated(COUNT)
const genMs = performance.now() - t0
const ops = programs.reduce((n, p) => n + p.length, 0)

// One implementation: every program run on the simulator, answers checked for shape only.
const s = new Session(parseImpl('sim'), new RestartBudget(0), 60_000)
await s.ensure()
t0 = performance.now()
for (const [i, p] of programs.entries()) {
  const r = await s.run(i, 'fuzz', wireSteps({ description: 'fuzz', steps: p }), 60_000)
  if (r.kind !== 'observed') throw new Error(`program ${i}: ${r.kind}`)
}
const simMs = performance.now() - t0
await s.stop()

const diffSim = await fuzz({ a: parseImpl('sim'), b: parseImpl('sim:s390x-6.12'), seed: SEED, count: COUNT })
const diffVm = await fuzz({ a: parseImpl('sim'), b: parseImpl('vm:6.12'), seed: SEED, count: VM_COUNT })
for (const d of [diffSim, diffVm]) if (d.divergence) throw new Error(`divergence: ${d.divergence.why}`)

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000)
const rows = [
  ['baseline: generating the programs only', ops, genMs],
  ['simulator (in process), one implementation', ops, simMs],
  ['differential: simulator x86_64-6.12 vs s390x-6.12', diffSim.steps, diffSim.ms],
  ['differential: simulator vs Linux 6.12 in QEMU (TCG)', diffVm.steps, diffVm.ms],
] as const
const section = [
  '## Fuzzing',
  '',
  '<!-- Written by packages/conformance/bench/fuzz.ts (`npm run bench:fuzz -w @watchq/conformance`); edits by hand are overwritten. -->',
  '',
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${cpus()[0]?.model.trim() ?? '?'}, nproc ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  '',
  `Method: programs from \`watchq fuzz\`'s generator (seed ${SEED}; a prelude of a notification pipe, a key and a keyring, then up to 24 random operations; ${COUNT} programs, ${VM_COUNT} against the VM), operations = steps sent. One implementation: each program one request to the in-process simulator. Differential: each program run on both implementations and B held to A's observations (serials by position), as \`watchq fuzz\` does. Target: ≥ 10,000 generated operations/s against the simulator.`,
  '',
  '| run | operations | s | operations/s |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(([label, n, ms]) => `| ${label} | ${n} | ${(ms / 1000).toFixed(2)} | ${rate(n, ms)} |`),
  '',
  `- Against the simulator: **${rate(ops, simMs)} operations/s** — target ≥ 10,000: ${rate(ops, simMs) >= 10_000 ? '**met**' : '**NOT met**'} (${(simMs / genMs).toFixed(1)}× the time of generating them).`,
  `- Against a kernel in QEMU, differentially: **${rate(diffVm.steps, diffVm.ms)} operations/s** (each program is a request, a fork in the agent and an answer over the VM's channel, plus the same on the simulator).`,
  '',
].join('\n')
console.log(section)
if (!values.dry) {
  const path = join(ROOT, 'BENCHMARKS.md')
  writeFileSync(path, upsertMarkdownSection(readFileSync(path, 'utf8'), '## Fuzzing', section))
  console.log(`wrote the "Fuzzing" section of ${path}`)
}
