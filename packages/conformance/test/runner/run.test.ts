// The run loop end to end against the scriptable fake implementation over stdio: every status, the
// restart-and-replay of a crashed implementation, stderr and offending lines attached, fail-fast,
// --jobs, expectations files, and a report that validates line by line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAjv, ReportFooter, ReportHeader, ReportResult } from '@watchq/spec'
import { beforeAll, describe, expect, it } from 'vitest'
import { type LoadedCase, loadCases } from '../../src/cases/load.js'
import { readReportFile } from '../../src/report/read.js'
import { ReportFile, ReportMemory } from '../../src/report/write.js'
import { AllowUnsupported, Expectations } from '../../src/runner/expectations.js'
import { runSuite } from '../../src/runner/run.js'
import { stdioConnector } from '../../src/transport/stdio.js'
import { FAKE_IMPLEMENTATION } from '../support/fake.js'
import { hexOf, key } from '../support/records.js'

const FAKE = join(import.meta.dirname, '../fake-adapter/fake.mjs')
const SUITE = join(import.meta.dirname, 'fixtures/suite')
const dir = mkdtempSync(join(tmpdir(), 'watchq-run-'))

const IMPLEMENTATION = FAKE_IMPLEMENTATION

const SCRIPT = {
  implementation: IMPLEMENTATION,
  cases: {
    wrong: 'answer',
    garbage: { do: 'garbage', text: 'Segmentation fault? no, just noise' },
    'wrong-seq': 'wrong-seq',
    'missing-field': 'missing-field',
    error: { do: 'error', message: 'cannot open /dev/null' },
    crash: { do: 'crash', code: 3, stderr: 'agent: SIGSEGV in keyctl_watch\n' },
    hang: 'hang',
    skip: { do: 'skip', reason: 'no keyrings here' },
    slow: { do: 'slow', ms: 50 },
    echo: 'echo',
    records: {
      do: 'answer',
      observations: [
        { ret: 0, fds: [3, 4] },
        { ret: 5555 },
        { ret: 0 },
        { ret: 16, bytes: hexOf([key('updated', 5555, 0, 7)]) },
      ],
    },
  },
}

function fake(name: string, script: object = SCRIPT) {
  const path = join(dir, `${name}.json`)
  const counter = join(dir, `${name}.starts`)
  writeFileSync(path, JSON.stringify(script))
  return {
    connector: stdioConnector(`node ${FAKE} ${path} --counter ${counter}`),
    starts: () => readFileSync(counter, 'utf8').trim().split('\n').length,
  }
}

let cases: LoadedCase[]
beforeAll(() => {
  const loaded = loadCases([SUITE])
  expect(loaded.problems).toEqual([])
  cases = loaded.cases
})

const byId = (report: ReportMemory) => Object.fromEntries(report.results.map((r) => [r.case, r]))

