// Statistics, the console table and the "Decoder" section of the repo-root BENCHMARKS.md.
import { upsertMarkdownSection } from '../../../scripts/benchmarks-md.js'
import type { VariantId, VariantResult } from './worker.js'

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export interface Row {
  readonly id: VariantId
  readonly label: string
  readonly input: string
  readonly median: number
  readonly min: number
  readonly max: number
  readonly samples: readonly number[]
}

export interface Ratio {
  readonly label: string
  /** How the value reads, e.g. "openWalker: 0.64× the speed of C". */
  readonly reads: string
  readonly value: number
  /** The same ratio per round: [min, max]. */
  readonly spread: readonly [number, number]
  readonly target?: number
}

const LABELS: Record<VariantId, string> = {
  c: 'C walk, gcc -O2 (fixed-size loads)',
  'c-copy': 'C walk, gcc -O2, memcpy of each record',
  'js-loop': 'reference: the C walk ported to JS (Uint32Array loop)',
  walker: 'openWalker() (bulk API), loop checks the length, payload by word()',
  'walker-u32': 'openWalker() (bulk API), payload by u32() (checked)',
  decode: 'decode() (object API), one call',
  naive: 'naive JS baseline (slice + DataView per record), one call',
  hand: 'hand-written JS baseline (one DataView), one call',
  'decode-batch': 'decode() (object API), per 64 KiB',
  'naive-batch': 'naive JS baseline, per 64 KiB',
  'hand-batch': 'hand-written JS baseline, per 64 KiB',
}

export const ORDER: readonly VariantId[] = [
  'c',
  'c-copy',
  'js-loop',
  'walker',
  'walker-u32',
  'decode',
  'naive',
  'hand',
  'decode-batch',
  'naive-batch',
  'hand-batch',
]

const BATCHED: ReadonlySet<VariantId> = new Set(['decode-batch', 'naive-batch', 'hand-batch'])
const PREFIX: ReadonlySet<VariantId> = new Set(['decode', 'naive', 'hand', ...BATCHED])

export function rows(
  results: readonly VariantResult[],
  inputs: { readonly full: string; readonly prefix: string; readonly batch: string },
): Row[] {
  const byId = new Map(results.map((r) => [r.id, r]))
  return ORDER.flatMap((id) => {
    const r = byId.get(id)
    if (!r?.samples.length) return []
    const input = BATCHED.has(id) ? `${inputs.prefix}, ${inputs.batch}` : PREFIX.has(id) ? inputs.prefix : inputs.full
    return [
      {
        id,
        label: LABELS[id],
        input,
        median: median(r.samples),
        min: Math.min(...r.samples),
        max: Math.max(...r.samples),
        samples: r.samples,
      },
    ]
  })
}

/** Speed of `fast` relative to `slow`: slow's time / fast's time (medians), with the per-round spread. */
export function speedRatio(
  table: readonly Row[],
  fast: VariantId,
  slow: VariantId,
  label: string,
  reads: (x: string) => string,
  target?: number,
): Ratio | undefined {
  const f = table.find((r) => r.id === fast)
  const s = table.find((r) => r.id === slow)
  if (!f || !s) return undefined
  const perRound = f.samples.map((x, i) => s.samples[i]! / x).filter(Number.isFinite)
  const value = s.median / f.median
  return {
    label,
    reads: reads(fmtRatio(value)),
    value,
    spread: [Math.min(...perRound), Math.max(...perRound)],
    ...(target === undefined ? {} : { target }),
  }
}

export const fmtRatio = (x: number) => `${x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toFixed(3)}×`
export const fmtNs = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
const mrecs = (ns: number) => (1e3 / ns).toFixed(ns < 10 ? 0 : ns < 1000 ? 1 : 2)

export const verdict = (r: Ratio) =>
  r.target === undefined ? '' : r.value >= r.target ? `met (≥ ${r.target}×)` : `NOT met (needs ≥ ${r.target}×)`

export function consoleTable(table: readonly Row[], ratios: readonly Ratio[]): string {
  const head = ['variant', 'input', 'ns/record (median)', 'min–max', 'M records/s']
  const body = table.map((r) => [r.label, r.input, fmtNs(r.median), `${fmtNs(r.min)}–${fmtNs(r.max)}`, mrecs(r.median)])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  const out = [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line), '']
  const width = Math.max(...ratios.map((r) => r.label.length))
  for (const r of ratios) {
    const v = verdict(r)
    out.push(
      `${r.label.padEnd(width)} ${fmtRatio(r.value).padStart(7)}  (per round ${fmtRatio(r.spread[0])}–${fmtRatio(r.spread[1])})${v ? `  target ${v}` : ''}`,
    )
  }
  return out.join('\n')
}

export interface SectionInput {
  readonly date: string
  readonly command: string
  readonly machine: readonly string[]
  readonly data: readonly string[]
  readonly method: readonly string[]
  readonly table: readonly Row[]
  readonly ratios: readonly Ratio[]
  readonly baselines: readonly string[]
}

export const SECTION_HEADING = '## Decoder'

export function markdownSection(s: SectionInput): string {
  const out = [
    SECTION_HEADING,
    '',
    '<!-- Written by packages/decoder/bench/run.ts (`npm run bench -w @watchq/decoder`); edits by hand are overwritten. -->',
    '',
    `Measured ${s.date} with:`,
    '',
    '```sh',
    s.command,
    '```',
    '',
    '### Machine',
    '',
    ...s.machine.map((m) => `- ${m}`),
    '',
    '### Data and method',
    '',
    ...s.data.map((m) => `- ${m}`),
    ...s.method.map((m) => `- ${m}`),
    '',
    '### Results',
    '',
    '| variant | input | ns/record (median) | min–max | M records/s |',
    '| --- | --- | ---: | ---: | ---: |',
    ...s.table.map(
      (r) => `| ${r.label} | ${r.input} | ${fmtNs(r.median)} | ${fmtNs(r.min)}–${fmtNs(r.max)} | ${mrecs(r.median)} |`,
    ),
    '',
    '### Ratios and targets',
    '',
    '| ratio | value (of medians) | per round | target |',
    '| --- | ---: | ---: | --- |',
    ...s.ratios.map(
      (r) =>
        `| ${r.reads} | ${fmtRatio(r.value)} | ${fmtRatio(r.spread[0])}–${fmtRatio(r.spread[1])} | ${verdict(r) || '(information)'} |`,
    ),
    '',
    '### Baselines',
    '',
    ...s.baselines.map((b) => `- ${b}`),
    '',
  ]
  return out.join('\n')
}

/** `doc` with its `## Decoder` section replaced by `section` (appended if absent); other sections are kept. */
export const upsertSection = (doc: string, section: string) => upsertMarkdownSection(doc, SECTION_HEADING, section)
