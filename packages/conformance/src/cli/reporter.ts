// What `watchq run` prints while cases finish (--reporter): the human lines (pretty), KTAP or TAP
// for CI systems, the JSONL report itself, or nothing but the final counts (quiet). Everything
// is streamed as results come; the JSONL report still goes to --report.
import type { ReportResult } from '@watchq/spec'
import { TapStream } from '../report/tap.js'
import { ReportLines, type ReportSink } from '../report/write.js'
import type { Progress } from './progress.js'

export const REPORTERS = ['pretty', 'ktap', 'tap', 'jsonl', 'quiet'] as const
export type ReporterName = (typeof REPORTERS)[number]

export const REPORTER_HELP = `Reporters (--reporter), streamed as cases finish:
  pretty   a line per unexpected result and a progress bar on a terminal; a line per
           finished case otherwise (the default)
  ktap     KTAP version 1, a nested suite per case area (kselftest, KernelCI, LKFT)
  tap      TAP version 13, a YAML block per failure
  jsonl    the report's JSON lines
  quiet    only the final counts
The final counts and what unsupported cases lacked go to stderr with ktap, tap and jsonl, so
that standard output holds only that format. With --report - the JSONL report goes to standard
output and the reporter's lines to stderr.`

export interface Reporter {
  /** Also fed every report line (jsonl). */
  readonly sink?: ReportSink
  result(r: ReportResult, done: number, total: number): void
  /** After the run; `stopped` when it ended early. */
  end(stopped?: string): void
  /** Where the closing lines (unsupported, counts) go. */
  readonly closing: (line: string) => void
}

export interface ReporterOptions {
  readonly name: ReporterName
  /** Where the reporter writes (standard output, or stderr under --report -). */
  readonly write: (line: string) => void
  readonly writeIsTTY: boolean
  /** Standard error, for the closing lines of machine formats. */
  readonly err: (line: string) => void
  readonly ids: readonly string[]
  readonly progress: Progress
  /** The line for one result, as pretty prints it. */
  readonly line: (r: ReportResult) => string
  readonly title: string
}

export function makeReporter(o: ReporterOptions): Reporter {
  switch (o.name) {
    case 'quiet':
      return { result: () => {}, end: () => {}, closing: o.write }
    case 'pretty':
      return {
        result(r, done, total) {
          o.progress.clear()
          // On a terminal only what needs attention; in a log, every case.
          if (r.unexpected || !o.writeIsTTY) o.write(o.line(r))
          o.progress.update(done, total, r.case)
        },
        end: () => o.progress.clear(),
        closing: o.write,
      }
    case 'ktap':
    case 'tap': {
      const stream = new TapStream(o.name, o.ids, o.write, o.title)
      return { result: (r) => stream.result(r), end: (stopped) => stream.end(stopped), closing: o.err }
    }
    case 'jsonl':
      return { sink: new ReportLines(o.write), result: () => {}, end: () => {}, closing: o.err }
  }
}
