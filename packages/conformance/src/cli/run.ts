// `watchq run`: the suite against one implementation, a report as JSON lines, and a line for every
// result that was not expected. Loads and validates every case before anything runs.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Connector, MAX_TIMER_MS, type ReportResult, type Status } from '@watchq/spec'
import { type LoadedCase, loadCases } from '../cases/load.js'
import { inShard, parseShard, type Shard, selectionDigest } from '../cases/shard.js'
import { ReportFile, ReportLines, type ReportSink, ReportTee } from '../report/write.js'
import { AllowUnsupported, type Expectations, globMatcher, loadExpectations } from '../runner/expectations.js'
import type { ScheduleExplorer } from '../runner/explore.js'
import { type RunSummary, runSuite } from '../runner/run.js'
import { explorerFor, parseImpl } from '../transport/connect.js'
import { VERSION } from '../version.js'
import { type Cli, declared } from './command.js'
import { EXIT, UsageError } from './io.js'
import { Progress } from './progress.js'
import { makeReporter, REPORTER_HELP, REPORTERS, type ReporterName } from './reporter.js'
import { choiceOption, collect, integer, positive } from './values.js'

/** The longest --timeout a timer can hold (2^31-1 ms, about 24.8 days), in whole seconds. */
const MAX_TIMEOUT_S = Math.floor(MAX_TIMER_MS / 1000)

/** What --impl takes, shown after the options of run, capture and fuzz. */
export const IMPLEMENTATIONS = `Implementations (--impl):
  sim                        The reference simulator, in process (the default); sim:6.1, sim:s390x-6.1, …
  sim:explore | sim:6.1:explore=N
                             The simulator under every schedule of the work the kernel defers (the key gc,
                             RCU callbacks: run sooner, removals in another order), at most N (256) a case;
                             a case that holds under some but not all fails as flaky, naming the schedule
  sim:schedule=S | sim:6.1:schedule=S
                             The simulator under one such schedule (S as a flaky case names it, e.g. 0.1)
  kernel                     This machine's kernel, through the agent (keys only in each case's own session)
  vm:6.12 | vm:6.1 | vm:s390x-6.1 | vm:PATH
                             A test kernel built from Debian's sources, booted in QEMU with the agent as /init;
                             also vm:5.10 (bullseye's sources) and vm:7.2 (sid's), fetched with a private apt state;
                             vm:ARCH-6.12 for ARCH aarch64, ppc64 (big-endian), mips (32-bit big-endian) or
                             riscv64, always under TCG
  vm:6.12/i386               The 32-bit agent on the 64-bit kernel: its compat layer (also vm:6.1/i386)
  vm:6.12/qemu-ARCH          The ARCH agent under Debian's qemu-user inside the VM; ARCH x86_64, i386,
                             aarch64 or s390x (also on 6.1). WATCHQ_VM_APPEND="QEMU_LOG=unimp" adds to
                             the kernel command line (NAME=value reaches init's, so qemu's, environment)
  cmd:"<command>"            A program speaking the adapter protocol on stdin/stdout
  unix:<path>                A daemon on a Unix socket
  tcp:<host>:<port>          A daemon on a TCP socket`

const CASES =
  'Case files (*.json), captures (*.jsonl) or directories of them; by default the cases shipped with watchq (@watchq/fixtures). Every case is validated before anything runs.'

/** A command with the options `watchq run` and `watchq capture` share. */
export function runLike(cli: Cli, name: string) {
  return cli
    .command(name)
    .option('--impl <impl>', 'The implementation to run the cases against (see Implementations below)', 'sim')
    .option('--jobs <n>', 'Cases run at once, each on its own connection', integer('jobs', 1), 1)
    .option(
      '--filter <glob>',
      'Only case ids matching (* within a path segment, ** across;\nwithout a * it matches ids containing the text); repeatable',
      collect,
    )
    .option('--fail-fast', 'Stop at the first unexpected result')
    .option(
      '--timeout <seconds>',
      `Per-request limit, on top of the waits a case asks for (at most ${MAX_TIMEOUT_S})`,
      positive('timeout', 'seconds', MAX_TIMEOUT_S),
      30,
    )
    .option('--expectations <file>', 'Known failures of this implementation (statuses + reasons)')
    .option(
      '--allow-unsupported <what...>',
      'Unsupported results to allow: features the implementation lacks,\nops as op:NAME (lacking it or declining a step), or all',
    )
    .option(
      '--max-restarts <n>',
      'Restarts of a crashed implementation before giving up',
      integer('max-restarts', 0),
      10,
    )
    .addOption(
      choiceOption(
        '--reporter <name>',
        'What is printed as cases finish: pretty, ktap, tap, jsonl or quiet (see Reporters below)',
        REPORTERS,
        (v) => `unknown --reporter "${v}"; known: ${REPORTERS.join(', ')}`,
      ),
    )
    .option('--quiet', 'Only the final counts (as --reporter quiet)')
    .option(
      '--shard <i/n>',
      'Run only shard i of n (cases split by a hash of their id), or env/n with i from\nWATCHQ_SHARD_INDEX (1-based), JOB_COMPLETION_INDEX (0-based) or CI_NODE_INDEX',
    )
}

