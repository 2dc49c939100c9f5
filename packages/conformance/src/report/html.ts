// Several reports side by side as one self-contained HTML page: a row per case, a column per
// report, each cell a status word (coloured too, never colour only) that expands to show where the
// case diverged. No external fetches; a Content-Security-Policy allows only the page's own script,
// so even a report that got past escaping could not run code.
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { type ReportResult, STATUSES, type Status } from '@watchq/spec'
import { countStatuses, implementationName, platform, type Report, STATUS_NAMES } from './read.js'
import { lackingLine, lackingOf, probeLines, reasonOf } from './summary.js'

export function htmlPage(reports: readonly Report[], title = 'watchq conformance reports'): string {
  const ids = caseIds(reports)
  const columns = reports.map((r) => ({ results: new Map(r.results.map((x) => [x.case, x])), truncated: r.truncated }))
  const rows = ids.map((id) => row(id, columns)).join('\n')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p>${reports.length} report(s), ${ids.length} case(s). Each cell shows the status in words; expand a cell that is not a pass to see where the case diverged.</p>
</header>
${banners(reports)}
<div class="controls">
<label><input type="checkbox" id="only-nonpass"> Only rows with a result other than pass</label>
<label><input type="checkbox" id="only-unexpected"> Only rows with an unexpected result</label>
<label>Case id contains <input type="search" id="filter-text" placeholder="keys/watch"></label>
<span id="shown" aria-live="polite">${ids.length} of ${ids.length} case(s) shown</span>
</div>
<div class="scroll">
<table id="results">
<thead>
<tr><th scope="col" class="case-col">Case</th>${reports.map(columnHeading).join('')}</tr>
<tr class="counts"><th scope="row">Counts</th>${reports.map(countsCell).join('')}</tr>
</thead>
<tbody>
${rows}
</tbody>
</table>
</div>
${legend()}
<script>${SCRIPT}</script>
</body>
</html>
`
}

/** Every case id of every report, sorted so related cases (same directory) sit together. */
function caseIds(reports: readonly Report[]): string[] {
  const ids = new Set(reports.flatMap((r) => r.results.map((x) => x.case)))
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

function banners(reports: readonly Report[]): string {
  const out: string[] = []
  for (const [i, r] of reports.entries()) {
    const who = `${esc(basename(r.source))} (${esc(implementationName(r.header))})`
    if (r.truncated) {
      out.push(
        `<div class="banner truncated" role="alert" data-report="${i}"><strong>TRUNCATED:</strong> ${who}: ${esc(r.problems[0] ?? 'the report was cut short')}. Its column is incomplete; cases it never reached show as “not reached”.</div>`,
      )
    }
    for (const p of r.truncated ? r.problems.slice(1) : r.problems) {
      out.push(
        `<div class="banner problem" role="status" data-report="${i}"><strong>Problem:</strong> ${who}: ${esc(p)}</div>`,
      )
    }
  }
  return out.length ? `<section class="banners">\n${out.join('\n')}\n</section>` : ''
}

function columnHeading(r: Report, i: number): string {
  const badge = r.truncated ? '<div class="badge">TRUNCATED</div>' : ''
  const info = r.header.implementation
  const lines = info ? probeLines(info.probes ?? {}, info.features ?? []) : []
  const probes = lines.length
    ? `<details class="probes"><summary>features, as probed</summary><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></details>`
    : ''
  const facts = Object.entries(r.header.provenance ?? {})
  const provenance = facts.length
    ? `<details class="provenance"><summary>provenance</summary><ul>${facts.map(([k, v]) => `<li><code>${esc(k)}</code> ${esc(v)}</li>`).join('')}</ul></details>`
    : ''
  // Named by what was run (the --impl value: vm:6.12/i386, cmd:…), then who answered and where.
  return `<th scope="col" class="impl" data-report="${i}" title="${esc(r.source)}"><div class="impl-spec"><code>${esc(r.header.impl)}</code></div><div class="impl-name">${esc(implementationName(r.header))}</div><div class="platform">${esc(platform(r.header))}</div><div class="file">${esc(basename(r.source))}</div>${badge}${probes}${provenance}</th>`
}

function countsCell(r: Report, i: number): string {
  const counts = countStatuses(r.results)
  const items = STATUS_NAMES.map(
    (s) => `<li class="count st-${s}${counts[s] ? '' : ' zero'}" data-status="${s}">${s} ${counts[s]}</li>`,
  )
  const unexpected = r.results.filter((x) => x.unexpected).length
  const of = `${r.results.length} of ${r.header.cases} case(s)${r.truncated ? ', truncated' : ''}`
  const lacking = lackingOf(r.results)
  const lacks = Object.keys(lacking).length
    ? `<div class="lacking">unsupported: ${esc(lackingLine(lacking))}</div>`
    : ''
  return `<td class="counts" data-report="${i}"><ul>${items.join('')}</ul><div class="unexpected-count${unexpected ? ' some' : ''}">unexpected ${unexpected}</div>${lacks}<div class="of">${of}</div></td>`
}

type Column = { results: ReadonlyMap<string, ReportResult>; truncated: boolean }

function row(id: string, columns: readonly Column[]): string {
  const results = columns.map((c) => c.results.get(id))
  // Only results count: a case a report lacks (not selected, not reached) is no reason to show it.
  const nonPass = results.some((r) => r !== undefined && r.status !== 'pass')
  const unexpected = results.some((r) => r?.unexpected)
  const description = results.find((r) => r?.description)?.description
  const desc = description ? `<div class="desc">${esc(description)}</div>` : ''
  const cells = results.map((r, i) => cell(r, i, columns[i]!.truncated)).join('')
  return `<tr data-case="${esc(id)}" data-nonpass="${nonPass ? 1 : 0}" data-unexpected="${unexpected ? 1 : 0}"><th scope="row" class="case"><code>${esc(id)}</code>${desc}</th>${cells}</tr>`
}

function cell(r: ReportResult | undefined, i: number, truncated: boolean): string {
  if (!r) {
    // A run cut short never reached the case; a complete one did not select it.
    const word = truncated ? 'not reached' : 'not run'
    return `<td class="cell missing" data-report="${i}" data-status="missing"><span class="status">${word}</span></td>`
  }
  const mark = r.unexpected ? 'unexpected' : r.status === 'pass' ? '' : 'expected'
  const classes = ['cell', `st-${r.status}`, mark].filter(Boolean).join(' ')
  const lacks = r.lacks ? ` <span class="lacks">lacks ${esc(r.lacks.join(', '))}</span>` : ''
  const label = `<span class="status">${r.status}</span>${mark ? ` <span class="tag">${mark}</span>` : ''}${lacks}`
  const open = `<td class="${classes}" data-report="${i}" data-status="${r.status}">`
  if (r.status === 'pass' && !r.unexpected) return `${open}${label}</td>`
  return `${open}<details><summary>${label}</summary><div class="detail">${details(r)}</div></details></td>`
}

/** The expanded cell: why, where it diverged (expected against observed), what the decoder saw. */
function details(r: ReportResult): string {
  const out: string[] = []
  const reason = reasonOf(r)
  if (reason) out.push(`<p class="reason">${esc(reason)}</p>`)
  if (r.expected) {
    const why = r.expectedReason ? `: ${esc(r.expectedReason)}` : ''
    out.push(`<p class="allowed">The expectations file allows ${esc(r.expected.join(', '))}${why}</p>`)
  }
  const d = r.divergence
  if (d) {
    out.push(`<h4 class="step">Step ${d.step} · <code>${esc(d.op)}</code></h4>`, `<p class="what">${esc(d.what)}</p>`)
    const step = r.steps?.[d.step]
    if (step) out.push(block('Step', 'step-args', step))
    out.push(
      '<div class="compare">',
      block('Expected', 'expected', d.expected),
      block('Observed', 'observed', d.observed),
      '</div>',
    )
    if (d.decoded) out.push(block('Decoded records', 'decoded', d.decoded))
  }
  if (r.line !== undefined) out.push(block('Offending line', 'line', r.line, false))
  if (r.stderr) out.push(block('stderr', 'stderr', r.stderr, false))
  out.push(`<p class="duration">${r.durationMs} ms</p>`)
  return out.join('')
}

function block(heading: string, cls: string, value: unknown, json = true): string {
  const body = json ? JSON.stringify(value, null, 2) : String(value)
  return `<div class="block"><h5>${heading}</h5><pre class="${cls}">${esc(body)}</pre></div>`
}

function legend(): string {
  const items = (Object.entries(STATUSES) as [Status, string][]).map(
    ([s, d]) => `<dt class="st-${s}">${s}</dt><dd>${esc(d)}</dd>`,
  )
  return `<footer><h2>Statuses</h2><dl class="legend">${items.join('')}<dt class="missing">not run</dt><dd>the run did not select this case</dd><dt class="missing">not reached</dt><dd>the run was cut short before this case</dd></dl>
<p><em>unexpected</em>: not a pass and not allowed by the implementation's expectations file (or a pass where it expects otherwise). <em>expected</em>: allowed by it.</p></footer>`
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text and attribute values alike: nothing from a report is ever markup. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

// Filters rows; hashed into the CSP, so it must stay a constant.
const SCRIPT = `
(function () {
  var nonpass = document.getElementById('only-nonpass')
  var unexpected = document.getElementById('only-unexpected')
  var text = document.getElementById('filter-text')
  var shown = document.getElementById('shown')
  var rows = Array.prototype.slice.call(document.querySelectorAll('#results tbody tr'))
  function apply() {
    var q = text.value.trim().toLowerCase()
    var n = 0
    rows.forEach(function (row) {
      var hide = (nonpass.checked && row.dataset.nonpass !== '1') ||
        (unexpected.checked && row.dataset.unexpected !== '1') ||
        (q !== '' && row.dataset.case.toLowerCase().indexOf(q) < 0)
      row.hidden = hide
      if (!hide) n++
    })
    shown.textContent = n + ' of ' + rows.length + ' case(s) shown'
  }
  nonpass.addEventListener('change', apply)
  unexpected.addEventListener('change', apply)
  text.addEventListener('input', apply)
  apply()
})()
`

const STYLE = `
:root { font-family: system-ui, sans-serif; font-size: 14px; color: #1a1a1a; background: #fff; }
body { margin: 1rem 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
code, pre { font-family: ui-monospace, monospace; font-size: 12px; }
.banners { margin: .75rem 0; }
.banner { padding: .5rem .75rem; margin: .25rem 0; border-radius: 4px; border: 2px solid; }
.banner.truncated { background: #fde8e8; border-color: #b42318; color: #7a1010; }
.banner.problem { background: #fff6d6; border-color: #b58a00; color: #5c4500; }
.controls { display: flex; gap: 1.25rem; flex-wrap: wrap; align-items: center; margin: .75rem 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f3f3f3; position: sticky; top: 0; }
th.case { font-weight: normal; background: #fafafa; max-width: 32rem; }
.desc, .platform, .file, .of, .duration { color: #555; font-size: 12px; font-weight: normal; }
.impl-name { font-weight: bold; }
.badge { display: inline-block; margin-top: .2rem; padding: 0 .4rem; background: #b42318; color: #fff; border-radius: 3px; font-size: 11px; }
td.counts ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem; }
td.counts li { padding: 0 .3rem; border-radius: 3px; font-size: 12px; }
td.counts li.zero { opacity: .55; }
.unexpected-count.some { font-weight: bold; color: #8a1111; }
.cell { min-width: 7rem; }
.cell .status { font-weight: bold; }
.cell .tag { font-size: 11px; padding: 0 .3rem; border-radius: 3px; border: 1px solid currentColor; }
.cell.unexpected { box-shadow: inset 4px 0 0 #8a1111; }
.cell.expected .tag { border-style: dashed; }
.st-pass { background: #dcf3dc; color: #0b4f1a; }
.st-fail { background: #fbd9d9; color: #7d0f0f; }
.st-error { background: #ffe4c7; color: #6e3800; }
.st-crash { background: #ecdaf6; color: #52176e; }
.st-timeout { background: #fff2bd; color: #5f4800; }
.st-not-applicable { background: #e9e9e9; color: #3d3d3d; }
.st-unsupported { background: #dfe6f7; color: #1d3466; }
.lacks, .lacking { font-size: 11px; }
.probes, .provenance { font-size: 11px; font-weight: normal; }
.probes ul, .provenance ul { margin: .2rem 0; padding-left: 1rem; }
.missing { background: #fff; color: #666; font-style: italic; }
summary { cursor: pointer; }
.detail { color: #1a1a1a; background: #fff; border: 1px solid #ccc; border-radius: 4px; margin-top: .3rem; padding: .4rem; min-width: 22rem; max-width: 44rem; font-style: normal; }
.detail h4, .detail h5 { margin: .4rem 0 .15rem; }
.detail p { margin: .2rem 0; }
.compare { display: flex; gap: .5rem; flex-wrap: wrap; }
.compare .block { flex: 1 1 18rem; min-width: 0; }
pre { margin: 0; padding: .3rem; background: #f6f6f6; border: 1px solid #e0e0e0; overflow: auto; max-height: 22rem; white-space: pre; }
footer { margin-top: 1.5rem; color: #333; }
footer h2 { font-size: 1rem; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .6rem; }
.legend dt { padding: 0 .4rem; border-radius: 3px; font-weight: bold; }
.legend dd { margin: 0; }
`
