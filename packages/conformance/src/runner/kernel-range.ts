// Kernel release ranges as cases and expectations files write them: ">=6.1 <6.13", "6.12",
// "=6.1.192". Every comparator must hold. A release compares by its leading numbers only
// ("6.12.117-amd64" is 6.12.117); a missing component counts as 0 (">=6.12" admits 6.12.0).

export type Version = readonly number[]

export function parseRelease(release: string): Version | null {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(release.trim())
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null
}

function cmp(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0)
  return 0
}

interface Comparator {
  readonly op: '>=' | '<=' | '>' | '<' | '='
  readonly version: Version
  /** Bare "6.12" means the whole 6.12 series, not just 6.12.0. */
  readonly series: number
}

export function parseRange(range: string): Comparator[] {
  const out: Comparator[] = []
  for (const m of range.matchAll(/(>=|<=|>|<|=)?\s*(\d+(?:\.\d+){0,2})/g)) {
    const v = parseRelease(m[2]!)!
    out.push({ op: (m[1] as Comparator['op']) ?? '=', version: v, series: m[2]!.split('.').length })
  }
  if (out.length === 0) throw new Error(`"${range}" is not a kernel range (e.g. ">=6.1 <6.13")`)
  return out
}

/** Whether `release` (uname -r) lies in `range`, or in any of a list of ranges. */
export function inRange(release: string, range: string | readonly string[]): boolean {
  const v = parseRelease(release)
  if (!v) return false
  const ranges = typeof range === 'string' ? [range] : range
  return ranges.some((r) => parseRange(r).every((c) => holds(v, c)))
}

/** A range or list of ranges as one line ("<6.2 or >=6.12"). */
export const showRange = (range: string | readonly string[]) => (typeof range === 'string' ? range : range.join(' or '))

function holds(v: Version, c: Comparator): boolean {
  const d = cmp(v, c.version)
  if (c.op === '>=') return d >= 0
  if (c.op === '<=') return d <= 0
  if (c.op === '>') return d > 0
  if (c.op === '<') return d < 0
  // "=6.12" matches any 6.12.x; "=6.12.117" only that release.
  return v.slice(0, c.series).every((x, i) => x === c.version[i])
}
