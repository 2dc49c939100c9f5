// `watchq html`: reports side by side as one self-contained HTML page.
import { parseArgs } from 'node:util'
import { htmlPage } from '../report/html.js'
import { EXIT, type Io, UsageError } from './io.js'
import { writeOutput } from './junit.js'
import { readReports } from './summary.js'

export const HTML_HELP = `Usage: watchq html REPORT... [-o FILE] [--title TEXT]

Renders run reports side by side as one static HTML page (no external resources): a row per
case, a column per report (implementation, kernel, arch, file). Each cell shows the status;
expanding a cell that is not a pass shows the diverging step, expected against observed, and the
decoded records. Reports cut short are flagged TRUNCATED.

Options:
  -o, --output <file>   Write the page to FILE (default: standard output)
  --title <text>        The page title (default: "watchq conformance reports")
  -h, --help            Show this help

Exit codes: 0 written, 1 a report cannot be read or FILE cannot be written, 2 usage error.

Example:
  watchq html linux-6.8.jsonl linux-6.1.jsonl -o report.html
`

export async function htmlCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    io.out(HTML_HELP)
    return EXIT.ok
  }
  if (!positionals.length) throw new UsageError('html needs at least one REPORT file (see "watchq html --help")')
  const reports = readReports(positionals, 'html', io)
  if (!reports) return EXIT.failed
  return writeOutput(htmlPage(reports, values.title), values.output, 'html', io)
}
