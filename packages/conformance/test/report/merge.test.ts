// Shards and merge: n machines each running --shard i/n give, merged, exactly the cases and
// statuses of the unsharded run (n = 1…5, the shipped suite on the simulator); merge refuses what
// is not one whole run, saying why; and the merged report reads like any other.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readReportFile } from '../../src/report/read.js'
import { run } from '../support/run.js'

const dir = mkdtempSync(join(tmpdir(), 'watchq-merge-'))
const statuses = (file: string) => readReportFile(file).results.map((r) => [r.case, r.status, r.unexpected] as const)

let whole: ReturnType<typeof statuses>
beforeAll(async () => {
  const r = await run(['run', '--reporter', 'quiet', '--report', join(dir, 'whole.jsonl')])
  expect(r.code).toBe(0)
  whole = statuses(join(dir, 'whole.jsonl'))
}, 60_000)

async function shards(n: number, impl = 'sim', tag = ''): Promise<string[]> {
  const files: string[] = []
  for (let i = 1; i <= n; i++) {
    const file = join(dir, `${tag}${n}-${i}.jsonl`)
    const r = await run(['run', '--impl', impl, '--shard', `${i}/${n}`, '--reporter', 'quiet', '--report', file])
    expect(r.code, r.err).toBe(0)
    files.push(file)
  }
  return files
}

describe('watchq run --shard and watchq merge', () => {
  it.each([1, 2, 3, 4, 5])(
    '%i shard(s): disjoint parts that merge into exactly the unsharded run',
    async (n) => {
      const files = await shards(n)
      const parts = files.map(statuses)
      // Disjoint, and every case somewhere.
      const ids = parts.flat().map(([id]) => id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.length).toBe(whole.length)
      const out = join(dir, `merged-${n}.jsonl`)
      // Any order of the shards.
      const r = await run(['merge', ...[...files].reverse(), '-o', out])
      expect(r).toMatchObject({ code: 0, err: '' })
      const merged = readReportFile(out)
      expect(merged.problems).toEqual([])
      expect(merged.header).not.toHaveProperty('shard')
      expect(merged.header.cases).toBe(whole.length)
      expect(statuses(out)).toEqual(whole)
      expect(merged.footer?.counts).toEqual(readReportFile(join(dir, 'whole.jsonl')).footer?.counts)
    },
    60_000,
  )

  it('summary, html, junit, ktap and tap read the merged report', async () => {
    const out = join(dir, 'merged-3.jsonl')
    for (const argv of [
      ['summary', out],
      ['junit', out],
      ['ktap', out],
      ['tap', out],
      ['html', out, '-o', join(dir, 'm.html')],
    ]) {
      const r = await run(argv)
      expect(r.code, argv.join(' ')).toBe(0)
    }
    expect((await run(['tap', out])).out).toMatch(new RegExp(`^TAP version 13\\n# [^\\n]*\\n1\\.\\.${whole.length}\\n`))
  })

  it('refuses a shard missing or given twice, a case in two shards, and says each', async () => {
    const [a, b, c] = await shards(3, 'sim', 'r')
    const missing = await run(['merge', a!, c!])
    expect(missing).toMatchObject({ code: 1, out: '' })
    expect(missing.err).toBe('watchq merge: shard 2/3 is missing\n')
    const twice = await run(['merge', a!, b!, b!, c!])
    expect(twice.err).toBe(`watchq merge: shard 2/3 is given twice: ${b} and ${b}\n`)
    // A case moved into another shard's report (edited, or another watchq's hashing).
    const lines = readFileSync(b!, 'utf8').trim().split('\n')
    const moved = join(dir, 'moved.jsonl')
    const cLines = readFileSync(c!, 'utf8').trim().split('\n')
    const footer = JSON.parse(cLines.at(-1)!)
    const extra = JSON.parse(lines[1]!)
    footer.counts[extra.status]++
    writeFileSync(moved, [...cLines.slice(0, -1), lines[1], JSON.stringify(footer)].join('\n'))
    const header = JSON.parse(cLines[0]!)
    header.cases++
    const movedLines = readFileSync(moved, 'utf8').split('\n')
    movedLines[0] = JSON.stringify(header)
    writeFileSync(moved, movedLines.join('\n'))
    const overlap = await run(['merge', a!, b!, moved])
    expect(overlap.code).toBe(1)
    expect(overlap.err).toContain(`watchq merge: case ${extra.case} is in both ${b} and ${moved}`)
    expect(overlap.err).toContain(`${moved}: case ${extra.case} belongs to shard 2/3, not 3`)
  }, 60_000)

  it('refuses shards of different implementations, counts or selections, reports cut short, and reports that are not shards', async () => {
    const [a] = await shards(2, 'sim', 'x')
    const [, other] = await shards(2, 'sim:6.1', 'y')
    expect((await run(['merge', a!, other!])).err).toBe(
      `watchq merge: ${other}: implementation sim:6.1, but ${a} has sim\n`,
    )
    const [, three] = await shards(3, 'sim', 'z')
    expect((await run(['merge', a!, three!])).err).toBe(
      `watchq merge: ${three}: shard of 3, but ${a} is a shard of 2\n`,
    )
    const filtered = join(dir, 'filtered.jsonl')
    await run(['run', '--shard', '2/2', '--filter', 'keys/*', '--reporter', 'quiet', '--report', filtered])
    expect((await run(['merge', a!, filtered])).err).toContain('another selection of cases than')
    const cut = join(dir, 'cut.jsonl')
    writeFileSync(cut, readFileSync(a!, 'utf8').trim().split('\n').slice(0, -1).join('\n'))
    expect((await run(['merge', cut])).err).toMatch(/^watchq merge: .*cut\.jsonl: cut short \(no footer/)
    const plain = join(dir, 'whole.jsonl')
    expect((await run(['merge', plain])).err).toBe(`watchq merge: ${plain}: not a shard (run with --shard i/n)\n`)
  }, 60_000)
})