describe('runSuite against the fake implementation', () => {
  it('gives every status, with its reason, and keeps going after crashes and hangs', async () => {
    const f = fake('all')
    const report = new ReportMemory()
    const summary = await runSuite({ connector: f.connector, cases, report, timeoutMs: 1500, version: 'test' })
    const r = byId(report)
    expect(r.ok).toMatchObject({ status: 'pass', unexpected: false })
    expect(r.records).toMatchObject({ status: 'pass' })
    expect(r.slow).toMatchObject({ status: 'pass' })
    expect(r.wrong).toMatchObject({
      status: 'fail',
      unexpected: true,
      reason: 'step 0 (close): expected EBADF, observed ret 0',
      divergence: { step: 0, op: 'close', expected: { errno: 'EBADF' }, observed: { ret: 0 } },
    })
    expect(r.garbage).toMatchObject({
      status: 'error',
      reason: 'the implementation answered with a line that is not JSON',
      line: 'Segmentation fault? no, just noise',
    })
    expect(r['wrong-seq']).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/^the answer has seq \d+; the request had seq \d+$/),
    })
    expect(r['missing-field']).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('the answer is out of protocol'),
    })
    expect(r.error).toMatchObject({
      status: 'error',
      reason: 'the implementation reported an error: cannot open /dev/null',
    })
    expect(r.crash).toMatchObject({
      status: 'crash',
      stderr: expect.stringContaining('agent: SIGSEGV in keyctl_watch'),
    })
    // Said once: "the implementation exited (code 3)", not "the implementation the implementation …".
    expect(r.crash!.reason).toMatch(/^the implementation exited \(code 3\)/)
    expect(r.hang).toMatchObject({ status: 'timeout', reason: 'no answer within 1500 ms' })
    // Declined, or lacking a feature: unsupported, a gap, so unexpected without an allowance.
    expect(r.skip).toMatchObject({
      status: 'unsupported',
      reason: 'the implementation declined: no keyrings here',
      unexpected: true,
    })
    expect(r.skip!.lacks).toBeUndefined()
    expect(r['needs-root']).toMatchObject({
      status: 'unsupported',
      reason: 'implementation lacks feature root',
      lacks: ['root'],
      unexpected: true,
    })
    // Expectations never leave the runner: the echoed request is attached as the offending line.
    expect(r.echo).toMatchObject({ status: 'error' })
    expect(r.echo!.line).toContain('"cmd":"run"')
    expect(r.echo!.line).not.toContain('expect')
    expect(summary.counts).toEqual({
      pass: 3,
      fail: 1,
      error: 5,
      crash: 1,
      timeout: 1,
      'not-applicable': 0,
      unsupported: 2,
    })
    expect(summary.unexpected).toBe(10)
    expect(summary.lacking).toEqual({ root: 1 })
    expect(summary.declined).toBe(1)
    // Reconnected (and said hello again) after each dropped connection: crash, hang, and the four
    // out-of-protocol answers (their stream may be out of step) — but the last, wrong-seq, ends
    // the run (cases run in id order), so nothing reconnects after it.
    expect(summary.restarts).toBe(5)
    expect(f.starts()).toBe(6)
    expect(report.headerLine).toMatchObject({
      report: 2,
      impl: expect.stringMatching(/^cmd:node /),
      implementation: IMPLEMENTATION,
      cases: 13,
    })
    expect(report.footerLine).toMatchObject({ footer: true, unexpected: 10, failFast: false, restarts: 5 })
  }, 20_000)

  it("puts what the transport knows of the implementation (provenance) into the report's header", async () => {
    const f = fake('provenance')
    const connector = { ...f.connector, provenance: () => ({ qemuUser: 'qemu-user-static 1:7.2 (amd64)' }) }
    const plain = new ReportMemory()
    await runSuite({ connector: f.connector, cases: cases.slice(0, 1), report: plain, version: 'test' })
    expect(plain.headerLine).not.toHaveProperty('provenance')
    const report = new ReportMemory()
    await runSuite({ connector, cases: cases.slice(0, 1), report, version: 'test' })
    expect(report.headerLine?.provenance).toEqual({ qemuUser: 'qemu-user-static 1:7.2 (amd64)' })
  })

  it('allows unsupported results --allow-unsupported names, or the expectations file lists', async () => {
    const f = fake('allow')
    const some = cases.filter((c) => ['needs-root', 'skip'].includes(c.id))
    const report = new ReportMemory()
    const summary = await runSuite({
      connector: f.connector,
      cases: some,
      report,
      allowUnsupported: new AllowUnsupported(['root']),
      version: 'test',
    })
    const r = byId(report)
    expect(r['needs-root']).toMatchObject({
      status: 'unsupported',
      unexpected: false,
      expected: ['pass', 'unsupported'],
      expectedReason: '--allow-unsupported root',
    })
    // Declined as a whole, naming nothing: `root` does not cover it.
    expect(r.skip).toMatchObject({ status: 'unsupported', unexpected: true })
    expect(summary.unexpected).toBe(1)
    const listed = new Expectations({ entries: [{ case: 'skip', status: 'unsupported', reason: 'no keyrings' }] })
    const again = await runSuite({
      connector: fake('allow2').connector,
      cases: some,
      report: new ReportMemory(),
      expectations: listed,
      allowUnsupported: new AllowUnsupported(['all']),
      version: 'test',
    })
    expect(again.unexpected).toBe(0)
  }, 20_000)

  it('writes a report whose every line validates against the report schemas', async () => {
    const path = join(dir, 'report.jsonl')
    const f = fake('file')
    await runSuite({
      connector: f.connector,
      cases: cases.filter((c) => ['ok', 'wrong', 'crash'].includes(c.id)),
      report: new ReportFile(path),
      timeoutMs: 1500,
      version: 'test',
    })
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const ajv = createAjv()
    expect(ajv.validate(ReportHeader, lines[0]), JSON.stringify(ajv.errors)).toBe(true)
    for (const l of lines.slice(1, -1)) expect(ajv.validate(ReportResult, l), JSON.stringify(ajv.errors)).toBe(true)
    expect(ajv.validate(ReportFooter, lines.at(-1)), JSON.stringify(ajv.errors)).toBe(true)
    expect(lines.slice(1, -1).map((l) => l.case)).toEqual(['crash', 'ok', 'wrong'])
  }, 20_000)

  it('stops at the first unexpected result with --fail-fast', async () => {
    const report = new ReportMemory()
    const ordered = ['ok', 'wrong', 'skip', 'slow'].map((id) => cases.find((c) => c.id === id)!)
    const s = await runSuite({
      connector: fake('ff').connector,
      cases: ordered,
      report,
      failFast: true,
      version: 'test',
    })
    expect(report.results.map((r) => r.case)).toEqual(['ok', 'wrong'])
    expect(s.stoppedEarly).toBe(true)
    expect(report.footerLine?.failFast).toBe(true)
  }, 20_000)

  it('gives up restarting after --max-restarts, marking the rest as errors', async () => {
    const crashy = { implementation: IMPLEMENTATION, default: { do: 'crash', stderr: 'boom\n' } }
    const f = fake('crashy', crashy)
    const report = new ReportMemory()
    const s = await runSuite({
      connector: f.connector,
      cases: cases.slice(0, 5),
      report,
      maxRestarts: 2,
      version: 'test',
    })
    expect(report.results.map((r) => r.status)).toEqual(['crash', 'crash', 'crash', 'error', 'error'])
    expect(report.results[3]!.reason).toBe(
      'not run: the implementation was restarted 2 times (the limit, --max-restarts)',
    )
    expect(s.restarts).toBe(2)
    expect(f.starts()).toBe(3)
  }, 20_000)

  it('runs nothing when the implementation never says hello: the footer says why, once', async () => {
    const f = fake('nohello', { implementation: IMPLEMENTATION, hello: { do: 'garbage', text: 'hi!' } })
    const report = new ReportMemory()
    const s = await runSuite({
      connector: f.connector,
      cases: cases.slice(0, 2),
      report,
      maxRestarts: 0,
      version: 'test',
    })
    expect(report.headerLine?.implementation).toBeNull()
    expect(report.results).toEqual([])
    const why = 'the implementation did not complete hello: answered with a line that is not JSON: hi!'
    expect(report.footerLine).toMatchObject({ stopped: why, unexpected: 0 })
    expect(s).toMatchObject({ implementation: null, stopped: why, stoppedEarly: true })
  }, 20_000)

  it('an abort stops the run: no new case starts, the one under way is dropped, the footer says so', async () => {
    const f = fake('abort', { ...SCRIPT, cases: { ...SCRIPT.cases, slow: { do: 'slow', ms: 60_000 } } })
    const slowOnes = cases.filter((c) => ['ok', 'slow', 'records'].includes(c.id))
    const report = new ReportMemory()
    const interrupt = new AbortController()
    const t0 = performance.now()
    const s = await runSuite({
      connector: f.connector,
      cases: slowOnes,
      report,
      version: 'test',
      signal: interrupt.signal,
      onResult: () => setTimeout(() => interrupt.abort('SIGINT'), 200),
    })
    expect(performance.now() - t0).toBeLessThan(10_000)
    // ok and records answer at once; slow was under way when the abort came, and is not a result.
    expect(report.results.map((r) => r.case)).toEqual(['ok', 'records'])
    expect(report.footerLine).toMatchObject({ stopped: 'interrupted by SIGINT', failFast: false, counts: { pass: 2 } })
    expect(s.stopped).toBe('interrupted by SIGINT')
    const text = join(dir, 'aborted.jsonl')
    writeFileSync(text, report.text())
    expect(readReportFile(text).problems).toEqual(['the run stopped after 2 of 3 case(s): interrupted by SIGINT'])
  }, 20_000)

  it('an abort before the first hello still leaves a header and a footer, and the implementation stopped', async () => {
    const f = fake('abort-early', { implementation: IMPLEMENTATION, hello: { do: 'slow', ms: 60_000 } })
    const report = new ReportMemory()
    const s = await runSuite({
      connector: f.connector,
      cases: cases.slice(0, 2),
      report,
      version: 'test',
      signal: AbortSignal.timeout(300),
    })
    expect(report.headerLine).toMatchObject({ implementation: null, cases: 2 })
    expect(report.footerLine?.stopped).toMatch(/^interrupted by /)
    expect(s.implementation).toBeNull()
  }, 20_000)

  it('runs cases on several connections with --jobs', async () => {
    const f = fake('jobs')
    const report = new ReportMemory()
    const some = cases.filter((c) => ['ok', 'slow', 'records', 'skip'].includes(c.id))
    const s = await runSuite({ connector: f.connector, cases: some, report, jobs: 2, version: 'test' })
    expect(s.counts.pass).toBe(3)
    expect(f.starts()).toBe(2)
  }, 20_000)

  it('an oversized answer line is an error with its start attached, and the run goes on', async () => {
    const path = join(dir, 'big.json')
    writeFileSync(
      path,
      JSON.stringify({ implementation: IMPLEMENTATION, cases: { ok: { do: 'oversize', bytes: 100_000 } } }),
    )
    const connector = stdioConnector(`node ${FAKE} ${path}`, { maxLineBytes: 4096 })
    const report = new ReportMemory()
    const some = ['ok', 'slow'].map((id) => cases.find((c) => c.id === id)!)
    await runSuite({ connector, cases: some, report, version: 'test' })
    const [big, next] = report.results
    expect(big).toMatchObject({ case: 'ok', status: 'error' })
    expect(big!.reason).toMatch(/longer than 4096 bytes|4096/)
    expect(big!.line!.length).toBeLessThanOrEqual(4200)
    expect(next).toMatchObject({ case: 'slow', status: 'pass' })
  }, 20_000)

  it('writes only where the user said: the report, and captures named by case ids, whatever the implementation says', async () => {
    const hostile = {
      implementation: { ...IMPLEMENTATION, name: '../../../../tmp/evil', version: '/etc/passwd' },
      cases: { ok: { do: 'answer', observations: [{ ret: 0 }] }, wrong: { do: 'error', message: '../../x' } },
    }
    const capture = join(dir, 'captures')
    const report = new ReportMemory()
    const some = ['ok', 'wrong', 'records'].map((id) => cases.find((c) => c.id === id)!)
    await runSuite({
      connector: fake('hostile', hostile).connector,
      cases: some,
      report,
      captureDir: capture,
      version: 'test',
    })
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(capture).sort()).toEqual(['ok.jsonl', 'records.jsonl'])
    const header = JSON.parse(readFileSync(join(capture, 'ok.jsonl'), 'utf8').split('\n')[0]!)
    expect(header).toMatchObject({ capture: 1, case: 'ok', implementation: { name: '../../../../tmp/evil' } })
  }, 20_000)

  it('applies an expectations file: listed statuses are expected, an unlisted pass stays fine', async () => {
    const report = new ReportMemory()
    const expectations = new Expectations({
      entries: [
        { case: 'wrong', status: 'fail', reason: 'documented divergence' },
        { case: 'ok', status: 'fail', reason: 'stale entry' },
      ],
    })
    const some = cases.filter((c) => ['ok', 'wrong'].includes(c.id))
    const s = await runSuite({ connector: fake('exp').connector, cases: some, report, expectations, version: 'test' })
    const r = byId(report)
    expect(r.wrong).toMatchObject({
      status: 'fail',
      unexpected: false,
      expected: ['fail'],
      expectedReason: 'documented divergence',
    })
    expect(r.ok).toMatchObject({ status: 'pass', unexpected: true, expected: ['fail'] })
    expect(s.unexpected).toBe(1)
  }, 20_000)
})
