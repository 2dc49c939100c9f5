// `watchq summary|junit|html`: exit codes, output files, one-line errors for missing or malformed reports, usage errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { htmlCommand } from '../../src/cli/html.js'
import { type Io, UsageError } from '../../src/cli/io.js'
import { junitCommand } from '../../src/cli/junit.js'
import { summaryCommand } from '../../src/cli/summary.js'

const fixture = (name: string) => new URL(`./fixtures/${name}.jsonl`, import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'watchq-report-cli-'))

type Command = (argv: string[], io: Io) => Promise<number>

async function run(command: Command, argv: string[]) {
  let out = ''
  let err = ''
  const code = await command(argv, {
    out: (t) => {
      out += `${t}\n`
    },
    err: (t) => {
      err += `${t}\n`
    },
    stdin: async function* () {},
    stdinIsTTY: true,
  })
  return { code, out, err }
}

/** A report file in the temp dir: a header, passing results, and a footer unless cut short. */
function writeReport(name: string, ids: string[], { footer = true } = {}): string {
  const header = { report: 1, watchq: '0.1.0', started: 's', impl: 'i', implementation: null, cases: ids.length }
  const results = ids.map((id) => ({ case: id, description: '', status: 'pass', unexpected: false, durationMs: 1 }))
  const end = { footer: true, finished: 'f', counts: { pass: ids.length }, unexpected: 0, failFast: false, restarts: 0 }
  const lines = [header, ...results, ...(footer ? [end] : [])]
  const path = join(dir, name)
  writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`)
  return path
}

describe('watchq summary', () => {
  it('exits 0 when nothing is unexpected and no report is truncated', async () => {
    const r = await run(summaryCommand, [writeReport('clean.jsonl', ['a', 'b'])])
    expect(r.code).toBe(0)
    expect(r.out).toContain('ok: nothing unexpected')
    expect(r.err).toBe('')
  })

  it('exits 1 on unexpected results', async () => {
    const r = await run(summaryCommand, [fixture('complete')])
    expect(r.code).toBe(1)
    expect(r.out).toContain('NOT OK')
  })

  it('exits 1 on a truncated report even when every result it holds passed', async () => {
    const r = await run(summaryCommand, [writeReport('cut.jsonl', ['a'], { footer: false })])
    expect(r.code).toBe(1)
    expect(r.out).toContain('TRUNCATED       no footer: the run was cut short after 1 of 1 case(s)')
  })

  it('prints markdown and json on request', async () => {
    const md = await run(summaryCommand, ['--format', 'markdown', fixture('complete'), fixture('second')])
    expect(md.out.startsWith('# watchq summary\n')).toBe(true)
    const json = await run(summaryCommand, [fixture('second'), '--format=json'])
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, totals: { unexpected: 1, truncated: 0 } })
    expect(json.code).toBe(1)
  })

  it('names a missing file in one line and exits 1', async () => {
    const r = await run(summaryCommand, [fixture('complete'), join(dir, 'nope.jsonl')])
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `watchq summary: cannot read ${join(dir, 'nope.jsonl')}: no such file\n`,
    })
  })

  it('names the file and line of a malformed report and exits 1', async () => {
    const path = join(dir, 'bad.jsonl')
    writeFileSync(path, `${readFileSync(fixture('complete'), 'utf8').replace('"status":"error"', '"status":"oops"')}`)
    const r = await run(summaryCommand, [path])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(
      new RegExp(
        `^watchq summary: ${path}:6: expected a result line: \\$\\.status must be one of .*\\(found "oops"\\)\\n$`,
      ),
    )
  })

  it('rejects bad usage and prints help', async () => {
    await expect(run(summaryCommand, [])).rejects.toThrow(UsageError)
    await expect(run(summaryCommand, ['--format', 'xml', fixture('complete')])).rejects.toThrow(
      'unknown --format "xml"; expected one of pretty, markdown, json',
    )
    await expect(run(summaryCommand, ['--bogus', fixture('complete')])).rejects.toThrow(
      new UsageError('unknown option "--bogus"; see "watchq summary --help"'),
    )
    const help = await run(summaryCommand, ['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/^Usage: watchq summary \[options\] <REPORT\.\.\.>/)
  })
})

describe('watchq junit', () => {
  it('writes XML to standard output by default, exiting 0 whatever the results', async () => {
    const r = await run(junitCommand, [fixture('complete'), fixture('truncated')])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="watchq" tests="11"/)
    expect(r.out).toContain('name="report-truncated"')
  })

  it('writes to -o FILE, and says in one line when it cannot', async () => {
    const file = join(dir, 'junit.xml')
    const r = await run(junitCommand, [fixture('complete'), '-o', file])
    expect(r).toMatchObject({ code: 0, out: '' })
    expect(readFileSync(file, 'utf8')).toContain('<testcase name="keys/watch/update-record" classname="keys.watch"')
    const bad = await run(junitCommand, [fixture('complete'), '-o', join(dir, 'no-such-dir', 'x.xml')])
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/^watchq junit: cannot write .*no-such-dir\/x\.xml: ENOENT/)
  })

  it('names a missing report and needs at least one', async () => {
    const r = await run(junitCommand, ['missing.jsonl'])
    expect(r).toMatchObject({ code: 1, err: 'watchq junit: cannot read missing.jsonl: no such file\n' })
    await expect(run(junitCommand, ['-o', 'x.xml'])).rejects.toThrow('missing required argument "REPORT"')
    expect((await run(junitCommand, ['-h'])).out).toContain('Usage: watchq junit [options] <REPORT...>')
  })
})

describe('watchq html', () => {
  it('writes one page with a column per report to -o FILE, with the given title', async () => {
    const file = join(dir, 'report.html')
    const r = await run(htmlCommand, [fixture('complete'), fixture('second'), '-o', file, '--title', 'Linux <6.8>'])
    expect(r).toMatchObject({ code: 0, out: '', err: '' })
    const page = readFileSync(file, 'utf8')
    expect(page).toContain('<title>Linux &lt;6.8&gt;</title>')
    expect(page.match(/<th scope="col" class="impl"/g)).toHaveLength(2)
  })

  it('prints to standard output without -o, and names a missing report', async () => {
    const r = await run(htmlCommand, [fixture('truncated')])
    expect(r.out).toMatch(/^<!doctype html>/)
    expect(r.out).toContain('<strong>TRUNCATED:</strong>')
    const missing = await run(htmlCommand, [fixture('complete'), 'gone.jsonl', '-o', join(dir, 'x.html')])
    expect(missing).toMatchObject({ code: 1, err: 'watchq html: cannot read gone.jsonl: no such file\n' })
  })
})
