// KTAP and TAP as an independent parser (tap-parser, the TAP project's own) reads them: every
// case once, in a plan that holds, each ok or not ok as its status and the expectations say, skips
// and expected failures marked so, and the counts those of the JSONL report. Fed out of order (as
// several --jobs finish), the text is the same; a run cut short still fills its plan.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ReportResult } from '@watchq/spec'
import { Parser, type Result, type TapError } from 'tap-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { type Report, readReportFile } from '../../src/report/read.js'
import { areaOf, reportAsTap, TapStream } from '../../src/report/tap.js'
import { ReportFile } from '../../src/report/write.js'
import { AllowUnsupported, Expectations } from '../../src/runner/expectations.js'
import { runSuite } from '../../src/runner/run.js'
import { stdioConnector } from '../../src/transport/stdio.js'
import { FAKE, FAKE_IMPLEMENTATION, SUITE } from '../support/fake.js'
import { run } from '../support/run.js'

interface Assert {
  ok: boolean
  id: number
  name: string
  skip: string | boolean
  todo: string | boolean
}

interface Parsed {
  final: { ok: boolean; count: number; pass: number; fail: number; skip: number; todo: number }
  asserts: Assert[]
  children: { name: string; asserts: Assert[]; plan: number }[]
  failures: TapError[]
}

function parse(text: string): Parsed {
  const p = new Parser()
  const out: Parsed = { final: undefined as never, asserts: [], children: [], failures: [] }
  p.on('assert', (a: Assert) => out.asserts.push(a))
  p.on('child', (c: Parser) => {
    const child = { name: '', asserts: [] as Assert[], plan: -1 }
    out.children.push(child)
    // tap-parser names a child by its "# Subtest:" line.
    c.on('complete', () => {
      child.name = c.name
    })
    c.on('assert', (a: Assert) => child.asserts.push(a))
    c.on('plan', (plan: { end: number }) => {
      child.plan = plan.end
    })
  })
  p.on('complete', (r: Result) => {
    out.final = r as unknown as Parsed['final']
    out.failures = (r as unknown as { failures: TapError[] }).failures
  })
  p.end(text)
  return out
}

/** What the line of a result must say, whatever the dialect. */
function expected(r: ReportResult) {
  const allowed = !r.unexpected && r.status !== 'pass'
  const skip = r.status === 'not-applicable' || (allowed && r.status === 'unsupported')
  return { ok: r.status === 'pass' ? !r.unexpected : skip, skip, xfail: allowed && !skip }
}

const RESULTS = join(import.meta.dirname, '../../../fixtures/results')
const committed = readdirSync(RESULTS)
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => join(RESULTS, f))

let fakeRun: Report
beforeAll(async () => {
  // Every status, expected and not: the fake implementation of the runner's tests.
  const dir = mkdtempSync(join(tmpdir(), 'watchq-tap-'))
  const script = join(dir, 'all.json')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(
    script,
    JSON.stringify({
      implementation: FAKE_IMPLEMENTATION,
      cases: {
        wrong: 'answer',
        error: { do: 'error', message: 'cannot open /dev/null' },
        crash: { do: 'crash', code: 3 },
        hang: 'hang',
        skip: { do: 'skip', reason: 'no keyrings here' },
      },
    }),
  )
  const cases = loadCases([SUITE]).cases.filter((c) => !['garbage', 'wrong-seq', 'missing-field'].includes(c.id))
  const file = join(dir, 'all.jsonl')
  await runSuite({
    connector: stdioConnector(`node ${FAKE} ${script}`),
    cases,
    report: new ReportFile(file),
    timeoutMs: 1500,
    version: 'test',
    expectations: new Expectations({ entries: [{ case: 'wrong', status: 'fail', reason: 'known bug 12' }] }),
    allowUnsupported: new AllowUnsupported(['root']),
  })
  fakeRun = readReportFile(file)
}, 30_000)

const reports = () => [fakeRun, ...committed.map((f) => readReportFile(f))]

