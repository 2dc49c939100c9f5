// readReport: valid reports load, truncation is detected, malformed lines are one-line errors naming file and line.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ReportError, readReport, readReportFile } from '../../src/report/read.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname
const text = (name: string) => readFileSync(fixture(name), 'utf8')

const HEADER = {
  report: 2,
  watchq: '0.1.0',
  started: '2025-06-01T10:00:00.000Z',
  impl: './impl',
  implementation: null,
  cases: 2,
}
const pass = (id: string) => ({ case: id, description: id, status: 'pass', unexpected: false, durationMs: 1 })
const FOOTER = { footer: true, finished: 'x', counts: { pass: 2 }, unexpected: 0, failFast: false, restarts: 0 }
const jsonl = (...lines: unknown[]) => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`

/** The ReportError a text raises (failing the test when it raises none). */
function errorOf(t: string, source = 'x.jsonl'): string {
  try {
    readReport(t, source)
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError)
    return (e as Error).message
  }
  throw new Error('expected a ReportError')
}

describe('readReport: well-formed reports', () => {
  it('reads a complete report: header, every result, footer, no problems', () => {
    const r = readReportFile(fixture('complete.jsonl'))
    expect(r.source).toBe(fixture('complete.jsonl'))
    expect(r.header.implementation?.name).toBe('watchq-c')
    expect(r.results.map((x) => x.status)).toEqual([
      'pass',
      'pass',
      'fail',
      'fail',
      'error',
      'timeout',
      'crash',
      'unsupported',
    ])
    expect(r.version).toBe(2)
    expect(r.footer?.restarts).toBe(1)
    expect(r.truncated).toBe(false)
    expect(r.problems).toEqual([])
  })

  it('marks a report without a footer as truncated and says how far it got', () => {
    const r = readReport(text('truncated.jsonl'), 'truncated.jsonl')
    expect(r.footer).toBeNull()
    expect(r.truncated).toBe(true)
    expect(r.results).toHaveLength(2)
    expect(r.problems[0]).toBe('no footer: the run was cut short after 2 of 5 case(s)')
  })

  it('treats a last line cut off mid-write (no newline, not JSON) as truncation, not as malformed', () => {
    const full = jsonl(HEADER, pass('a'))
    const r = readReport(`${full}{"case":"b","descr`, 'cut.jsonl')
    expect(r.truncated).toBe(true)
    expect(r.results.map((x) => x.case)).toEqual(['a'])
    expect(r.problems).toContain('line 3 is incomplete: the run stopped while writing it')
  })

  it('still rejects a bad last line that ends with a newline: that is not a cut-off write', () => {
    expect(errorOf(`${jsonl(HEADER, pass('a'))}{"case":"b","descr\n`)).toMatch(
      /^x\.jsonl:3: expected a result or footer line \(a JSON object\), but it is not JSON: /,
    )
  })

  it('accepts CRLF line ends and blank lines, keeping line numbers true', () => {
    const t = jsonl(HEADER, pass('a'), pass('b'), FOOTER)
      .replace(/\n/g, '\r\n')
      .replace(/^(.*\r\n)/, '$1\r\n')
    const r = readReport(t, 'crlf.jsonl')
    expect(r.results).toHaveLength(2)
    expect(r.truncated).toBe(false)
    // Line 2 is blank, so the bad status sits on line 3.
    const bad = t.replace('"status":"pass"', '"status":"PASS"')
    expect(errorOf(bad)).toMatch(/^x\.jsonl:3: /)
  })

  it('reports inconsistencies as problems without refusing the report', () => {
    const dup = pass('a')
    const wrongFlag = { ...pass('b'), status: 'fail', unexpected: false }
    const footer = { ...FOOTER, counts: { pass: 5 }, unexpected: 3 }
    const r = readReport(jsonl({ ...HEADER, cases: 3 }, dup, dup, wrongFlag, footer), 'x.jsonl')
    expect(r.truncated).toBe(false)
    expect(r.problems).toEqual([
      'case a has more than one result',
      'case b: marked expected, but status fail is not among the allowed (pass, not-applicable)',
      'the footer counts 5 pass but the report holds 2',
      'the footer counts 0 fail but the report holds 1',
      'the footer counts 3 unexpected but the report holds 0',
    ])
  })

  it('accepts not-applicable without an expectations entry as expected, and unsupported as unexpected', () => {
    const na = { ...pass('a'), status: 'not-applicable', reason: 'needs big-endian; …', unexpected: false }
    const gap = { ...pass('b'), status: 'unsupported', reason: 'implementation lacks feature exec', lacks: ['exec'] }
    const footer = { ...FOOTER, counts: { 'not-applicable': 1, unsupported: 1 }, unexpected: 1 }
    const r = readReport(jsonl({ ...HEADER, cases: 2 }, na, { ...gap, unexpected: true }, footer), 'x')
    expect(r.problems).toEqual([])
    const hidden = readReport(jsonl({ ...HEADER, cases: 2 }, na, gap, { ...footer, unexpected: 0 }), 'x')
    expect(hidden.problems).toEqual([
      'case b: marked expected, but status unsupported is not among the allowed (pass, not-applicable)',
    ])
  })

  it('reads a version 1 report: each skip becomes not-applicable (a platform need) or unsupported, still allowed', () => {
    const r = readReportFile(fixture('v1.jsonl'))
    expect(r.version).toBe(1)
    expect(r.header.report).toBe(2)
    expect(r.problems).toEqual([])
    const by = Object.fromEntries(r.results.map((x) => [x.case, x]))
    expect(by['read/big-endian']).toMatchObject({ status: 'not-applicable', unexpected: false })
    expect(by['keys/gc/removal']).toMatchObject({
      status: 'unsupported',
      unexpected: false,
      expected: ['pass', 'unsupported'],
      expectedReason: 'report version 1: a skip was never unexpected',
    })
    // Listed as "skip" in the expectations file: both statuses of a case not run.
    expect(by['keys/construct/negate']).toMatchObject({
      status: 'unsupported',
      expected: ['not-applicable', 'unsupported'],
    })
    expect(r.footer?.counts).toMatchObject({ 'not-applicable': 1, unsupported: 2 })
    expect(r.footer?.counts).not.toHaveProperty('skip')
  })

  it('accepts an unexpected pass (listed as an expected failure, yet passing) as consistent', () => {
    const xpass = { ...pass('a'), expected: ['fail'], expectedReason: 'bug 1', unexpected: true }
    const r = readReport(jsonl({ ...HEADER, cases: 1 }, xpass, { ...FOOTER, counts: { pass: 1 }, unexpected: 1 }), 'x')
    expect(r.problems).toEqual([])
  })
})

