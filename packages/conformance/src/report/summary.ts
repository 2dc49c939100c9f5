// What a person (or CI) needs from one or more reports: who ran, counts per status, what was
// unexpected and where it diverged, and whether the run was cut short. As text, Markdown or JSON.
import { ALLOWED_BY_DEFAULT, type Divergence, type ReportResult, type Status } from '@watchq/spec'
import { oneLine } from './one-line.js'
import { countStatuses, type Report, STATUS_NAMES } from './read.js'

export const SUMMARY_FORMATS = ['pretty', 'markdown', 'json'] as const
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number]

export interface UnexpectedResult {
  readonly case: string
  readonly status: Status
  /** The statuses the expectations file allowed (pass and not-applicable when it did not list the case). */
  readonly allowed: Status[]
  readonly reason: string | null
  readonly divergence: Divergence | null
  /** Without a divergence: the offending protocol line or the last line of stderr. */
  readonly evidence: string | null
}

export interface ReportSummary {
  readonly source: string
  readonly impl: string
  readonly implementation: {
    name: string
    version: string
    kernel: string | null
    arch: string
    features: string[]
    /** Per feature, how the implementation probed it or why it is absent (its hello's probes). */
    probes: Record<string, string>
  } | null
  readonly started: string
  readonly finished: string | null
  /** Cases the run selected (from the header) and results the report holds. */
  readonly cases: number
  readonly results: number
  readonly counts: Record<Status, number>
  readonly unexpected: number
  /** Unsupported results per thing lacked (a feature, or op:NAME), most first. */
  readonly lacking: Record<string, number>
  /** Non-pass results the expectations file allowed. */
  readonly expectedNonPass: number
  readonly truncated: boolean
  readonly failFast: boolean
  readonly restarts: number | null
  readonly problems: string[]
  readonly unexpectedResults: UnexpectedResult[]
}

export interface Summary {
  readonly reports: ReportSummary[]
  readonly totals: { counts: Record<Status, number>; unexpected: number; truncated: number }
  /** Nothing unexpected and no report cut short: what `watchq summary` exits 0 on. */
  readonly ok: boolean
}

export function summaryOf(reports: readonly Report[]): Summary {
  const summaries = reports.map(reportSummary)
  const counts = countStatuses(reports.flatMap((r) => r.results))
  const unexpected = summaries.reduce((n, s) => n + s.unexpected, 0)
  const truncated = summaries.filter((s) => s.truncated).length
  return { reports: summaries, totals: { counts, unexpected, truncated }, ok: unexpected === 0 && truncated === 0 }
}

function reportSummary(report: Report): ReportSummary {
  const { header, footer, results } = report
  const info = header.implementation
  return {
    source: report.source,
    impl: header.impl,
    implementation: info
      ? {
          name: info.name,
          version: info.version,
          kernel: info.kernel ?? null,
          arch: info.arch,
          features: [...(info.features ?? [])],
          probes: { ...(info.probes ?? {}) },
        }
      : null,
    started: header.started,
    finished: footer?.finished ?? null,
    cases: header.cases,
    results: results.length,
    counts: countStatuses(results),
    unexpected: results.filter((r) => r.unexpected).length,
    lacking: lackingOf(results),
    expectedNonPass: results.filter((r) => !r.unexpected && r.expected !== undefined && r.status !== 'pass').length,
    truncated: report.truncated,
    failFast: footer?.failFast ?? false,
    restarts: footer?.restarts ?? null,
    problems: report.problems,
    unexpectedResults: results
      .filter((r) => r.unexpected)
      .map((r) => ({
        case: r.case,
        status: r.status,
        allowed: r.expected ?? [...ALLOWED_BY_DEFAULT],
        reason: reasonOf(r),
        divergence: r.divergence ?? null,
        evidence: r.divergence ? null : evidenceLine(r),
      })),
  }
}

export function summarize(reports: readonly Report[], format: SummaryFormat): string {
  const summary = summaryOf(reports)
  switch (format) {
    case 'json':
      return JSON.stringify(summary, null, 2)
    case 'markdown':
      return markdown(summary)
    case 'pretty':
      return pretty(summary)
  }
}

/** Unsupported results per thing lacked, most first ("declined" for a case declined as a whole). */
export function lackingOf(results: readonly ReportResult[]): Record<string, number> {
  const n: Record<string, number> = {}
  for (const r of results) {
    if (r.status !== 'unsupported') continue
    for (const l of r.lacks ?? ['declined']) n[l] = (n[l] ?? 0) + 1
  }
  return Object.fromEntries(Object.entries(n).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)))
}

