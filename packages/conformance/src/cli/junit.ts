// `watchq junit`: reports as JUnit XML for CI test dashboards.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { junitXml } from '../report/junit.js'
import { EXIT, type Io, UsageError } from './io.js'
import { readReports } from './summary.js'

export const JUNIT_HELP = `Usage: watchq junit REPORT... [-o FILE]

Converts run reports to JUnit XML: a testsuite per report, a testcase per case (classname from
the case id's directory). fail is a <failure>; error, crash and timeout are <error>s; skip is
<skipped>. A non-pass the expectations file allows is <skipped> with its reason; a pass it does
not allow is a <failure>. A report without a footer gets a "report-truncated" testcase in error.

Options:
  -o, --output <file>   Write the XML to FILE (default: standard output)
  -h, --help            Show this help

Exit codes: 0 written (whatever the results), 1 a report cannot be read or FILE cannot be
written, 2 usage error. Use "watchq summary" to gate on the results.

Example:
  watchq junit out.jsonl -o junit.xml
`

export async function junitCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    io.out(JUNIT_HELP)
    return EXIT.ok
  }
  if (!positionals.length) throw new UsageError('junit needs at least one REPORT file (see "watchq junit --help")')
  const reports = readReports(positionals, 'junit', io)
  if (!reports) return EXIT.failed
  return writeOutput(junitXml(reports), values.output, 'junit', io)
}

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
