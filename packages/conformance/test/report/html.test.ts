// htmlPage as text: self-contained, everything from reports escaped, one row per case id and one column per report.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { esc, htmlPage } from '../../src/report/html.js'
import { readReportFile } from '../../src/report/read.js'

const load = (name: string) => readReportFile(new URL(`./fixtures/${name}.jsonl`, import.meta.url).pathname)
const reports = [load('complete'), load('second'), load('truncated'), load('hostile')]
const page = htmlPage(reports)

describe('htmlPage', () => {
  it('fetches nothing: no external URLs, no linked resources', () => {
    expect(page).not.toMatch(/https?:\/\//)
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i)
    expect(page).not.toMatch(/<script[^>]*\bsrc=/i)
    expect(page).not.toMatch(/url\(|@import/)
  })

  it("allows by CSP only the page's own script, by its hash", () => {
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    expect(scripts).toHaveLength(1)
    const hash = createHash('sha256').update(scripts[0]![1]!).digest('base64')
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;sha256-${hash}&#39;">`,
    )
  })

  it('escapes every field from the reports', () => {
    expect(page).not.toMatch(/<script>window|<b>impl|<img|onerror="/)
    expect(page).toContain('<code>xss/&lt;script&gt;window.__pwned1=1&lt;/script&gt;</code>')
    expect(page).toContain('data-case="xss/&lt;script&gt;window.__pwned1=1&lt;/script&gt;"')
    expect(page).toContain('<div class="impl-name">evil&lt;b&gt;impl&lt;/b&gt; 1&amp;2</div>')
    expect(page).toContain('&lt;/pre&gt;&lt;/details&gt;&lt;/td&gt;&lt;/tr&gt;</pre>')
    expect(esc(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;')
  })

  it('names each column by the --impl value it was run with, then by who answered', () => {
    const headings = [
      ...page.matchAll(
        /<th scope="col" class="impl"[^>]*><div class="impl-spec"><code>([^<]*)<\/code><\/div><div class="impl-name">/g,
      ),
    ]
    expect(headings.map((m) => m[1])).toEqual([
      './adapters/c/watchq-c',
      'watchq-rs --adapter',
      './adapters/py/watchq-py',
      './evil &lt;script&gt;window.__pwned0=1&lt;/script&gt;',
    ])
  })

  it("shows each report's provenance under its column, escaped, and nothing for a report without", () => {
    expect(page).toContain(
      '<details class="provenance"><summary>provenance</summary><ul><li><code>kernelRelease</code> 6.8.0-45-generic</li><li><code>qemuUser</code> qemu-user-static &lt;1:7.2&gt; (amd64)</li></ul></details></th>',
    )
    expect(page.match(/class="provenance"/g)).toHaveLength(1)
  })

  it('has a row per case id over all reports, sorted, and a cell per report in each', () => {
    const rows = [
      ...page.matchAll(/<tr data-case="([^"]*)" data-nonpass="(\d)" data-unexpected="(\d)">([\s\S]*?)<\/tr>/g),
    ]
    const ids = new Set(reports.flatMap((r) => r.results.map((x) => esc(x.case))))
    expect(rows.map((r) => r[1])).toEqual([...ids].sort())
    for (const r of rows) expect(r[4]!.match(/<td class="cell/g)).toHaveLength(reports.length)
    const flags = Object.fromEntries(rows.map((r) => [r[1], [r[2], r[3]].join('')]))
    expect(flags['pipe/create/notification-pipe']).toBe('00') // passes where run, absent elsewhere
    expect(flags['keys/watch/link-record']).toBe('11') // expected fail in one report, unexpected pass in another
    expect(flags['keys/construct/negate']).toBe('10') // expected unsupported
  })

  it('says "not reached" in a truncated report and "not run" in a complete one', () => {
    const row = /<tr data-case="keys\/watch\/unlink-record"[\s\S]*?<\/tr>/.exec(page)![0]
    const words = [
      ...row.matchAll(/<td class="cell[^"]*" data-report="(\d)"[^>]*>.*?<span class="status">([^<]*)</g),
    ].map((m) => `${m[1]}:${m[2]}`)
    expect(words).toEqual(['0:not run', '1:pass', '2:not reached', '3:not run'])
  })
})