describe('TAP version 13', () => {
  it('reads back as the report: one assert per case, ok, SKIP and TODO as the statuses say, the same counts', () => {
    for (const report of reports()) {
      const tap = parse(reportAsTap('tap', report))
      expect(
        tap.failures.filter((f) => f.tapError),
        report.source,
      ).toEqual([])
      expect(tap.final.count, report.source).toBe(report.results.length)
      expect(tap.asserts.map((a) => a.name)).toEqual(report.results.map((r) => r.case))
      for (const [i, r] of report.results.entries()) {
        const a = tap.asserts[i]!
        const want = expected(r)
        expect({ ok: a.ok, skip: Boolean(a.skip), todo: Boolean(a.todo) }, r.case).toEqual({
          ok: want.ok,
          skip: want.skip,
          todo: want.xfail,
        })
      }
      const unexpected = report.results.filter((r) => r.unexpected).length
      expect(tap.final.ok, report.source).toBe(unexpected === 0)
      expect(tap.final.skip).toBe(report.results.filter((r) => expected(r).skip).length)
      expect(tap.final.todo).toBe(report.results.filter((r) => expected(r).xfail).length)
    }
  })

  it('the fake run has every kind of line: pass, skip, todo and unexpected failures with a YAML block', () => {
    const text = reportAsTap('tap', fakeRun)
    expect(text).toMatch(/^ok \d+ - ok$/m)
    expect(text).toMatch(/^ok \d+ - needs-root # SKIP unsupported: .*\(expected: --allow-unsupported root\)$/m)
    expect(text).toMatch(/^not ok \d+ - wrong # TODO fail: .*\(expected: known bug 12\)$/m)
    expect(text).toMatch(/^not ok \d+ - crash\n {2}---\n {2}status: crash\n {2}unexpected: true\n/m)
    // A gap is not a skip: an unsupported result nobody allowed is a failure with no directive.
    expect(text).toMatch(/^not ok \d+ - skip\n {2}---\n {2}status: unsupported\n/m)
  })
})

describe('KTAP version 1', () => {
  it('has a nested suite per area, each with its plan, and its cases as the statuses say', () => {
    for (const report of reports()) {
      const text = reportAsTap('ktap', report)
      expect(text.startsWith('KTAP version 1\n')).toBe(true)
      const ktap = parse(text)
      const areas = [...new Set(report.results.map((r) => areaOf(r.case)))]
      expect(ktap.asserts.map((a) => a.name)).toEqual(areas)
      expect(ktap.children.map((c) => c.name)).toEqual(areas)
      for (const [i, area] of areas.entries()) {
        const results = report.results.filter((r) => areaOf(r.case) === area)
        const child = ktap.children[i]!
        expect(child.plan).toBe(results.length)
        for (const [j, r] of results.entries()) {
          const a = child.asserts[j]!
          const want = expected(r)
          // tap-parser knows SKIP; XFAIL, TIMEOUT and ERROR are KTAP's, left in the name.
          expect(a.name.split(' # ')[0], r.case).toBe(r.case)
          expect(a.ok, r.case).toBe(want.ok)
          expect(Boolean(a.skip), r.case).toBe(want.skip)
          if (want.xfail) expect(a.name, r.case).toMatch(/ # XFAIL /)
        }
        // The area fails only for an unexpected result.
        expect(ktap.asserts[i]!.ok, area).toBe(!results.some((r) => r.unexpected))
      }
    }
  })

  it('marks unexpected timeouts and errors, with diagnostic lines before the result', () => {
    const text = reportAsTap('ktap', fakeRun)
    expect(text).toMatch(/^ {4}not ok \d+ hang # TIMEOUT no answer within 1500 ms$/m)
    expect(text).toMatch(
      /^ {4}# error: error: the implementation reported an error: cannot open \/dev\/null\n {4}not ok \d+ error # ERROR /m,
    )
  })
})

describe('TapStream', () => {
  it('writes the same text whatever order the results come in', () => {
    const report = readReportFile(committed[0]!)
    const ids = report.results.map((r) => r.case)
    for (const flavor of ['ktap', 'tap'] as const) {
      const inOrder: string[] = []
      const a = new TapStream(flavor, ids, (l) => inOrder.push(l))
      for (const r of report.results) a.result(r)
      a.end()
      const shuffled: string[] = []
      const b = new TapStream(flavor, ids, (l) => shuffled.push(l))
      // Every other result first, then the rest backwards: lines wait for the ones before them.
      const odd = report.results.filter((_, i) => i % 2 === 1)
      const even = report.results.filter((_, i) => i % 2 === 0).reverse()
      for (const r of [...odd, ...even]) b.result(r)
      b.end()
      expect(shuffled).toEqual(inOrder)
    }
  })

  it('a run cut short still fills its plan, with the cases it never ran failing', () => {
    const report = readReportFile(committed[0]!)
    const lines: string[] = []
    const s = new TapStream(
      'tap',
      report.results.map((r) => r.case),
      (l) => lines.push(l),
    )
    for (const r of report.results.slice(0, 5)) s.result(r)
    s.end('interrupted by SIGINT')
    const tap = parse(`${lines.join('\n')}\n`)
    expect(tap.final.count).toBe(report.results.length)
    expect(tap.asserts.slice(5).every((a) => !a.ok)).toBe(true)
    expect(lines.join('\n')).toContain('message: "')
    expect(lines.join('\n')).toContain('interrupted by SIGINT')
  })
})

describe('watchq run --reporter, watchq ktap and watchq tap', () => {
  it('streams TAP on standard output (the counts on stderr), the same text watchq tap makes of its report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-reporter-'))
    const report = join(dir, 'r.jsonl')
    for (const flavor of ['tap', 'ktap'] as const) {
      const r = await run(['run', '--filter', 'pipe2/*', '--reporter', flavor, '--report', report])
      expect(r.code).toBe(0)
      expect(r.err).toMatch(/^watchq-sim .*: 5 passed, .* 0 unexpected; report: /)
      const converted = await run([flavor, report])
      expect(converted.out).toBe(r.out)
      expect(parse(r.out).final.ok).toBe(true)
    }
  })

  it('--report - puts the JSONL report on standard output and the reporter on stderr', async () => {
    const r = await run(['run', '--filter', 'pipe2/*', '--report', '-'])
    const lines = r.out.trim().split('\n')
    expect(lines).toHaveLength(7)
    expect(JSON.parse(lines[0]!)).toMatchObject({ report: 2, impl: 'sim' })
    expect(JSON.parse(lines[6]!)).toMatchObject({ footer: true, counts: { pass: 5 } })
    expect(r.err).toMatch(/^PASS {4}pipe2\/accepted-flags\n/)
    expect(r.err).toMatch(/report: standard output\n$/)
  })

  it('--reporter jsonl streams the report lines while --report still writes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-reporter-'))
    const report = join(dir, 'r.jsonl')
    const r = await run(['run', '--filter', 'pipe2/*', '--reporter', 'jsonl', '--report', report])
    const { readFileSync } = await import('node:fs')
    expect(r.out).toBe(readFileSync(report, 'utf8'))
  })

  it('an unknown reporter is a usage error naming the known ones', async () => {
    const r = await run(['run', '--reporter', 'xml'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('unknown --reporter "xml"; known: pretty, ktap, tap, jsonl, quiet')
  })
})
