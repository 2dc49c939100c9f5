// Results as the Test Anything Protocol, in the two dialects CI systems for kernels read:
// KTAP version 1 (the kernel's Documentation/dev-tools/ktap.rst: kselftest, KUnit, KernelCI,
// LKFT) with a nested suite per case area, and TAP version 13 (LTP-style harnesses, prove, most
// CI plugins), flat with a YAML block per failure.
//
// Both are written as results arrive, in a fixed order: the cases grouped by area (the first
// segment of their id) in the order the areas first appear, and within an area in run order. A
// result that arrives early (several --jobs) waits until the ones before it are out.
//
// Statuses: pass → ok. not-applicable → ok # SKIP. A non-pass the expectations file or
// --allow-unsupported allows → KTAP `# XFAIL` (`ok # SKIP` for an allowed unsupported), TAP
// `# TODO`: it does not fail the build, and keeps its reason. Everything unexpected is `not ok`
// with no directive that a parser would forgive — an unexpected unsupported too, as junit does: a
// gap must not pass for a skip. KTAP marks unexpected timeouts and errors `# TIMEOUT`/`# ERROR`,
// which parsers that do not know them read as plain failures.
import type { ReportResult } from '@watchq/spec'
import { oneLine } from './one-line.js'
import type { Report } from './read.js'
import { evidenceLine, expectedLine, observedLine, reasonOf, stepLine } from './summary.js'

export type TapFlavor = 'ktap' | 'tap'

/** KUnit's indentation for a nested suite (ktap.rst asks for indentation, TAP 14 for four spaces). */
const INDENT = '    '

export class TapStream {
  private readonly order: string[]
  private readonly areas: { name: string; ids: string[] }[]
  private readonly waiting = new Map<string, ReportResult>()
  private next = 0
  private areaFailed = false
  private ended = false

  /** `ids`: every case the run will report, in run order. */
  constructor(
    private readonly flavor: TapFlavor,
    ids: readonly string[],
    private readonly write: (line: string) => void,
    title?: string,
  ) {
    const byArea = new Map<string, string[]>()
    for (const id of ids) {
      const area = areaOf(id)
      if (!byArea.has(area)) byArea.set(area, [])
      byArea.get(area)!.push(id)
    }
    this.areas = [...byArea].map(([name, list]) => ({ name, ids: list }))
    this.order = this.areas.flatMap((a) => a.ids)
    if (flavor === 'ktap') {
      write('KTAP version 1')
      if (title) write(`# ${title}`)
      write(`1..${this.areas.length}`)
    } else {
      write('TAP version 13')
      if (title) write(`# ${title}`)
      write(`1..${this.order.length}`)
    }
  }

  /** A finished case; written now if every case before it is out, else when they are. */
  result(r: ReportResult): void {
    if (this.ended) return
    this.waiting.set(r.case, r)
    while (this.next < this.order.length && this.waiting.has(this.order[this.next]!)) {
      const id = this.order[this.next]!
      this.emit(this.waiting.get(id)!)
      this.waiting.delete(id)
    }
  }

  /**
   * The end of the run. Cases that never ran (an interrupted run, a truncated report) are
   * written as `not ok`, with `why`, so that the plan's count still holds.
   */
  end(why = 'not run'): void {
    if (this.ended) return
    while (this.next < this.order.length) {
      const id = this.order[this.next]!
      const r = this.waiting.get(id)
      this.emit(r ?? missing(id, why))
    }
    this.ended = true
  }

