// The HTML report in headless Chromium: columns per implementation, statuses as text, expandable divergences, filters, banner, no script injection.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlPage } from '../../src/report/html.js'
import { readReportFile, STATUS_NAMES } from '../../src/report/read.js'
import { type Chromium, launchChromium } from './chromium.js'

const load = (name: string) => readReportFile(new URL(`./fixtures/${name}.jsonl`, import.meta.url).pathname)
// Two implementations side by side, plus a report cut short and one full of markup.
const complete = load('complete')
const reports = [complete, load('second'), load('truncated'), load('hostile')]

let browser: Chromium
let page: Page
const errors: string[] = []

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'watchq-html-')), 'report.html')
  writeFileSync(file, htmlPage(reports))
  browser = await launchChromium()
  page = await browser.context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(pathToFileURL(file).href)
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

const row = (id: string) => page.locator('#results tbody tr').filter({ has: page.getByText(id, { exact: true }) })
const cell = (id: string, report: number) => row(id).locator(`td[data-report="${report}"]`)
const visibleCases = () =>
  page.locator('#results tbody tr:visible th.case code').evaluateAll((els) => els.map((e) => e.textContent))

describe('watchq html in Chromium', { timeout: 30_000 }, () => {
  it('shows a column per report: the --impl value, implementation, kernel, arch and file name', async () => {
    const headings = await page.locator('thead th.impl').allInnerTexts()
    expect(headings).toHaveLength(4)
    expect(headings[0]).toBe(
      './adapters/c/watchq-c\nwatchq-c 0.3.1\nkernel 6.8.0-45-generic, x86_64\ncomplete.jsonl\nfeatures, as probed\nprovenance',
    )
    expect(headings[1]).toBe('watchq-rs --adapter\nwatchq-rs 0.1.0\nkernel 6.1.0-18-arm64, aarch64\nsecond.jsonl')
    expect(await page.locator('tr.counts td[data-report="0"]').innerText()).toContain('unexpected 4')
  })

  it('shows every status as visible text, not as colour alone', async () => {
    // not-applicable: in the page of a kernel without watch_queue, below.
    for (const status of STATUS_NAMES.filter((s) => s !== 'not-applicable')) {
      const word = page.locator(`td.cell[data-status="${status}"] .status`).first()
      await expect.poll(() => word.isVisible()).toBe(true)
      expect(await word.innerText()).toBe(status)
    }
    expect(await cell('keys/watch/link-record', 0).innerText()).toBe('fail expected')
    expect(await cell('keys/watch/link-record', 1).innerText()).toBe('pass unexpected')
  })

  it('expands a failing cell to the diverging step, expected against observed, and the decoded records', async () => {
    const failing = cell('keys/watch/update-record', 0)
    const expected = failing.locator('pre.expected')
    expect(await expected.isVisible()).toBe(false)
    await failing.locator('summary').click()
    expect(await expected.isVisible()).toBe(true)
    expect(await failing.locator('h4.step').innerText()).toBe('Step 4 · read')
    const divergence = complete.results.find((r) => r.case === 'keys/watch/update-record')!.divergence!
    expect(JSON.parse(await expected.innerText())).toEqual(divergence.expected)
    expect(JSON.parse(await failing.locator('pre.observed').innerText())).toEqual(divergence.observed)
    expect(JSON.parse(await failing.locator('pre.decoded').innerText())).toEqual(divergence.decoded)
    expect(await failing.locator('p.what').innerText()).toBe('records[0].keyId: expected 582343121 ($k), observed 1000')
  })

  it('filters to rows with a non-pass result, and by case id', async () => {
    const all = await visibleCases()
    expect(all).toHaveLength(11)
    expect(all).toContain('pipe/create/notification-pipe')
    await page.locator('#only-nonpass').check()
    const nonPass = await visibleCases()
    expect(nonPass).not.toContain('pipe/create/notification-pipe')
    expect(nonPass).not.toContain('keys/watch/unlink-record')
    expect(nonPass).toContain('keys/watch/update-record')
    expect(nonPass).toHaveLength(9)
    expect(await page.locator('#shown').innerText()).toBe('9 of 11 case(s) shown')
    await page.locator('#filter-text').fill('keys/watch')
    expect(await visibleCases()).toEqual(['keys/watch/link-record', 'keys/watch/update-record'])
    await page.locator('#only-nonpass').uncheck()
    await page.locator('#filter-text').fill('')
    expect(await visibleCases()).toHaveLength(11)
  })

  it('renders markup from reports as text and never runs it', async () => {
    // Runs in the page; globalThis there is its window.
    const flags = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>
      return [0, 1, 2, 3, 4, 5].map((i) => w[`__pwned${i}`])
    })
    expect(flags).toEqual([undefined, undefined, undefined, undefined, undefined, undefined])
    expect(await page.locator('script').count()).toBe(1)
    expect(await page.locator('img, b').count()).toBe(0)
    const id = 'xss/<script>window.__pwned1=1</script>'
    expect(await row(id).locator('th.case code').innerText()).toBe(id)
    const crash = cell(id, 3)
    await crash.locator('summary').click()
    expect(await crash.locator('pre.stderr').innerText()).toBe(
      '\u001b[31mpanic\u001b[0m <script>window.__pwned3=1</script></pre></details></td></tr>',
    )
    expect(await page.locator('thead th.impl[data-report="3"] .impl-name').innerText()).toBe('evil<b>impl</b> 1&2')
  })

  it('shows a truncation banner and badge for the report without footer only', async () => {
    const banner = page.locator('.banner.truncated')
    expect(await banner.count()).toBe(1)
    expect(await banner.isVisible()).toBe(true)
    expect(await banner.innerText()).toMatch(
      /^TRUNCATED: truncated\.jsonl \(watchq-py 0\.0\.9\): no footer: the run was cut short after 2 of 5 case\(s\)\./,
    )
    expect(await page.locator('thead th.impl[data-report="2"] .badge').innerText()).toBe('TRUNCATED')
    expect(await page.locator('thead th.impl .badge').count()).toBe(1)
    expect(await cell('keys/watch/update-record', 2).innerText()).toBe('not reached')
  })

  it('loaded nothing but the page itself, without script errors or CSP violations', () => {
    expect(browser.requests.filter((u) => !u.startsWith('file:'))).toEqual([])
    expect(errors).toEqual([])
  })
})

