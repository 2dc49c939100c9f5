// Kernel release ranges as cases and expectations files write them: ">=6.1 <6.13", "6.12",
// "=6.1.192". Every comparator must hold; a list of ranges holds when one of them does. semver
// compares: a release counts by its leading numbers ("6.12.117-amd64" is 6.12.117), and a
// comparator's missing components count as 0 (">=6.12" admits 6.12.0, ">6.12" admits 6.12.1,
// "<=6.12" only 6.12.0) — except that a bare or "=" version names the whole series it gives
// ("6.12" and "=6.12" are 6.12.x, "6" is 6.x; "=6.1.192" is that release alone).
import semver from 'semver'

export type Version = readonly [major: number, minor: number, patch: number]

/** A release's leading numbers (uname -r: "6.12.117-amd64" → [6, 12, 117], "6.1" → [6, 1, 0]), or null. */
export function parseRelease(release: string): Version | null {
  const text = release.trim()
  // coerce() would find a version anywhere ("linux-6.1"); a release starts with its numbers.
  if (!/^\d/.test(text)) return null
  const v = semver.coerce(text)
  return v ? [v.major, v.minor, v.patch] : null
}

const COMPARATOR = /(>=|<=|>|<|=)?\s*(\d+(?:\.\d+){0,2})/g

/** One range ("every comparator") as a semver range; throws when it holds no version. */
export function parseRange(range: string): semver.Range {
  const comparators: string[] = []
  for (const [, op = '=', version] of range.matchAll(COMPARATOR)) {
    const parts = version!.split('.').map(Number)
    if (op === '=') comparators.push(parts.length === 3 ? `=${parts.join('.')}` : [...parts, 'x'].join('.'))
    else comparators.push(`${op}${[...parts, 0, 0].slice(0, 3).join('.')}`)
  }
  if (comparators.length === 0) throw new Error(`"${range}" is not a kernel range (e.g. ">=6.1 <6.13")`)
  try {
    return new semver.Range(comparators.join(' '))
  } catch {
    throw new Error(`"${range}" is not a kernel range (a version is out of range)`)
  }
}

/** Whether `release` (uname -r) lies in `range`, or in any of a list of ranges. */
export function inRange(release: string, range: string | readonly string[]): boolean {
  const v = parseRelease(release)
  if (!v) return false
  const ranges = typeof range === 'string' ? [range] : range
  return ranges.some((r) => parseRange(r).test(v.join('.')))
}

/** A range or list of ranges as one line ("<6.2 or >=6.12"). */
export const showRange = (range: string | readonly string[]) => (typeof range === 'string' ? range : range.join(' or '))
