// `watchq junit`: reports as JUnit XML for CI test dashboards.
import { writeFileSync } from 'node:fs'
import { junitXml } from '../report/junit.js'
import { type Cli, declared, runAlone } from './command.js'
import { EXIT, type Io } from './io.js'
import { readReports } from './summary.js'

export function defineJunit(cli: Cli) {
  const cmd = cli
    .command('junit')
    .summary('A report as JUnit XML, for CI')
    .description(
      `Converts run reports to JUnit XML: a testsuite per report, a testcase per case (classname from
the case id's directory). fail is a <failure>; error, crash and timeout are <error>s;
not-applicable is <skipped> with its reason; an unexpected unsupported is a <failure
type="unsupported"> (a gap, not a harmless skip). A non-pass the expectations file allows is
<skipped> with its reason; a pass it does not allow is a <failure>. A report without a footer
gets a "report-truncated" testcase in error.`,
    )
    .argument('<REPORT...>', 'Report files')
    .option('-o, --output <file>', 'Write the XML to FILE (default: standard output)')
    .addHelpText(
      'after',
      `
Exit codes: 0 written (whatever the results), 1 a report cannot be read or FILE cannot be
written, 2 usage error. Use "watchq summary" to gate on the results.

Example:
  watchq junit out.jsonl -o junit.xml`,
    )
    .action(
      cli.exits((paths, { output }) => {
        const reports = readReports(paths, 'junit', cli.io)
        if (!reports) return EXIT.failed
        return writeOutput(junitXml(reports), output, 'junit', cli.io)
      }),
    )
  return declared(cmd)
}

/** `watchq junit ARGV…` on its own; usage errors are thrown. */
export const junitCommand = (argv: readonly string[], io: Io) => runAlone(defineJunit, argv, io)

/** Writes to FILE, or to standard output when none was given; a write error is one line. */
export function writeOutput(text: string, file: string | undefined, command: string, io: Io): number {
  if (file === undefined || file === '-') {
    io.out(text)
    return EXIT.ok
  }
  try {
    writeFileSync(file, text)
    return EXIT.ok
  } catch (e) {
    io.err(`watchq ${command}: cannot write ${file}: ${(e as Error).message}`)
    return EXIT.failed
  }
}
