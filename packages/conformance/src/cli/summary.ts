// `watchq summary`: counts, unexpected results and truncation of one or more reports, for a
// terminal, a Markdown job summary or a program. Exits 1 when anything needs attention.
import { type Report, ReportError, readReportFile } from '../report/read.js'
import { SUMMARY_FORMATS, summarize, summaryOf } from '../report/summary.js'
import { type Cli, declared, runAlone } from './command.js'
import { EXIT, type Io } from './io.js'
import { choiceOption } from './values.js'

/** Reads every report, or explains in one line the first that cannot be read. */
export function readReports(paths: readonly string[], command: string, io: Io): Report[] | null {
  try {
    return paths.map(readReportFile)
  } catch (e) {
    if (!(e instanceof ReportError)) throw e
    io.err(`watchq ${command}: ${e.message}`)
    return null
  }
}

export function defineSummary(cli: Cli) {
  const cmd = cli
    .command('summary')
    .summary('Counts and unexpected results of one or more reports (pretty, markdown, json)')
    .description(
      `Summarises run reports (the JSON lines of "watchq run --report"): per implementation, the counts
per status, the unexpected results with where each diverged (expected against observed), and
TRUNCATED when a report has no footer because the run was cut short.`,
    )
    .argument('<REPORT...>', 'Report files')
    .addOption(
      choiceOption(
        '--format <f>',
        'How to write the summary (see Formats below)',
        SUMMARY_FORMATS,
        (v) => `unknown --format "${v}"; expected one of ${SUMMARY_FORMATS.join(', ')}`,
      ).default('pretty'),
    )
    .addHelpText(
      'after',
      `
Formats:
  pretty    aligned text
  markdown  a table and lists, for a CI job summary or a pull request
  json      the same as one JSON object

Exit codes: 0 nothing unexpected and no report truncated, 1 something unexpected, a truncated
report or a report that cannot be read, 2 usage error.

Examples:
  watchq summary out.jsonl
  watchq summary linux-6.8.jsonl linux-6.1.jsonl --format markdown >> "$GITHUB_STEP_SUMMARY"`,
    )
    .action(
      cli.exits((paths, { format }) => {
        const reports = readReports(paths, 'summary', cli.io)
        if (!reports) return EXIT.failed
        cli.io.out(summarize(reports, format))
        return summaryOf(reports).ok ? EXIT.ok : EXIT.failed
      }),
    )
  return declared(cmd)
}

/** `watchq summary ARGV…` on its own; usage errors are thrown. */
export const summaryCommand = (argv: readonly string[], io: Io) => runAlone(defineSummary, argv, io)
