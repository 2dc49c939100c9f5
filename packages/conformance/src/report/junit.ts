// Reports as JUnit XML, for CI dashboards: a testsuite per report, a testcase per case.
//
// Mapping: pass → passed; fail → <failure>; error, crash, timeout → <error>; not-applicable →
// <skipped> with its reason ("not applicable: needs arch s390x; …"). An unexpected unsupported
// result is a <failure type="unsupported">: a feature or op the implementation lacks is a gap, and
// a plain <skipped> would hide it on a dashboard that shows skips as harmless. A non-pass the
// expectations file (or --allow-unsupported) allows becomes <skipped> with the expectation's
// reason: it neither breaks the build nor hides among the passes. A pass the expectations file did
// not allow (an unexpected pass) becomes a <failure>, so the file gets fixed; this matches `watchq
// summary`, which exits 1 on all of these. A report cut short gets an extra "report-truncated"
// testcase with an <error>.
import type { ReportResult } from '@watchq/spec'
import { implementationName, platform, type Report } from './read.js'
import { evidenceLine, expectedLine, observedLine, reasonOf, stepLine } from './summary.js'

export function junitXml(reports: readonly Report[]): string {
  const suites = reports.map(suite)
  const total = (k: keyof Totals) => suites.reduce((n, s) => n + s.totals[k], 0)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="watchq" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}" time="${seconds(total('ms'))}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n')
}

interface Totals {
  tests: number
  failures: number
  errors: number
  skipped: number
  ms: number
}

function suite(report: Report): { xml: string; totals: Totals } {
  const { header } = report
  const totals: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: 0 }
  const cases: string[] = []
  for (const r of report.results) {
    const t = testcase(r)
    totals.tests++
    if (t.kind !== 'passed') totals[t.kind]++
    totals.ms += r.durationMs
    cases.push(t.xml)
  }
  if (report.truncated) {
    totals.tests++
    totals.errors++
    const message = report.problems[0] ?? 'the report was cut short'
    cases.push(
      `    <testcase name="report-truncated" classname="watchq" time="0">\n      <error message="${attr(message)}" type="truncated">${text(`${report.source}: ${report.problems.join('\n')}`)}</error>\n    </testcase>`,
    )
  }
  const info = header.implementation
  const props: [string, string][] = [
    ['source', report.source],
    ['impl', header.impl],
    ['implementation', implementationName(header)],
    ['kernel', info?.kernel ?? ''],
    ['arch', info?.arch ?? ''],
    ['watchq', header.watchq],
    ['truncated', String(report.truncated)],
  ]
  // Named by what was run (--impl), as html names its columns; then who answered, where, and the file.
  const name = `${header.impl}: ${implementationName(header)} (${platform(header)}) ${report.source}`
  const xml = [
    `  <testsuite name="${attr(name)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${seconds(totals.ms)}" timestamp="${attr(header.started)}">`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n')
  return { xml, totals }
}

type Kind = 'passed' | 'failures' | 'errors' | 'skipped'

function testcase(r: ReportResult): { kind: Kind; xml: string } {
  const slash = r.case.lastIndexOf('/')
  // CI tools split classname on dots into packages: keys/watch/x groups under keys.watch.
  const classname = slash > 0 ? r.case.slice(0, slash).replace(/\//g, '.') : 'watchq'
  const open = `    <testcase name="${attr(r.case)}" classname="${attr(classname)}" time="${seconds(r.durationMs)}">`
  const reason = reasonOf(r) ?? evidenceLine(r) ?? r.status
  const body: string[] = []
  let kind: Kind = 'passed'
  if (r.status === 'pass' && r.unexpected) {
    kind = 'failures'
    body.push(`      <failure message="${attr(`unexpected pass: ${reason}`)}" type="unexpected-pass"/>`)
  } else if (r.status === 'not-applicable' && !r.unexpected && !r.expected) {
    kind = 'skipped'
    body.push(`      <skipped message="${attr(`not applicable: ${reason}`)}"/>`)
  } else if (r.status !== 'pass' && !r.unexpected) {
    kind = 'skipped'
    const why = r.expectedReason ? `: ${r.expectedReason}` : ''
    const what = r.reason ? ` (${reason})` : ''
    body.push(
      `      <skipped message="${attr(`expected ${r.status}${why}${r.status === 'unsupported' ? what : ''}`)}"/>`,
    )
  } else if (r.status === 'unsupported' || r.status === 'not-applicable') {
    kind = 'failures'
    const lacks = r.lacks ? ` (lacks ${r.lacks.join(', ')})` : ''
    body.push(
      `      <failure message="${attr(`unexpected ${r.status}: ${reason}`)}" type="${r.status}">${text(`${details(r)}${lacks}`)}</failure>`,
    )
  } else if (r.status === 'fail') {
    kind = 'failures'
    // The diverging step says most in the one line a dashboard shows.
    const message = r.divergence ? stepLine(r.divergence) : reason
    body.push(`      <failure message="${attr(message)}" type="fail">${text(details(r))}</failure>`)
  } else if (r.status !== 'pass') {
    kind = 'errors'
    body.push(`      <error message="${attr(reason)}" type="${r.status}">${text(details(r))}</error>`)
  }
  // Expected failures keep their details too, as output rather than as a failure.
  if (kind === 'skipped' && r.divergence) body.push(`      <system-out>${text(details(r))}</system-out>`)
  if (r.stderr) body.push(`      <system-err>${text(r.stderr)}</system-err>`)
  if (!body.length) return { kind, xml: open.replace(/>$/, '/>') }
  return { kind, xml: [open, ...body, '    </testcase>'].join('\n') }
}

/** The failure's text: reason, the diverging step with expected and observed, the offending line. */
function details(r: ReportResult): string {
  const lines = [`${r.case}: ${r.status}${r.reason ? ` — ${r.reason}` : ''}`]
  if (r.expected) lines.push(`allowed by the expectations file: ${r.expected.join(', ')}`)
  if (r.divergence) {
    const d = r.divergence
    lines.push(stepLine(d), expectedLine(d, 4000), observedLine(d, 4000))
    if (d.decoded) lines.push(`decoded records:\n${JSON.stringify(d.decoded, null, 2)}`)
  }
  if (r.line !== undefined) lines.push(`offending line: ${r.line}`)
  return lines.join('\n')
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}

/** Characters outside XML 1.0's Char production (most C0 controls, lone surrogates, U+FFFE/F), as \uXXXX. */
function xmlSafe(s: string): string {
  let out = ''
  for (const ch of s) {
    // for…of yields whole code points; a lone surrogate comes through on its own.
    const c = ch.codePointAt(0)!
    const ok =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c > 0xffff
    out += ok ? ch : `\\u${c.toString(16).padStart(4, '0')}`
  }
  return out
}

function text(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Attribute values: quotes escaped, and newlines and tabs as references so parsers keep them. */
function attr(s: string): string {
  return text(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}