/** "notification-pipe (pipe2(O_NOTIFICATION_PIPE) failed: ENOPKG)" for each probed feature. */
export function probeLines(probes: Readonly<Record<string, string>>, features: readonly string[]): string[] {
  return Object.entries(probes).map(([f, how]) => `${f}: ${features.includes(f) ? 'yes' : 'no'} — ${oneLine(how)}`)
}

/** "130 case(s) lack notification-pipe, 3 lack op:spawn" */
export function lackingLine(lacking: Readonly<Record<string, number>>): string {
  return Object.entries(lacking)
    .map(([what, n]) => (what === 'declined' ? `${n} declined` : `${n} need ${what}`))
    .join(', ')
}

// --- one-line descriptions shared with the JUnit and HTML reports ---

/** Why a result is not what was expected, in one line (null when the report does not say). */
export function reasonOf(r: ReportResult): string | null {
  if (r.status === 'pass' && r.unexpected) {
    const why = r.expectedReason ? `: ${r.expectedReason}` : ''
    return `passed, but the expectations file allows only ${(r.expected ?? []).join(', ')}${why}`
  }
  return r.reason ? oneLine(r.reason) : null
}

/** "step 3 (read): records[0].event: expected …, observed …" */
export function stepLine(d: Divergence): string {
  return `step ${d.step} (${d.op}): ${oneLine(d.what)}`
}

export function expectedLine(d: Divergence, width = 160): string {
  return clip(`expected ${d.expected === null ? 'nothing (no expectation)' : JSON.stringify(d.expected)}`, width)
}

/**
 * The observation; for a read with decoded records, the records instead of the raw bytes, cut
 * down to the fields the expectation compares so the two lines read side by side.
 */
export function observedLine(d: Divergence, width = 160): string {
  if (d.observed === null) return clip('observed nothing (no answer)', width)
  if (!d.decoded) return clip(`observed ${JSON.stringify(d.observed)}`, width)
  const { bytes: _bytes, ...rest } = d.observed
  const fields = comparedFields(d)
  const records = fields.size ? d.decoded.map((r) => pick(r, fields)) : d.decoded
  return clip(`observed ${JSON.stringify(rest)} records ${JSON.stringify(records)}`, width)
}

/** The record fields an expectation names, over all its alternatives. */
function comparedFields(d: Divergence): Set<string> {
  const outcomes = d.expected ? [d.expected, ...(d.expected.anyOf ?? [])] : []
  return new Set(outcomes.flatMap((o) => (o.records ?? []).flatMap((p) => Object.keys(p))))
}

function pick(record: unknown, fields: ReadonlySet<string>): unknown {
  if (typeof record !== 'object' || record === null) return record
  return Object.fromEntries(Object.entries(record).filter(([k]) => fields.has(k)))
}

/** For a result without a divergence: the offending protocol line, else the last line of stderr. */
export function evidenceLine(r: { line?: string; stderr?: string }, width = 160): string | null {
  if (r.line !== undefined) return clip(`offending line: ${oneLine(r.line)}`, width)
  const last = r.stderr
    ?.split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1)
  return last ? clip(`stderr: ${oneLine(last)}`, width) : null
}

function clip(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s
}

function describeImplementation(s: ReportSummary): string {
  const i = s.implementation
  return i ? `${i.name} ${i.version}`.trim() : `${s.impl} (no hello)`
}

function countsLine(counts: Record<Status, number>): string {
  return STATUS_NAMES.map((st) => `${st} ${counts[st]}`).join(', ')
}

// --- pretty: aligned plain text for a terminal ---

