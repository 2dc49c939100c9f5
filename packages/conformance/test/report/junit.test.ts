// junitXml: a testsuite per report, a testcase per case, the status mapping, expected failures, truncation, escaping.
import { describe, expect, it } from 'vitest'
import { junitXml } from '../../src/report/junit.js'
import { readReportFile } from '../../src/report/read.js'

const load = (name: string) => readReportFile(new URL(`./fixtures/${name}.jsonl`, import.meta.url).pathname)
const complete = load('complete')
const second = load('second')
const truncated = load('truncated')
const hostile = load('hostile')

const xmlUnescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&')

/** Each testcase: its attributes and the first child element (failure, error, skipped) if any. */
function testcases(xml: string) {
  const re = /<testcase name="([^"]*)" classname="([^"]*)" time="([^"]*)"(\/>|>([\s\S]*?)<\/testcase>)/g
  return [...xml.matchAll(re)].map((m) => {
    const child = /<(failure|error|skipped)(?: message="([^"]*)")?(?: type="([^"]*)")?/.exec(m[5] ?? '')
    return {
      name: xmlUnescape(m[1]!),
      classname: xmlUnescape(m[2]!),
      time: m[3],
      kind: child?.[1] ?? 'passed',
      message: child?.[2] === undefined ? undefined : xmlUnescape(child[2]),
      type: child?.[3],
      body: m[5] ?? '',
    }
  })
}

describe('junitXml', () => {
  const xml = junitXml([complete])
  const cases = testcases(xml)
  const byName = (n: string) => cases.find((c) => c.name === n)!

  it('has a testsuite per report with counts that add up, and a testcase per case', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="watchq" tests="8" failures="1" errors="3" skipped="2"',
      ),
    ).toBe(true)
    expect(xml).toContain(
      '<testsuite name="./adapters/c/watchq-c: watchq-c 0.3.1 (kernel 6.8.0-45-generic, x86_64) ' +
        complete.source +
        '" tests="8" failures="1" errors="3" skipped="2" time="5.040" timestamp="2025-06-01T10:00:00.000Z">',
    )
    expect(xml).toContain('<property name="kernel" value="6.8.0-45-generic"/>')
    expect(cases.map((c) => c.name)).toEqual(complete.results.map((r) => r.case))
  })

  it('takes the classname from the case id directory and the time in seconds', () => {
    expect(byName('keys/watch/update-record')).toMatchObject({ classname: 'keys.watch', time: '0.013' })
    expect(byName('keys/gc/removal-after-revoke').time).toBe('5.001')
  })

  it('maps statuses: fail → failure with the diverging step, error/crash/timeout → error, pass → empty', () => {
    expect(byName('pipe/create/notification-pipe')).toMatchObject({ kind: 'passed', body: '' })
    const fail = byName('keys/watch/update-record')
    expect(fail).toMatchObject({
      kind: 'failure',
      type: 'fail',
      message: 'step 4 (read): records[0].keyId: expected 582343121 ($k), observed 1000',
    })
    expect(fail.body).toContain('expected {"records":[{"kind":"key","event":"updated","keyId":"$k"}]}')
    expect(fail.body).toContain('"keyId": 1000') // the decoded records, in full
    expect(byName('queue/filter/bad-type')).toMatchObject({ kind: 'error', type: 'error' })
    expect(byName('queue/filter/bad-type').body).toContain('offending line: set_filter: ok (probably)')
    expect(byName('keys/gc/removal-after-revoke')).toMatchObject({ kind: 'error', type: 'timeout' })
    const crash = byName('pipe/splice/reject')
    expect(crash).toMatchObject({ kind: 'error', type: 'crash' })
    expect(crash.body).toContain('<system-err>watchq-c: splicing\nSegmentation fault (core dumped)\n</system-err>')
  })

  it('reports expected failures and skips as skipped, with the expectation reason and the details kept', () => {
    const xfail = byName('keys/watch/link-record')
    expect(xfail).toMatchObject({
      kind: 'skipped',
      message: 'expected fail: watchq-c reads with a stale buffer on 6.8 (issue 12)',
    })
    expect(xfail.body).toContain('<system-out>')
    expect(xfail.body).toContain('records[0].event: expected "linked", observed "updated"')
    expect(byName('keys/construct/negate')).toMatchObject({
      kind: 'skipped',
      message:
        'expected unsupported: watchq-c has no request_key upcall helper (implementation lacks feature key-construction)',
    })
  })

  it('skips a not-applicable case with its reason, and fails an unexpected unsupported one rather than hide it', () => {
    const out = junitXml([load('gaps')])
    expect(out).toContain('tests="5" failures="2" errors="0" skipped="2"')
    const cases = Object.fromEntries(testcases(out).map((c) => [c.name, c]))
    expect(cases['read/big-endian-layout']).toMatchObject({
      kind: 'skipped',
      message: 'not applicable: needs big-endian; implementation is little-endian',
    })
    expect(cases['pipe2/notification-pipe']).toMatchObject({
      kind: 'failure',
      type: 'unsupported',
      message: 'unexpected unsupported: implementation lacks feature notification-pipe',
    })
    expect(cases['keys/construct/negate']).toMatchObject({ kind: 'skipped' })
  })

  it('fails an unexpected pass so the expectations file gets updated', () => {
    const xpass = testcases(junitXml([second])).find((c) => c.name === 'keys/watch/link-record')!
    expect(xpass).toMatchObject({ kind: 'failure', type: 'unexpected-pass' })
    expect(xpass.message).toMatch(/^unexpected pass: passed, but the expectations file allows only fail/)
  })

  it('adds a report-truncated error testcase for a report without footer', () => {
    const out = junitXml([truncated])
    expect(out).toContain('tests="3" failures="1" errors="1" skipped="0"')
    expect(testcases(out).at(-1)).toMatchObject({
      name: 'report-truncated',
      kind: 'error',
      type: 'truncated',
      message: 'no footer: the run was cut short after 2 of 5 case(s)',
    })
    expect(xml).not.toContain('report-truncated')
  })

  it('escapes markup and quotes, and replaces characters XML cannot hold', () => {
    const out = junitXml([hostile])
    expect(out).not.toMatch(/<script|<b>|<img|<also>|]]>/)
    expect(out).not.toContain('\u001b')
    expect(out).toContain('<system-err>\\u001b[31mpanic\\u001b[0m &lt;script&gt;')
    const c = testcases(out)
    expect(c[0]!.name).toBe('xss/<script>window.__pwned1=1</script>')
    expect(c[0]!.message).toBe('died ]]> & <also> "quoted"')
    // Only the XML's own tags remain: every "<" opens one of them.
    const tags = new Set([...out.matchAll(/<\/?([a-zA-Z?][\w-]*)/g)].map((m) => m[1]))
    expect([...tags].sort()).toEqual(
      [
        '?xml',
        'error',
        'failure',
        'properties',
        'property',
        'system-err',
        'testcase',
        'testsuite',
        'testsuites',
      ].sort(),
    )
  })
})