describe('watchq html of a kernel without watch_queue, in Chromium', { timeout: 30_000 }, () => {
  let gapsPage: Page
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'watchq-html-gaps-')), 'report.html')
    writeFileSync(file, htmlPage([load('gaps'), complete]))
    gapsPage = await browser.context.newPage()
    await gapsPage.goto(pathToFileURL(file).href)
  }, 60_000)

  const gapCell = (id: string) =>
    gapsPage
      .locator('#results tbody tr')
      .filter({ has: gapsPage.getByText(id, { exact: true }) })
      .locator('td[data-report="0"]')

  it('counts not-applicable and unsupported apart, and says what the unsupported cases lack', async () => {
    const counts = gapsPage.locator('tr.counts td[data-report="0"]')
    expect(await counts.locator('li[data-status="not-applicable"]').innerText()).toBe('not-applicable 1')
    expect(await counts.locator('li[data-status="unsupported"]').innerText()).toBe('unsupported 3')
    expect(await counts.innerText()).toContain('unexpected 2')
    expect(await counts.locator('.lacking').innerText()).toBe(
      'unsupported: 2 need notification-pipe, 1 need key-construction, 1 need key-notifications',
    )
  })

  it('shows each case not run as the status it is, an unexpected unsupported one flagged with what it lacks', async () => {
    expect(await gapCell('read/big-endian-layout').locator('summary').innerText()).toBe('not-applicable expected')
    expect(await gapCell('pipe2/notification-pipe').locator('summary').innerText()).toBe(
      'unsupported unexpected lacks notification-pipe',
    )
    expect(await gapCell('keys/construct/negate').locator('summary').innerText()).toBe(
      'unsupported expected lacks key-construction',
    )
    for (const status of STATUS_NAMES) {
      const word = gapsPage.locator(`td.cell[data-status="${status}"] .status`).first()
      expect(await word.innerText()).toBe(status)
    }
  })

  it('shows how each feature was probed, in the column heading', async () => {
    const probes = gapsPage.locator('thead th.impl[data-report="0"] details.probes')
    await probes.locator('summary').click()
    expect(await probes.locator('li').allInnerTexts()).toEqual([
      'notification-pipe: no — pipe2(O_NOTIFICATION_PIPE) failed: ENOPKG',
      'key-notifications: no — KEYCTL_CAPABILITIES: KEYCTL_CAPS1_NOTIFICATIONS clear',
      'root: yes — geteuid() = 0',
    ])
  })
})