function pretty(summary: Summary): string {
  const out: string[] = []
  for (const s of summary.reports) {
    const row = (label: string, text: string) => out.push(`  ${label.padEnd(15)} ${text}`)
    out.push(s.truncated ? `${s.source}  TRUNCATED` : s.source)
    const platformText = s.implementation
      ? `kernel ${s.implementation.kernel ?? 'unknown'}, ${s.implementation.arch}`
      : 'it never said hello'
    row('implementation', `${describeImplementation(s)} (${platformText}), run as ${s.impl}`)
    const finished = s.finished ? `, finished ${s.finished}` : ''
    const restarts = s.restarts ? `, ${s.restarts} restart(s)` : ''
    const failFast = s.failFast ? ', stopped at the first unexpected result (--fail-fast)' : ''
    row('run', `${s.results} of ${s.cases} case(s), started ${s.started}${finished}${restarts}${failFast}`)
    row('statuses', countsLine(s.counts))
    const allowed = s.expectedNonPass ? ` (${s.expectedNonPass} other non-pass allowed by the expectations file)` : ''
    row('unexpected', `${s.unexpected}${allowed}`)
    if (Object.keys(s.lacking).length) row('unsupported', lackingLine(s.lacking))
    if (s.implementation)
      for (const p of probeLines(s.implementation.probes, s.implementation.features)) row('probe', p)
    if (s.truncated) row('TRUNCATED', s.problems[0] ?? 'the report was cut short')
    for (const p of s.truncated ? s.problems.slice(1) : s.problems) row('problem', p)
    if (s.unexpectedResults.length) {
      out.push('', '  unexpected results:')
      for (const u of s.unexpectedResults) {
        const pad = ' '.repeat(13)
        out.push(`    ${u.status.toUpperCase().padEnd(8)} ${u.case}${u.reason ? `: ${u.reason}` : ''}`)
        if (u.divergence) {
          out.push(`${pad}${stepLine(u.divergence)}`)
          out.push(`${pad}${expectedLine(u.divergence)}`)
          out.push(`${pad}${observedLine(u.divergence)}`)
        } else if (u.evidence) out.push(`${pad}${u.evidence}`)
      }
    }
    out.push('')
  }
  const { totals } = summary
  const truncated = totals.truncated ? `, ${totals.truncated} TRUNCATED` : ''
  out.push(
    `${summary.reports.length} report(s): ${countsLine(totals.counts)}; ${totals.unexpected} unexpected${truncated}`,
  )
  out.push(summary.ok ? 'ok: nothing unexpected' : 'NOT OK')
  return out.join('\n')
}

// --- markdown: for a CI job summary or a pull request comment ---

/** Text outside code: Markdown and HTML punctuation escaped, one line. */
function md(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]<>|&#~]/g, '\\$&')
}

/** An inline code span whose fence is longer than any backtick run inside it. */
function code(s: string): string {
  const text = oneLine(s)
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

function markdown(summary: Summary): string {
  const out: string[] = ['# watchq summary', '']
  out.push(`| Report | Implementation | Kernel | Arch | ${STATUS_NAMES.join(' | ')} | Unexpected |`)
  out.push(`|${' --- |'.repeat(5 + STATUS_NAMES.length)}`)
  for (const s of summary.reports) {
    const i = s.implementation
    const name = `${md(s.source)}${s.truncated ? ' **TRUNCATED**' : ''}`
    const cells = [name, md(describeImplementation(s)), md(i?.kernel ?? '?'), md(i?.arch ?? '?')]
    const unexpected = s.unexpected ? `**${s.unexpected}**` : '0'
    out.push(`| ${[...cells, ...STATUS_NAMES.map((st) => String(s.counts[st])), unexpected].join(' | ')} |`)
  }
  out.push('')
  for (const s of summary.reports) {
    const probes = s.implementation ? probeLines(s.implementation.probes, s.implementation.features) : []
    const lacking = Object.keys(s.lacking).length ? lackingLine(s.lacking) : ''
    if (!s.truncated && !s.problems.length && !s.unexpectedResults.length && !probes.length && !lacking) continue
    out.push(`## ${md(s.source)}: ${md(describeImplementation(s))}`, '')
    if (lacking) out.push(`Unsupported: ${md(lacking)}`, '')
    if (probes.length) out.push('Features, as probed:', '', ...probes.map((p) => `- ${md(p)}`), '')
    if (s.truncated) out.push(`> **TRUNCATED**: ${md(s.problems[0] ?? 'the report was cut short')}`, '')
    const rest = s.truncated ? s.problems.slice(1) : s.problems
    if (rest.length) out.push(...rest.map((p) => `- problem: ${md(p)}`), '')
    if (s.unexpectedResults.length) {
      out.push('### Unexpected results', '')
      for (const u of s.unexpectedResults) {
        out.push(`- **${u.status}** ${code(u.case)}${u.reason ? `: ${md(u.reason)}` : ''}`)
        if (u.divergence) {
          out.push(`  - ${md(stepLine(u.divergence))}`)
          out.push(`  - ${code(expectedLine(u.divergence))}`)
          out.push(`  - ${code(observedLine(u.divergence))}`)
        } else if (u.evidence) out.push(`  - ${code(u.evidence)}`)
      }
      out.push('')
    }
  }
  const { totals } = summary
  out.push(
    `**${summary.ok ? 'OK' : 'NOT OK'}**: ${summary.reports.length} report(s), ${totals.unexpected} unexpected, ${totals.truncated} truncated`,
  )
  return out.join('\n')
}
