// `watchq ktap` and `watchq tap`: an existing report as KTAP version 1 or TAP version 13, for the
// CI systems that read those (kselftest-style harnesses, KernelCI/LKFT, prove, TAP plugins).
import { reportAsTap, type TapFlavor } from '../report/tap.js'
import { type Cli, declared } from './command.js'
import { EXIT } from './io.js'
import { writeOutput } from './junit.js'
import { readReports } from './summary.js'

const ABOUT: Record<TapFlavor, { summary: string; description: string }> = {
  ktap: {
    summary: 'A report as KTAP version 1, for kernel CI',
    description: `Converts a run report to KTAP version 1 (the kernel's Documentation/dev-tools/ktap.rst): a
nested suite per case area (close, keys, pipe2, …), "ok N id" per case. not-applicable is
"ok … # SKIP reason"; a non-pass the expectations file allows is "# XFAIL reason" (an allowed
unsupported "ok … # SKIP"); anything unexpected is "not ok", preceded by diagnostic lines with
the diverging step, expected and observed (unexpected timeouts and errors carry "# TIMEOUT" or
"# ERROR"). A report cut short ends in a failing "watchq/report-incomplete".`,
  },
  tap: {
    summary: 'A report as TAP version 13',
    description: `Converts a run report to TAP version 13: "ok N - id" per case, in one flat list.
not-applicable is "ok … # SKIP reason"; a non-pass the expectations file allows is
"not ok … # TODO reason" (an allowed unsupported "ok … # SKIP"); anything unexpected is
"not ok" with a YAML block (status, message, the diverging step, expected and observed). A
report cut short ends in a failing "watchq/report-incomplete".`,
  },
}

function defineTapLike(flavor: TapFlavor) {
  return (cli: Cli) => {
    const cmd = cli
      .command(flavor)
      .summary(ABOUT[flavor].summary)
      .description(ABOUT[flavor].description)
      .argument('<REPORT>', 'A report file (JSON lines, as watchq run writes it)')
      .option('-o, --output <file>', 'Write to FILE (default: standard output)')
      .addHelpText(
        'after',
        `
Exit codes: 0 written (whatever the results), 1 the report cannot be read or FILE cannot be
written, 2 usage error. "watchq run --reporter ${flavor}" writes the same while the run goes.

Example:
  watchq ${flavor} watchq-report.jsonl > results.${flavor}`,
      )
      .action(
        cli.exits((path, { output }) => {
          const reports = readReports([path], flavor, cli.io)
          if (!reports) return EXIT.failed
          return writeOutput(reportAsTap(flavor, reports[0]!).trimEnd(), output, flavor, cli.io)
        }),
      )
    return declared(cmd)
  }
}

export const defineKtap = defineTapLike('ktap')
export const defineTap = defineTapLike('tap')