/** What executeRun takes: the shared options, and where the report and captures go. */
export interface RunOptions {
  readonly impl: string
  readonly jobs: number
  readonly filter?: readonly string[] | undefined
  readonly failFast?: true | undefined
  readonly timeout: number
  readonly expectations?: string | undefined
  readonly allowUnsupported?: readonly string[] | undefined
  readonly maxRestarts: number
  readonly quiet?: true | undefined
  readonly reporter?: ReporterName | undefined
  readonly shard?: string | undefined
  readonly report: string
  readonly capture?: string | undefined
}

export function defineRun(cli: Cli) {
  const cmd = runLike(cli, 'run')
    .summary('Run cases against an implementation (default: the simulator) and write a report')
    .description('Runs conformance cases against one implementation and writes a report (JSON lines).')
    .argument('[CASES...]', CASES)
    .option('--report <file>', 'Where the report goes; - for standard output', 'watchq-report.jsonl')
    .option('--capture <dir>', 'Also write a capture of every case run (<dir>/<case id>.jsonl)')
    .addHelpText(
      'after',
      `
${IMPLEMENTATIONS}

${REPORTER_HELP}

Statuses: pass, fail (an observation differed), error (the implementation failed or spoke out of
protocol), crash (it exited), timeout, not-applicable (the case is for another arch, byte order,
page size, revision or kernel), unsupported (the implementation lacks a feature or op the case
needs, or declined it). Unsupported is unexpected unless the expectations file or
--allow-unsupported allows it; not-applicable never is.

Exit codes: 0 every result as expected, 1 unexpected results (or the implementation could not be
started), 2 usage error or invalid cases, 130 or 143 interrupted by SIGINT or SIGTERM (the report
still ends with a footer, which says so).

Examples:
  watchq run --impl cmd:"./my-adapter"
  watchq run packages/fixtures/cases/keys --impl unix:/run/watchq.sock --report keys.jsonl
  watchq summary watchq-report.jsonl`,
    )
    .action(cli.exits((cases, options) => executeRun('run', options, cases, cli)))
  return declared(cmd)
}

/**
 * The cases shipped in @watchq/fixtures, found by module resolution from `from` (this module by
 * default), as an installed package finds its dependencies: in this repository that is the
 * workspace link, once installed from npm the package in node_modules.
 */
export function defaultCasesDir(from: string | URL = import.meta.url): string {
  let pkg: string
  try {
    pkg = createRequire(from).resolve('@watchq/fixtures/package.json')
  } catch {
    const where = dirname(from instanceof URL || from.startsWith('file:') ? fileURLToPath(from) : from)
    throw new UsageError(
      `no CASES given, and @watchq/fixtures (the shipped cases) is not installed: not found in node_modules from ${where} up`,
    )
  }
  const dir = join(dirname(pkg), 'cases')
  if (!existsSync(dir))
    throw new UsageError(`no CASES given, and ${dir} (the cases of @watchq/fixtures) does not exist`)
  return dir
}

export function selectCases(cases: readonly LoadedCase[], filters: readonly string[]): LoadedCase[] {
  if (filters.length === 0) return [...cases]
  const tests = filters.map((f) => (f.includes('*') ? globMatcher(f) : (id: string) => id.includes(f)))
  return cases.filter((c) => tests.some((t) => t(c.id)))
}

const LABEL: Record<Status, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  error: 'ERROR',
  crash: 'CRASH',
  timeout: 'TIMEOUT',
  'not-applicable': 'N/A',
  unsupported: 'UNSUPP',
}