describe('readReport: not a report, or malformed lines', () => {
  it('refuses an empty file and a file whose first line is not a header', () => {
    expect(errorOf('\n\n')).toBe('x.jsonl: empty file: not a report (expected a header line first)')
    expect(errorOf(jsonl(pass('a'), FOOTER))).toBe(
      'x.jsonl:1: expected a report header first, found a result line: the header is missing, this is not a report',
    )
    expect(errorOf('[1,2]\n')).toBe('x.jsonl:1: expected a report header (a JSON object), found an array')
    expect(errorOf('not json\n')).toMatch(
      /^x\.jsonl:1: expected a report header \(a JSON object with "report": 2\), but it is not JSON: /,
    )
  })

  it('names an unsupported report version', () => {
    expect(errorOf(jsonl({ ...HEADER, report: 3 }))).toBe(
      'x.jsonl:1: unsupported report version 3 (this watchq reads versions 1 to 2)',
    )
  })

  it('turns schema errors into one line: JSON path, message, what was found', () => {
    const bad = { ...pass('a'), status: 'bogus', durationMs: -1 }
    const message = errorOf(jsonl(HEADER, bad, FOOTER))
    expect(message).not.toContain('\n')
    expect(message).toBe(
      'x.jsonl:2: expected a result line: $.status must be one of "pass", "fail", "error", "crash", "timeout", "not-applicable", "unsupported" (found "bogus"); $.durationMs must be >= 0 (found -1)',
    )
  })

  it('names missing and unknown properties by path', () => {
    const { description: _d, ...noDescription } = pass('a')
    expect(errorOf(jsonl(HEADER, { ...noDescription, extra: 1 }))).toBe(
      'x.jsonl:2: expected a result line: $.description is required; $.extra is not allowed here (found 1)',
    )
  })

  it('explains a bad step by its own op, not by all 35 kinds of step', () => {
    const step = { op: 'set_size', fd: '$r', entries: 16 }
    expect(errorOf(jsonl(HEADER, { ...pass('a'), steps: [step] }))).toBe(
      'x.jsonl:2: expected a result line: $.steps[0].notes is required; $.steps[0].entries is not allowed here (found 16)',
    )
    const unknownOp = errorOf(jsonl(HEADER, { ...pass('a'), steps: [{ op: 'bogus', fd: 3 }] }))
    expect(unknownOp).toMatch(/\$\.steps\[0\]\.op must be one of "pipe2", .*… \(\d+ values\) \(found "bogus"\)$/)
    expect(unknownOp).not.toContain('required')
  })

  it('keeps the deepest error of a nullable field and merges a union of alternatives', () => {
    const divergence = { step: 1, op: 'read', what: 'x', expected: { ret: 'x' }, observed: null }
    expect(errorOf(jsonl(HEADER, { ...pass('a'), divergence }))).toBe(
      'x.jsonl:2: expected a result line: $.divergence.expected.ret must be an integer or a handle like $name (found "x")',
    )
  })

  it('validates the footer and refuses anything after it', () => {
    expect(errorOf(jsonl(HEADER, pass('a'), { ...FOOTER, restarts: 'none' }))).toBe(
      'x.jsonl:3: expected a footer line: $.restarts must be an integer (found "none")',
    )
    expect(errorOf(jsonl(HEADER, pass('a'), FOOTER, pass('b')))).toBe(
      'x.jsonl:4: expected nothing after the footer, found another line',
    )
    expect(errorOf(jsonl(HEADER, pass('a'), HEADER))).toBe(
      'x.jsonl:3: expected a result or footer line, found a second header (two reports joined?)',
    )
  })

  it('names the file when it cannot be read', () => {
    expect(() => readReportFile('/nonexistent/out.jsonl')).toThrow(
      new ReportError('cannot read /nonexistent/out.jsonl: no such file'),
    )
  })
})
