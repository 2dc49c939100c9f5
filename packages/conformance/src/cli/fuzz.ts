// `watchq fuzz`: differential runs of generated programs on two implementations.
import { fuzz } from '../fuzz/fuzz.js'
import { parseImpl } from '../transport/connect.js'
import { type Cli, declared } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'
import { integer, positive } from './values.js'

export function defineFuzz(cli: Cli) {
  const cmd = cli
    .command('fuzz')
    .summary('Differential random programs on two implementations (default: sim vs vm:6.12)')
    .description(
      `Generates seeded random programs (pipes, SET_SIZE, filters, keys and keyrings, watches, key
operations, reads, FIONREAD, polls, writes) and runs each on two implementations, holding B to
what A did (return values, errnos, record bytes; key serials by position). The first divergence is
shrunk to a small program, printed with its seed, and written to DIR/seed-S.json as a case.
Programs avoid what the kernel leaves to timing (blocking calls, the garbage collector's removal
records), so correct implementations never diverge.`,
    )
    .option('--a <impl>', 'Implementation A, the reference (as for "watchq run --impl")', 'sim')
    .option('--b <impl>', 'Implementation B, held to what A did', 'vm:6.12')
    .option('--seed <S>', 'Seed of the programs (default: random, printed)', integer('seed'))
    .option('--count <N>', 'Programs', integer('count'), 200)
    .option('--steps <M>', 'Most operations per program', integer('steps'), 24)
    .option('--time <seconds>', 'Stop generating after this many seconds', positive('time', 'seconds'))
    .option('--out <dir>', 'Where a regression case goes', 'fuzz-regressions')
    .addHelpText('after', '\nExit codes: 0 no divergence, 1 a divergence (see the case written), 2 usage error.')
    .action(cli.exits((options) => fuzzPrograms(options, cli.io)))
  return declared(cmd)
}

async function fuzzPrograms(
  values: {
    a: string
    b: string
    seed?: number | undefined
    count: number
    steps: number
    time?: number | undefined
    out: string
  },
  io: Io,
): Promise<number> {
  const seed = values.seed ?? Math.floor(Math.random() * 2 ** 31)
  const { count, steps: maxSteps, time } = values
  const progress = (line: string) => io.err(`watchq fuzz: ${line}`)
  let a: ReturnType<typeof parseImpl>
  let b: ReturnType<typeof parseImpl>
  try {
    a = parseImpl(values.a, { onProgress: progress })
    b = parseImpl(values.b, { onProgress: progress })
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
    outDir: values.out,
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
