// The JUnit XML through a real XML parser (Chromium's DOMParser): well-formed, and hostile text round-trips exactly.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { junitXml } from '../../src/report/junit.js'
import { readReportFile } from '../../src/report/read.js'
import { type Chromium, launchChromium } from './chromium.js'

const load = (name: string) => readReportFile(new URL(`./fixtures/${name}.jsonl`, import.meta.url).pathname)

let browser: Chromium
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.context.newPage()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

interface Parsed {
  error: string | null
  suites: { name: string | null; tests: string | null }[]
  cases: {
    name: string | null
    classname: string | null
    child: string | null
    message: string | null
    stderr: string | null
  }[]
}

/** The little of the DOM used in the page (this package is typed without the DOM library). */
interface XmlElement {
  readonly tagName: string
  readonly textContent: string | null
  getAttribute(name: string): string | null
  querySelector(selector: string): XmlElement | null
  querySelectorAll(selector: string): Iterable<XmlElement>
}
type DomParser = new () => { parseFromString(text: string, type: string): XmlElement }

function parse(xml: string): Promise<Parsed> {
  return page.evaluate((text) => {
    const { DOMParser } = globalThis as unknown as { DOMParser: DomParser }
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    const error = doc.querySelector('parsererror')
    return {
      error: error ? error.textContent : null,
      suites: [...doc.querySelectorAll('testsuite')].map((s) => ({
        name: s.getAttribute('name'),
        tests: s.getAttribute('tests'),
      })),
      cases: [...doc.querySelectorAll('testcase')].map((c) => {
        const child = c.querySelector('failure, error, skipped')
        return {
          name: c.getAttribute('name'),
          classname: c.getAttribute('classname'),
          child: child ? child.tagName : null,
          message: child ? child.getAttribute('message') : null,
          stderr: c.querySelector('system-err')?.textContent ?? null,
        }
      }),
    }
  }, xml)
}

describe('junitXml in an XML parser', { timeout: 30_000 }, () => {
  it('is well-formed for every fixture together, with every testcase present', async () => {
    const reports = ['complete', 'second', 'truncated', 'hostile'].map(load)
    const parsed = await parse(junitXml(reports))
    expect(parsed.error).toBeNull()
    expect(parsed.suites.map((s) => s.tests)).toEqual(['8', '6', '3', '2'])
    expect(parsed.cases).toHaveLength(8 + 6 + 3 + 2)
  })

  it('gives back markup, quotes, newlines and ]]> exactly as the report had them', async () => {
    const parsed = await parse(junitXml([load('hostile')]))
    expect(parsed.error).toBeNull()
    expect(parsed.suites[0]!.name).toMatch(
      /^\.\/evil <script>window\.__pwned0=1<\/script>: evil<b>impl<\/b> 1&2 \(kernel "6\.9", x86_64'\) /,
    )
    expect(parsed.cases[0]).toEqual({
      name: 'xss/<script>window.__pwned1=1</script>',
      classname: 'xss.<script>window.__pwned1=1<',
      child: 'error',
      message: 'died ]]> & <also> "quoted"',
      // ESC cannot be in XML 1.0 at all: it arrives spelled out.
      stderr: '\\u001b[31mpanic\\u001b[0m <script>window.__pwned3=1</script></pre></details></td></tr>',
    })
  })
})