  private emit(r: ReportResult): void {
    const index = this.next++
    if (this.flavor === 'tap') {
      this.tapLine(r, index + 1)
      return
    }
    // KTAP: position within the area's suite.
    let start = 0
    const area = this.areas.find((a) => {
      if (index < start + a.ids.length) return true
      start += a.ids.length
      return false
    })!
    const n = index - start + 1
    if (n === 1) {
      this.areaFailed = false
      this.write(`${INDENT}KTAP version 1`)
      this.write(`${INDENT}# Subtest: ${area.name}`)
      this.write(`${INDENT}1..${area.ids.length}`)
    }
    const { ok, directive } = ktapVerdict(r)
    // An allowed non-pass (XFAIL) keeps its evidence but does not fail the area.
    if (r.unexpected) this.areaFailed = true
    if (!ok) for (const line of diagnostics(r)) this.write(`${INDENT}# ${line}`)
    this.write(`${INDENT}${ok ? 'ok' : 'not ok'} ${n} ${r.case}${directive ? ` # ${directive}` : ''}`)
    if (n === area.ids.length) {
      const suite = this.areas.indexOf(area) + 1
      this.write(`${this.areaFailed ? 'not ok' : 'ok'} ${suite} ${area.name}`)
    }
  }

  private tapLine(r: ReportResult, n: number): void {
    const allowed = !r.unexpected && r.status !== 'pass'
    const ok = r.status === 'pass' || r.status === 'not-applicable' || (allowed && r.status === 'unsupported')
    let directive = ''
    if (r.status === 'not-applicable') directive = `SKIP ${clean(r.reason ?? 'not applicable')}`
    else if (allowed && r.status === 'unsupported') directive = `SKIP ${clean(allowedWhy(r))}`
    else if (allowed) directive = `TODO ${clean(allowedWhy(r))}`
    this.write(`${ok ? 'ok' : 'not ok'} ${n} - ${r.case}${directive ? ` # ${directive}` : ''}`)
    if (ok) return
    // A YAML block: what failed, and the evidence, for a harness to show.
    const lines = diagnostics(r)
    this.write('  ---')
    this.write(`  status: ${r.status}`)
    this.write(`  unexpected: ${r.unexpected}`)
    this.write(`  message: ${yamlString(lines[0] ?? r.status)}`)
    if (lines.length > 1) {
      this.write('  data:')
      for (const line of lines.slice(1)) this.write(`    - ${yamlString(line)}`)
    }
    this.write('  ...')
  }
}

/** The area of a case: the first segment of its id (`keys/update` → `keys`). */
export function areaOf(id: string): string {
  const slash = id.indexOf('/')
  return slash > 0 ? id.slice(0, slash) : id
}

function ktapVerdict(r: ReportResult): { ok: boolean; directive?: string } {
  if (r.status === 'pass' && !r.unexpected) return { ok: true }
  if (r.status === 'not-applicable') return { ok: true, directive: `SKIP ${clean(r.reason ?? 'not applicable')}` }
  if (!r.unexpected && r.status === 'unsupported') return { ok: true, directive: `SKIP ${clean(allowedWhy(r))}` }
  if (!r.unexpected) return { ok: false, directive: `XFAIL ${clean(allowedWhy(r))}` }
  if (r.status === 'timeout') return { ok: false, directive: `TIMEOUT ${clean(r.reason ?? '')}`.trim() }
  if (r.status === 'error') return { ok: false, directive: `ERROR ${clean(r.reason ?? '')}`.trim() }
  return { ok: false }
}

/** Why a non-pass is allowed: the expectations file's reason, with the result's own. */
function allowedWhy(r: ReportResult): string {
  const own = r.status === 'unsupported' ? `unsupported: ${r.reason ?? ''}` : `${r.status}: ${r.reason ?? ''}`
  return r.expectedReason ? `${own} (expected: ${r.expectedReason})` : own
}

/** The evidence of a result, a line each: reason, step, expected, observed, offending line or stderr. */
function diagnostics(r: ReportResult): string[] {
  const lines: string[] = []
  const reason = reasonOf(r)
  lines.push(`${r.case}: ${r.status}${reason ? `: ${reason}` : ''}`)
  if (r.lacks?.length) lines.push(`lacks: ${r.lacks.join(', ')}`)
  if (r.divergence) lines.push(stepLine(r.divergence), expectedLine(r.divergence), observedLine(r.divergence))
  const evidence = evidenceLine(r)
  if (evidence) lines.push(evidence)
  return lines.map(tapLine)
}

function missing(id: string, why: string): ReportResult {
  return { case: id, description: '', status: 'error', unexpected: true, reason: why, durationMs: 0 }
}

/** A directive's text: one line, and no `#`, which would start another directive (a link's anchor keeps its meaning as %23). */
function clean(s: string): string {
  return tapLine(s).replace(/#/g, '%23')
}

/** A TAP line: line breaks as spaces (TAP readers split on them), controls visible. */
function tapLine(s: string): string {
  return oneLine(s, ' ')
}

function yamlString(s: string): string {
  return JSON.stringify(s)
}

/** A whole report as KTAP or TAP: its results in order; a report cut short or stopped ends in a failing line that says so. */
export function reportAsTap(flavor: TapFlavor, report: Report): string {
  const lines: string[] = []
  const stopped =
    report.footer?.stopped ?? (report.truncated ? (report.problems[0] ?? 'the report was cut short') : undefined)
  const ids = report.results.map((r) => r.case)
  const tail = stopped !== undefined ? ['watchq/report-incomplete'] : []
  // As `watchq run --reporter` titles it, so that converting its report gives the same text.
  const title = `watchq ${report.header.watchq}: ${report.header.impl}`
  const stream = new TapStream(flavor, [...ids, ...tail], (l) => lines.push(l), title)
  for (const r of report.results) stream.result(r)
  stream.end(
    `${stopped ?? 'not run'}: ${report.header.cases - report.results.length} of ${report.header.cases} case(s) have no result`,
  )
  return `${lines.join('\n')}\n`
}
