// One run of `watchq run` against the fake implementation produces every report format: the JSONL
// report, then summary (pretty, markdown, json), JUnit XML and the HTML page made from that same
// file — the page checked in headless Chromium.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Chromium, launchChromium } from '../report/chromium.js'
import { run } from '../support/run.js'

const FAKE = join(import.meta.dirname, '../fake-adapter/fake.mjs')
const SUITE = join(import.meta.dirname, '../runner/fixtures/suite/cases')
const dir = mkdtempSync(join(tmpdir(), 'watchq-e2e-'))
const report = join(dir, 'report.jsonl')
const script = join(dir, 'script.json')

let browser: Chromium
beforeAll(async () => {
  writeFileSync(
    script,
    JSON.stringify({
      implementation: {
        name: 'fake',
        version: '1',
        kernel: '6.12.117',
        arch: 'x86_64',
        endian: 'little',
        pageSize: 4096,
        ops: ['close'],
      },
      cases: {
        crash: { do: 'crash', stderr: 'agent died\n' },
        hang: 'hang',
        garbage: 'garbage',
        skip: { do: 'skip', reason: 'nope' },
      },
    }),
  )
  const ids = ['ok', 'wrong', 'crash', 'hang', 'garbage', 'skip']
  const r = await run([
    'run',
    ...ids.map((i) => join(SUITE, `${i}.json`)),
    '--impl',
    `cmd:node ${FAKE} ${script}`,
    '--timeout',
    '1',
    '--report',
    report,
  ])
  expect(r.code).toBe(1)
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

describe('every report format from one run', () => {
  it('JSONL: a header, six results, a footer', () => {
    const lines = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(8)
    expect(
      lines
        .slice(1, -1)
        .map((l) => l.status)
        .sort(),
    ).toEqual(['crash', 'error', 'fail', 'pass', 'skip', 'timeout'])
    expect(lines.at(-1)).toMatchObject({ footer: true, unexpected: 4 })
  })

  it('summary in each format, exit 1 for the unexpected results', async () => {
    const pretty = await run(['summary', report])
    expect(pretty.code).toBe(1)
    expect(pretty.out).toContain('wrong')
    expect(pretty.out).toContain('expected EBADF, observed ret 0')
    const md = await run(['summary', report, '--format', 'markdown'])
    expect(md.out).toMatch(/^#|\|/m)
    const json = JSON.parse((await run(['summary', report, '--format', 'json'])).out)
    expect(JSON.stringify(json)).toContain('"crash"')
  })

  it('JUnit XML with a testcase per case', async () => {
    const out = join(dir, 'junit.xml')
    expect((await run(['junit', report, '-o', out])).code).toBe(0)
    const xml = readFileSync(out, 'utf8')
    expect(xml.match(/<testcase /g)).toHaveLength(6)
    expect(xml).toContain('<failure')
    expect(xml).toContain('<skipped')
  })

  it('HTML, rendered in Chromium: every status as text and the failure expandable', async () => {
    const out = join(dir, 'report.html')
    expect((await run(['html', report, '-o', out])).code).toBe(0)
    const page = await browser.context.newPage()
    await page.goto(pathToFileURL(out).href)
    const text = await page.locator('body').innerText()
    for (const s of ['pass', 'fail', 'error', 'crash', 'timeout', 'skip']) expect(text).toContain(s)
    for (const id of ['ok', 'wrong', 'crash', 'hang', 'garbage', 'skip']) expect(text).toContain(id)
    const failing = page.locator('details', { hasText: 'fail' }).first()
    await failing.locator('summary').click()
    await expect.poll(() => failing.innerText()).toContain('EBADF')
    await page.close()
  })
})
