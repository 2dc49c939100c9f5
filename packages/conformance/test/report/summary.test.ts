// summarize: counts, unexpected results with their diverging step, implementation info and TRUNCATED, in every format.
import { describe, expect, it } from 'vitest'
import { type Report, readReportFile } from '../../src/report/read.js'
import { type Summary, summarize, summaryOf } from '../../src/report/summary.js'

const load = (name: string) => readReportFile(new URL(`./fixtures/${name}.jsonl`, import.meta.url).pathname)
const complete = load('complete')
const second = load('second')
const truncated = load('truncated')
const hostile = load('hostile')
const gaps = load('gaps')

/** The second report with its one unexpected result dropped: nothing left to flag. */
const clean: Report = { ...second, results: second.results.filter((r) => !r.unexpected) }

describe('summaryOf', () => {
  it('counts per status and unexpected, and lists only the unexpected results', () => {
    const s = summaryOf([complete]).reports[0]!
    expect(s.counts).toEqual({ pass: 2, fail: 2, error: 1, crash: 1, timeout: 1, 'not-applicable': 0, unsupported: 1 })
    expect(s.unexpected).toBe(4)
    expect(s.expectedNonPass).toBe(2)
    expect(s.implementation).toEqual({
      name: 'watchq-c',
      version: '0.3.1',
      kernel: '6.8.0-45-generic',
      arch: 'x86_64',
      features: ['notification-pipe', 'key-notifications', 'root'],
      probes: {
        'notification-pipe': 'pipe2(O_NOTIFICATION_PIPE) succeeded',
        'key-construction': 'no request_key upcall helper installed',
      },
    })
    expect(s.lacking).toEqual({ 'key-construction': 1 })
    expect(s.unexpectedResults.map((u) => [u.case, u.status])).toEqual([
      ['keys/watch/update-record', 'fail'],
      ['queue/filter/bad-type', 'error'],
      ['keys/gc/removal-after-revoke', 'timeout'],
      ['pipe/splice/reject', 'crash'],
    ])
  })

  it('counts not-applicable and unsupported apart, and what the unsupported cases lack', () => {
    const s = summaryOf([gaps]).reports[0]!
    expect(s.counts).toMatchObject({ pass: 1, 'not-applicable': 1, unsupported: 3 })
    expect(s.unexpected).toBe(2)
    expect(s.lacking).toEqual({ 'notification-pipe': 2, 'key-construction': 1, 'key-notifications': 1 })
    expect(s.unexpectedResults.map((u) => [u.case, u.status, u.allowed])).toEqual([
      ['pipe2/notification-pipe', 'unsupported', ['pass', 'not-applicable']],
      ['keys/watch/update-record', 'unsupported', ['pass', 'not-applicable']],
    ])
    expect(summaryOf([gaps]).ok).toBe(false)
  })

  it('is ok only with nothing unexpected and nothing truncated', () => {
    expect(summaryOf([clean]).ok).toBe(true)
    expect(summaryOf([clean, complete]).ok).toBe(false)
    // Truncation alone is enough: a run cut short proves nothing about the cases it never reached.
    const cutClean: Report = { ...clean, footer: null, truncated: true, problems: ['no footer'] }
    expect(summaryOf([cutClean]).ok).toBe(false)
    expect(summaryOf([clean, truncated]).totals).toMatchObject({ unexpected: 1, truncated: 1 })
  })
})

