// `watchq fuzz`: differential runs of generated programs on two implementations.
import { parseArgs } from 'node:util'
import { fuzz } from '../fuzz/fuzz.js'
import { parseImpl } from '../transport/connect.js'
import { intOption } from './int-option.js'
import { EXIT, type Io, UsageError } from './io.js'

export const FUZZ_HELP = `Usage: watchq fuzz [--a IMPL] [--b IMPL] [--seed S] [--count N] [--steps M] [--time SECONDS] [--out DIR]

Generates seeded random programs (pipes, SET_SIZE, filters, keys and keyrings, watches, key
operations, reads, FIONREAD, polls, writes) and runs each on two implementations, holding B to
what A did (return values, errnos, record bytes; key serials by position). The first divergence is
shrunk to a small program, printed with its seed, and written to DIR/seed-S.json as a case.
Programs avoid what the kernel leaves to timing (blocking calls, the garbage collector's removal
records), so correct implementations never diverge.

  --a IMPL      Default sim                       --b IMPL    Default vm:6.12
  --seed S      Default: random, printed          --count N   Programs (default 200)
  --steps M     Most operations per program (24)  --time S    Stop generating after S seconds
  --out DIR     Where a regression case goes (default fuzz-regressions)

Exit codes: 0 no divergence, 1 a divergence (see the case written), 2 usage error.
`

export async function fuzzCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      seed: { type: 'string' },
      count: { type: 'string' },
      steps: { type: 'string' },
      time: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(FUZZ_HELP)
    return EXIT.ok
  }
  const seed = intOption('seed', values.seed, Math.floor(Math.random() * 2 ** 31))
  const count = intOption('count', values.count, 200)
  const maxSteps = intOption('steps', values.steps, 24)
  const time = values.time === undefined ? undefined : Number(values.time)
  if (time !== undefined && !(time > 0)) throw new UsageError(`--time must be a positive number of seconds`)
  const progress = (line: string) => io.err(`watchq fuzz: ${line}`)
  let a: ReturnType<typeof parseImpl>
  let b: ReturnType<typeof parseImpl>
  try {
    a = parseImpl(values.a ?? 'sim', { onProgress: progress })
    b = parseImpl(values.b ?? 'vm:6.12', { onProgress: progress })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  io.err(`watchq fuzz: ${a.spec} vs ${b.spec}, seed ${seed}, up to ${count} programs of ≤ ${maxSteps} operations`)
  const r = await fuzz({
    a,
    b,
    seed,
    count,
    maxSteps,
    outDir: values.out ?? 'fuzz-regressions',
    ...(time ? { timeLimitMs: time * 1000 } : {}),
  })
  const rate = `${r.programs} programs, ${r.steps} operations in ${(r.ms / 1000).toFixed(1)} s (${Math.round((r.steps / r.ms) * 1000)} operations/s)`
  if (!r.divergence) {
    io.out(`no divergence: ${rate}; seed ${seed}`)
    return EXIT.ok
  }
  io.out(`DIVERGENCE (seed ${seed}): ${r.divergence.why}`)
  io.out(`shrunk to ${r.divergence.steps.length} steps${r.divergence.file ? `, written to ${r.divergence.file}` : ''}`)
  io.out(`reproduce: watchq fuzz --a ${a.spec} --b ${b.spec} --seed ${seed} --count ${count} --steps ${maxSteps}`)
  io.out(rate)
  return EXIT.failed
}
