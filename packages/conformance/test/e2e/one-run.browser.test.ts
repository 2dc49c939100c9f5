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
  // A case for another arch: not applicable here, and never unexpected.
  const s390 = join(dir, 's390x-only.json')
  writeFileSync(
    s390,
    JSON.stringify({
      description: 'only on s390x',
      requires: { arch: ['s390x'] },
      steps: [{ op: 'close', fd: 3, expect: { ret: 0 } }],
    }),
  )
  const r = await run([
    'run',
    ...ids.map((i) => join(SUITE, `${i}.json`)),
    s390,
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
  it('JSONL: a header, seven results, a footer', () => {
    const lines = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(9)
    expect(
      lines
        .slice(1, -1)
        .map((l) => l.status)
        .sort(),
    ).toEqual(['crash', 'error', 'fail', 'not-applicable', 'pass', 'timeout', 'unsupported'])
    // The declined case is unsupported, a gap: unexpected like the failures; not-applicable is not.
    expect(lines.at(-1)).toMatchObject({
      footer: true,
      unexpected: 5,
      counts: { 'not-applicable': 1, unsupported: 1 },
    })
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
    expect(json.totals.counts).toMatchObject({ 'not-applicable': 1, unsupported: 1 })
    expect(pretty.out).toContain('not-applicable 1, unsupported 1')
  })

  it('JUnit XML with a testcase per case', async () => {
    const out = join(dir, 'junit.xml')
    expect((await run(['junit', report, '-o', out])).code).toBe(0)
    const xml = readFileSync(out, 'utf8')
    expect(xml.match(/<testcase /g)).toHaveLength(7)
    expect(xml).toContain('<failure')
    expect(xml).toContain('<skipped message="not applicable: needs arch s390x; implementation is x86_64"/>')
    expect(xml).toContain('type="unsupported"')
  })

  it('HTML, rendered in Chromium: every status as text and the failure expandable', async () => {
    const out = join(dir, 'report.html')
    expect((await run(['html', report, '-o', out])).code).toBe(0)
    const page = await browser.context.newPage()
    await page.goto(pathToFileURL(out).href)
    const text = await page.locator('body').innerText()
    for (const s of ['pass', 'fail', 'error', 'crash', 'timeout', 'not-applicable', 'unsupported'])
      expect(text).toContain(s)
    for (const id of ['ok', 'wrong', 'crash', 'hang', 'garbage', 'skip']) expect(text).toContain(id)
    const failing = page.locator('details', { hasText: 'fail' }).first()
    await failing.locator('summary').click()
    await expect.poll(() => failing.innerText()).toContain('EBADF')
    await page.close()
  })
})
