// One report from the shards of a run (`watchq run --shard i/n` on n machines): refused unless
// the reports are whole, of one implementation and one selection, each shard exactly once and
// every case in the shard its id belongs to. The merged report is what one unsharded run would
// have written: the header of the run without its shard, every result in case-id order, and a
// footer whose counts are the shards' sums.
import { REPORT_VERSION, type ReportFooter, type ReportHeader, type ReportResult, type Status } from '@watchq/spec'
import { shardOf } from '../cases/shard.js'
import type { Report } from './read.js'

/** Why the shards cannot be merged: one line per problem. */
export class MergeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'))
  }
}

export interface Merged {
  readonly header: ReportHeader
  readonly results: readonly ReportResult[]
  readonly footer: ReportFooter
}

export function mergeShards(reports: readonly Report[]): Merged {
  if (reports.length === 0) throw new MergeError(['no reports to merge'])
  const problems: string[] = []
  const name = (r: Report) => r.source
  for (const r of reports) {
    if (r.truncated) problems.push(`${name(r)}: cut short (${r.problems[0] ?? 'no footer'}); run that shard again`)
    else if (r.footer?.stopped !== undefined) problems.push(`${name(r)}: the run stopped early (${r.footer.stopped})`)
    else if (r.footer?.failFast) problems.push(`${name(r)}: stopped at its first unexpected result (--fail-fast)`)
    if (!r.header.shard) problems.push(`${name(r)}: not a shard (run with --shard i/n)`)
  }
  if (problems.length) throw new MergeError(problems)
  const first = reports[0]!
  const shard = first.header.shard!
  for (const r of reports.slice(1)) {
    const s = r.header.shard!
    if (r.header.impl !== first.header.impl)
      problems.push(`${name(r)}: implementation ${r.header.impl}, but ${name(first)} has ${first.header.impl}`)
    else if (JSON.stringify(r.header.implementation) !== JSON.stringify(first.header.implementation))
      problems.push(
        `${name(r)}: ${r.header.impl} described itself differently from ${name(first)} (another version or kernel?)`,
      )
    if (s.count !== shard.count)
      problems.push(`${name(r)}: shard of ${s.count}, but ${name(first)} is a shard of ${shard.count}`)
    else if (s.selection !== shard.selection || s.selected !== shard.selected)
      problems.push(
        `${name(r)}: another selection of cases than ${name(first)} (other cases, --filter or watchq version)`,
      )
  }
  if (problems.length) throw new MergeError(problems)
  const byIndex = new Map<number, Report>()
  for (const r of reports) {
    const i = r.header.shard!.index
    const other = byIndex.get(i)
    if (other) problems.push(`shard ${i}/${shard.count} is given twice: ${name(other)} and ${name(r)}`)
    else byIndex.set(i, r)
  }
  for (let i = 1; i <= shard.count; i++) if (!byIndex.has(i)) problems.push(`shard ${i}/${shard.count} is missing`)
  const seen = new Map<string, Report>()
  // Each shard once: a shard given twice is said above, not once per case.
  for (const r of byIndex.values()) {
    for (const x of r.results) {
      const other = seen.get(x.case)
      if (other && other !== r) problems.push(`case ${x.case} is in both ${name(other)} and ${name(r)}`)
      seen.set(x.case, r)
      const belongs = shardOf(x.case, shard.count)
      if (belongs !== r.header.shard!.index)
        problems.push(
          `${name(r)}: case ${x.case} belongs to shard ${belongs}/${shard.count}, not ${r.header.shard!.index}`,
        )
    }
  }
  const total = [...byIndex.values()].reduce((n, r) => n + r.results.length, 0)
  if (!problems.length && total !== shard.selected)
    problems.push(`the shards hold ${total} result(s), but the run selected ${shard.selected} case(s)`)
  if (problems.length) throw new MergeError(problems)

  const results = reports.flatMap((r) => r.results).sort((a, b) => (a.case < b.case ? -1 : a.case > b.case ? 1 : 0))
  const counts: Record<string, number> = {}
  for (const r of reports)
    for (const [k, v] of Object.entries(r.footer!.counts)) counts[k as Status] = (counts[k as Status] ?? 0) + v
  const { shard: _shard, ...rest } = first.header
  const header: ReportHeader = {
    ...rest,
    report: REPORT_VERSION,
    started: reports.map((r) => r.header.started).sort()[0]!,
    cases: shard.selected,
    argv: ['merge', ...reports.map(name)],
  }
  const footer: ReportFooter = {
    footer: true,
    finished: reports
      .map((r) => r.footer!.finished)
      .sort()
      .at(-1)!,
    counts,
    unexpected: reports.reduce((n, r) => n + r.footer!.unexpected, 0),
    failFast: false,
    restarts: reports.reduce((n, r) => n + r.footer!.restarts, 0),
  }
  return { header, results, footer }
}

/** The merged report as JSON lines. */
export function mergedText(m: Merged): string {
  return [m.header, ...m.results, m.footer].map((l) => `${JSON.stringify(l)}\n`).join('')
}
