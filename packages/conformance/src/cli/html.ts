// `watchq html`: reports side by side as one self-contained HTML page.
import { htmlPage } from '../report/html.js'
import { type Cli, declared, runAlone } from './command.js'
import { EXIT, type Io } from './io.js'
import { writeOutput } from './junit.js'
import { readReports } from './summary.js'

export function defineHtml(cli: Cli) {
  const cmd = cli
    .command('html')
    .summary('Several reports side by side as one static HTML page')
    .description(
      `Renders run reports side by side as one static HTML page (no external resources): a row per
case, a column per report (implementation, kernel, arch, file). Each cell shows the status;
expanding a cell that is not a pass shows the diverging step, expected against observed, and the
decoded records. Reports cut short are flagged TRUNCATED.`,
    )
    .argument('<REPORT...>', 'Report files')
    .option('-o, --output <file>', 'Write the page to FILE (default: standard output)')
    .option('--title <text>', 'The page title (default: "watchq conformance reports")')
    .addHelpText(
      'after',
      `
Exit codes: 0 written, 1 a report cannot be read or FILE cannot be written, 2 usage error.

Example:
  watchq html linux-6.8.jsonl linux-6.1.jsonl -o report.html`,
    )
    .action(
      cli.exits((paths, { output, title }) => {
        const reports = readReports(paths, 'html', cli.io)
        if (!reports) return EXIT.failed
        return writeOutput(htmlPage(reports, title), output, 'html', cli.io)
      }),
    )
  return declared(cmd)
}

/** `watchq html ARGV…` on its own; usage errors are thrown. */
export const htmlCommand = (argv: readonly string[], io: Io) => runAlone(defineHtml, argv, io)