describe('summarize pretty', () => {
  const text = summarize([complete, second, truncated], 'pretty')

  it('shows who ran where, the counts and the unexpected count', () => {
    expect(text).toContain('watchq-c 0.3.1 (kernel 6.8.0-45-generic, x86_64), run as ./adapters/c/watchq-c')
    expect(text).toContain('watchq-rs 0.1.0 (kernel 6.1.0-18-arm64, aarch64)')
    expect(text).toContain(
      'statuses        pass 2, fail 2, error 1, crash 1, timeout 1, not-applicable 0, unsupported 1',
    )
    expect(text).toContain('unexpected      4 (2 other non-pass allowed by the expectations file)')
    expect(text).toContain('8 of 8 case(s)')
    expect(text).toMatch(
      /\n3 report\(s\): pass 9, fail 3, error 1, crash 1, timeout 1, not-applicable 0, unsupported 1; 6 unexpected, 1 TRUNCATED\nNOT OK$/,
    )
  })

  it('says what the unsupported cases lack, and how each feature was probed', () => {
    const t = summarize([gaps], 'pretty')
    expect(t).toContain('statuses        pass 1, fail 0, error 0, crash 0, timeout 0, not-applicable 1, unsupported 3')
    expect(t).toContain('unsupported     2 need notification-pipe, 1 need key-construction, 1 need key-notifications')
    expect(t).toContain('probe           notification-pipe: no — pipe2(O_NOTIFICATION_PIPE) failed: ENOPKG')
    expect(t).toContain('probe           root: yes — geteuid() = 0')
    expect(t).toContain(
      'UNSUPPORTED keys/watch/update-record: implementation lacks features notification-pipe, key-notifications',
    )
  })

  it('gives each unexpected failure its step, expected and observed (decoded records, compared fields only)', () => {
    const lines = text.split('\n')
    const at = lines.findIndex((l) => l.includes('FAIL     keys/watch/update-record'))
    expect(lines.slice(at + 1, at + 4).map((l) => l.trim())).toEqual([
      'step 4 (read): records[0].keyId: expected 582343121 ($k), observed 1000',
      'expected {"records":[{"kind":"key","event":"updated","keyId":"$k"}]}',
      'observed {"ret":16} records [{"kind":"key","event":"updated","keyId":1000}]',
    ])
  })

  it('shows the evidence of errors and crashes, and an unexpected pass with the expectation it broke', () => {
    expect(text).toContain('ERROR    queue/filter/bad-type: the implementation spoke out of protocol: not JSON')
    expect(text).toContain('offending line: set_filter: ok (probably)')
    expect(text).toContain('stderr: Segmentation fault (core dumped)')
    expect(text).toContain(
      'PASS     keys/watch/link-record: passed, but the expectations file allows only fail: kernels before 6.2 miss the linked record',
    )
  })

  it('leaves expected failures out of the unexpected list', () => {
    const unexpectedPart = text.slice(text.indexOf('unexpected results:'), text.indexOf('second.jsonl'))
    expect(unexpectedPart).not.toContain('keys/construct/negate')
    expect(unexpectedPart).not.toContain('FAIL     keys/watch/link-record')
  })

  it('flags a report without footer as TRUNCATED, on its name and with the reason', () => {
    expect(text).toMatch(/truncated\.jsonl {2}TRUNCATED\n/)
    expect(text).toContain('  TRUNCATED       no footer: the run was cut short after 2 of 5 case(s)')
    expect(summarize([complete], 'pretty')).not.toContain('TRUNCATED')
  })

  it('makes control characters visible instead of sending them to the terminal', () => {
    const h = summarize([hostile], 'pretty')
    expect(h).not.toContain('\u001b')
    expect(h).toContain('stderr: \\u001b[31mpanic\\u001b[0m')
  })
})

describe('summarize markdown', () => {
  const md = summarize([complete, truncated, hostile], 'markdown')

  it('tabulates each report with its counts and marks truncation', () => {
    expect(md).toContain(
      '| Report | Implementation | Kernel | Arch | pass | fail | error | crash | timeout | not-applicable | unsupported | Unexpected |',
    )
    expect(md).toMatch(
      /\| \S*complete\.jsonl \| watchq-c 0\.3\.1 \| 6\.8\.0-45-generic \| x86\\_64 \| 2 \| 2 \| 1 \| 1 \| 1 \| 0 \| 1 \| \*\*4\*\* \|/,
    )
    expect(md).toMatch(/\| \S*truncated\.jsonl \*\*TRUNCATED\*\* \|/)
    expect(md).toContain('> **TRUNCATED**: no footer: the run was cut short after 2 of 5 case(s)')
    expect(md.endsWith('**NOT OK**: 3 report(s), 7 unexpected, 1 truncated')).toBe(true)
  })

  it('names what unsupported cases lack and how the features were probed', () => {
    const g = summarize([gaps], 'markdown')
    expect(g).toContain('Unsupported: 2 need notification-pipe, 1 need key-construction, 1 need key-notifications')
    expect(g).toContain('- notification-pipe: no — pipe2(O\\_NOTIFICATION\\_PIPE) failed: ENOPKG')
    expect(g).toContain('- **unsupported** `pipe2/notification-pipe`: implementation lacks feature notification-pipe')
  })

  it('lists unexpected results with the diverging step in code spans', () => {
    expect(md).toContain('- **fail** `keys/watch/update-record`: step 4 (read) diverged')
    expect(md).toContain('  - `expected {"records":[{"kind":"key","event":"updated","keyId":"$k"}]}`')
  })

  it('never lets report text become markup outside code spans', () => {
    expect(md).toContain('| evil\\<b\\>impl\\</b\\> 1\\&2 |')
    expect(md).toContain('step 0 (write): \\<script\\>window.\\_\\_pwned4=1\\</script\\> differs')
    // Every raw <script> sits inside a code span (between backticks on its line).
    for (const line of md.split('\n').filter((l) => /(?<!\\)<script>/.test(l)))
      expect(line).toMatch(/`[^`]*<script>[^`]*`/)
  })
})

describe('summarize json', () => {
  it('is the summary as JSON, divergences included', () => {
    const parsed = JSON.parse(summarize([complete, truncated], 'json')) as Summary
    expect(parsed.ok).toBe(false)
    expect(parsed.totals).toEqual({
      counts: { pass: 3, fail: 3, error: 1, crash: 1, timeout: 1, 'not-applicable': 0, unsupported: 1 },
      unexpected: 5,
      truncated: 1,
    })
    expect(parsed.reports.map((r) => [r.truncated, r.finished])).toEqual([
      [false, '2025-06-01T10:00:05.100Z'],
      [true, null],
    ])
    expect(parsed.reports[0]!.unexpectedResults[0]!.divergence?.decoded).toHaveLength(1)
    expect(parsed.reports[0]!.unexpectedResults[3]).toMatchObject({
      case: 'pipe/splice/reject',
      evidence: 'stderr: Segmentation fault (core dumped)',
    })
  })
})
