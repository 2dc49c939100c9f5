// `watchq summary`: counts, unexpected results and truncation of one or more reports, for a
// terminal, a Markdown job summary or a program. Exits 1 when anything needs attention.
import { parseArgs } from 'node:util'
import { type Report, ReportError, readReportFile } from '../report/read.js'
import { SUMMARY_FORMATS, type SummaryFormat, summarize, summaryOf } from '../report/summary.js'
import { EXIT, type Io, UsageError } from './io.js'

export const SUMMARY_HELP = `Usage: watchq summary REPORT... [options]

Summarises run reports (the JSON lines of "watchq run --report"): per implementation, the counts
per status, the unexpected results with where each diverged (expected against observed), and
TRUNCATED when a report has no footer because the run was cut short.

Options:
  --format <f>    pretty (default): aligned text
                  markdown: a table and lists, for a CI job summary or a pull request
                  json: the same as one JSON object
  -h, --help      Show this help

Exit codes: 0 nothing unexpected and no report truncated, 1 something unexpected, a truncated
report or a report that cannot be read, 2 usage error.

Examples:
  watchq summary out.jsonl
  watchq summary linux-6.8.jsonl linux-6.1.jsonl --format markdown >> "$GITHUB_STEP_SUMMARY"
`

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

export async function summaryCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'pretty' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    io.out(SUMMARY_HELP)
    return EXIT.ok
  }
  const format = values.format as SummaryFormat
  if (!SUMMARY_FORMATS.includes(format)) {
    throw new UsageError(`unknown --format "${values.format}"; expected one of ${SUMMARY_FORMATS.join(', ')}`)
  }
  if (!positionals.length) throw new UsageError('summary needs at least one REPORT file (see "watchq summary --help")')
  const reports = readReports(positionals, 'summary', io)
  if (!reports) return EXIT.failed
  io.out(summarize(reports, format))
  return summaryOf(reports).ok ? EXIT.ok : EXIT.failed
}