export interface RunHooks {
  readonly onCapture?: (file: string, status: Status) => void
  readonly onDone?: (summary: RunSummary, connector: Connector) => void
  /** Stops the run as SIGINT does (tests); SIGINT and SIGTERM always do. */
  readonly signal?: AbortSignal
}

/** What an interrupted run exits with: 128 + the signal's number, as a shell reports it. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 }

/** Validates the options, loads and selects the cases, runs them, prints the outcome. */
export async function executeRun(
  command: string,
  values: RunOptions,
  positionals: readonly string[],
  cli: Cli,
  hooks: RunHooks = {},
): Promise<number> {
  const { io } = cli
  // The simulator is the default: the suite runs with no setup at all.
  const implSpec = values.impl
  let connector: Connector
  let explorer: ScheduleExplorer | undefined
  try {
    connector = parseImpl(implSpec, { onProgress: (line) => io.err(`watchq ${command}: ${line}`) })
    explorer = explorerFor(implSpec)
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  let allowUnsupported: AllowUnsupported
  try {
    allowUnsupported = new AllowUnsupported(values.allowUnsupported ?? [])
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  let expectations: Expectations | undefined
  if (values.expectations) {
    try {
      expectations = loadExpectations(values.expectations)
    } catch (e) {
      io.err(`watchq ${command}: ${(e as Error).message}`)
      return EXIT.usage
    }
  }
  const loaded = loadCases(positionals.length ? positionals : [defaultCasesDir()])
  if (loaded.problems.length) {
    io.err(`watchq ${command}: ${loaded.problems.length} invalid case file(s); nothing was run:`)
    for (const p of loaded.problems) io.err(p)
    return EXIT.usage
  }
  let shard: Shard | undefined
  if (values.shard !== undefined) {
    try {
      shard = parseShard(values.shard)
    } catch (e) {
      io.err(`watchq ${command}: ${(e as Error).message}`)
      return EXIT.usage
    }
  }
  const selected = selectCases(loaded.cases, values.filter ?? [])
  if (selected.length === 0) {
    io.err(
      `watchq ${command}: no case matches ${values.filter?.map((f) => JSON.stringify(f)).join(', ')} (of ${loaded.cases.length})`,
    )
    return EXIT.usage
  }
  // A shard may hold no case at all (few cases, many shards): it still writes its report, so
  // that merge finds every shard.
  const cases = shard ? inShard(selected, shard) : selected
  const shardInfo = shard && {
    ...shard,
    selected: selected.length,
    selection: selectionDigest(selected.map((c) => c.id)),
  }
  const reportPath = values.report
  const toStdout = reportPath === '-'
  // With the report on standard output, everything for people goes to stderr.
  const write = toStdout ? (l: string) => io.err(l) : (l: string) => io.out(l)
  const reporter = makeReporter({
    name: values.reporter ?? (values.quiet ? 'quiet' : 'pretty'),
    write,
    writeIsTTY: toStdout ? Boolean(process.stderr.isTTY) : Boolean(io.stdoutIsTTY),
    err: (l) => io.err(l),
    ids: cases.map((c) => c.id),
    progress: new Progress(process.stderr, cases.length),
    line: resultLine,
    title: `watchq ${VERSION}: ${implSpec}`,
  })
  const sinks: ReportSink[] = [toStdout ? new ReportLines((l) => io.out(l)) : new ReportFile(reportPath)]
  if (reporter.sink) sinks.push(reporter.sink)
  // Ctrl-C ends the run cleanly: implementations stopped, the report closed with a footer.
  // A second signal while stopping takes its usual course. (Not `once`: the reaper re-raises a
  // signal nobody else listens to, which would kill us before the footer is written.)
  const interrupt = new AbortController()
  const onSignal = (name: NodeJS.Signals) => {
    if (!interrupt.signal.aborted) return interrupt.abort(name)
    unhook()
    process.kill(process.pid, name)
  }
  const onSigint = () => onSignal('SIGINT')
  const onSigterm = () => onSignal('SIGTERM')
  const unhook = () => {
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigterm)
  }
  process.on('SIGINT', onSigint)
  process.on('SIGTERM', onSigterm)
  const signal = hooks.signal ? AbortSignal.any([hooks.signal, interrupt.signal]) : interrupt.signal
  const summary = await runSuite({
    signal,
    ...(shardInfo ? { shard: shardInfo } : {}),
    connector,
    cases,
    report: sinks.length === 1 ? sinks[0]! : new ReportTee(sinks),
    jobs: values.jobs,
    timeoutMs: values.timeout * 1000,
    failFast: Boolean(values.failFast),
    maxRestarts: values.maxRestarts,
    allowUnsupported,
    version: VERSION,
    argv: [...cli.argv],
    ...(expectations ? { expectations } : {}),
    ...(explorer ? { explorer } : {}),
    ...(values.capture ? { captureDir: values.capture } : {}),
    ...(hooks.onCapture ? { onCapture: hooks.onCapture } : {}),
    onUncaptured: (id: string, why: string) => io.err(`watchq ${command}: not captured: ${id}: ${why}`),
    onResult: (r: ReportResult, done, total) => reporter.result(r, done, total),
  }).finally(unhook)
  reporter.end(summary.stopped)
  hooks.onDone?.(summary, connector)
  const where = toStdout ? 'standard output' : reportPath
  if (summary.stopped !== undefined && signal.aborted) {
    const done = Object.values(summary.counts).reduce((a, b) => a + b, 0)
    io.err(`watchq ${command}: ${summary.stopped} after ${done} of ${cases.length} case(s); report: ${where}`)
    return SIGNAL_EXIT[String(signal.reason)] ?? EXIT.failed
  }
  if (summary.stopped !== undefined && !summary.implementation) {
    io.err(`watchq ${command}: nothing was run: ${summary.stopped}; report: ${where}`)
    return EXIT.failed
  }
  const impl = summary.implementation
  if (values.reporter !== 'quiet' && !values.quiet) for (const line of unsupportedLines(summary)) reporter.closing(line)
  if (impl && implSpec === 'kernel') {
    const lacks = (['notification-pipe', 'key-notifications'] as const).filter((f) => !impl.features?.includes(f))
    if (lacks.length)
      io.err(
        `watchq ${command}: this machine's kernel (Linux ${impl.kernel ?? '?'}) lacks ${lacks.join(' and ')}` +
          ` (pipe2(O_NOTIFICATION_PIPE) gives ENOPKG without CONFIG_WATCH_QUEUE; KEYCTL_WATCH_KEY gives EOPNOTSUPP` +
          ` without CONFIG_KEY_NOTIFICATIONS), so the cases that need it are unsupported. Run them on a kernel built` +
          ` for the suite: watchq run --impl vm:6.12 (or vm:6.1, vm:s390x-6.1).`,
      )
  }
  const c = summary.counts
  reporter.closing(
    `${impl ? `${impl.name} ${impl.version}${impl.kernel ? ` on Linux ${impl.kernel}` : ''} ${impl.arch}` : implSpec}: ` +
      `${countsText(c)} — ${summary.unexpected} unexpected${summary.stoppedEarly ? ' (stopped early: --fail-fast)' : ''}; report: ${where}`,
  )
  return summary.unexpected > 0 ? EXIT.failed : EXIT.ok
}

/** The final line's counts: "128 passed, 0 failed, …, 2 not applicable, 0 unsupported". */
export function countsText(c: Record<Status, number>): string {
  return (
    `${c.pass} passed, ${c.fail} failed, ${c.error} errors, ${c.crash} crashed, ${c.timeout} timed out, ` +
    `${c['not-applicable']} not applicable, ${c.unsupported} unsupported`
  )
}

/**
 * What the implementation lacks, a line per feature or op, most cases first, with how the
 * implementation probed it when its hello says: the gap an unsupported count stands for.
 */
export function unsupportedLines(summary: RunSummary): string[] {
  const probes = summary.implementation?.probes ?? {}
  const lines = Object.entries(summary.lacking)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([what, n]) => {
      const probe = probes[what]
      const isOp = what.startsWith('op:')
      const why = probe !== undefined ? ` (${isOp ? '' : 'probed: '}${probe})` : ''
      return `unsupported: ${n} case(s) need ${what}, which this implementation ${isOp ? 'lacks or declined' : 'lacks'}${why}`
    })
  if (summary.declined) lines.push(`unsupported: ${summary.declined} case(s) the implementation declined as a whole`)
  return lines
}

/** One line for an unexpected result: status, case id, why. */
export function resultLine(r: ReportResult): string {
  const note = r.expected ? ` (expected ${r.expected.join('/')}: ${r.expectedReason})` : ''
  const why = r.reason ?? (r.status === 'pass' ? '' : r.status)
  return `${LABEL[r.status].padEnd(7)} ${r.case}${why ? `: ${why}` : ''}${note}`
}
