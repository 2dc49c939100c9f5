// Kernel release ranges as cases and expectations files write them. The comparison is semver's;
// what a range means is pinned to the hand-written comparison it replaced (kept below as the
// oracle), for the shipped cases' ranges and for random ones.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { defaultCasesDir } from '../../src/cli/run.js'
import { inRange, parseRange, parseRelease } from '../../src/runner/kernel-range.js'

/** The hand-written comparison semver replaced, verbatim but for names: the meaning to keep. */
const oracle = (() => {
  type V = readonly number[]
  const parse = (release: string): V | null => {
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(release.trim())
    return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null
  }
  const cmp = (a: V, b: V) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0)
    return 0
  }
  const holds = (v: V, c: { op: string; version: V; series: number }) => {
    const d = cmp(v, c.version)
    if (c.op === '>=') return d >= 0
    if (c.op === '<=') return d <= 0
    if (c.op === '>') return d > 0
    if (c.op === '<') return d < 0
    return v.slice(0, c.series).every((x, i) => x === c.version[i])
  }
  return (release: string, range: string | readonly string[]): boolean => {
    const v = parse(release)
    if (!v) return false
    return (typeof range === 'string' ? [range] : range).some((r) =>
      [...r.matchAll(/(>=|<=|>|<|=)?\s*(\d+(?:\.\d+){0,2})/g)]
        .map((m) => ({ op: m[1] ?? '=', version: parse(m[2]!)!, series: m[2]!.split('.').length }))
        .every((c) => holds(v, c)),
    )
  }
})()

/** Releases around every boundary the ranges below draw, as uname -r prints them. */
const RELEASES = [
  ...['5.10.0', '5.15.180', '6.0.0', '6.0.19', '6.1', '6.1.0', '6.1.1', '6.1.84', '6.1.85', '6.1.86'],
  ...['6.1.191', '6.1.192', '6.1.193', '6.2.0', '6.2.16', '6.11.11', '6.12', '6.12.0', '6.12.1', '6.12.117'],
  ...['6.13.0', '6.13.1', '7.0.0', '6.12.117-amd64', '6.1.0-37-cloud-amd64', '6.12.117+deb13-s390x', '6'],
  ...['linux', '', ' 6.1.192 ', 'v6.1', '6.1.192.4'],
]

const RANGES = [
  ...['>=6.1 <6.12', '>=6.12', '6.12', '=6.1.192', '>6.1.84 <=6.1.85', '>=6.1 <6.13', '=6.12', '6', '=6'],
  ...['>6.12', '<=6.12', '>6', '<=6', '<6.2', '>=6.1.85', '<6.1.192', '6.1.192', '>= 6.1 < 6.2', '>=6.1,<6.2'],
]

describe('kernel ranges', () => {
  it('reads releases by their leading numbers', () => {
    expect(parseRelease('6.12.117-amd64')).toEqual([6, 12, 117])
    expect(parseRelease('6.1')).toEqual([6, 1, 0])
    expect(parseRelease('linux')).toBeNull()
    expect(parseRelease('v6.1')).toBeNull()
    expect(parseRelease('linux-6.1')).toBeNull()
  })

  it.each([
    ['6.1.192', '>=6.1 <6.12', true],
    ['6.12.117', '>=6.1 <6.12', false],
    ['6.12.0', '>=6.12', true],
    ['6.11.9', '>=6.12', false],
    ['6.12.117', '6.12', true],
    ['6.13.1', '6.12', false],
    ['6.1.192', '=6.1.192', true],
    ['6.1.191', '=6.1.192', false],
    ['6.1.85', '>6.1.84 <=6.1.85', true],
    ['garbage', '>=6.1', false],
    // Missing components are 0 for <, <=, >, >= (not semver's reading of a partial version).
    ['6.12.1', '>6.12', true],
    ['6.12.1', '<=6.12', false],
    ['6.12.0', '<=6.12', true],
    // A bare or "=" version is the series it names.
    ['6.12.117', '=6.12', true],
    ['6.19.2', '6', true],
    ['7.0.0', '6', false],
    ['6.12.117-amd64', '6.12.117', true],
  ])('%s in "%s" is %s', (release, range, want) => {
    expect(inRange(release, range)).toBe(want)
  })

  it('takes a list of ranges as "any of them"', () => {
    expect(inRange('6.1.192', ['<6.2', '>=6.12'])).toBe(true)
    expect(inRange('6.6.0', ['<6.2', '>=6.12'])).toBe(false)
  })

  it('rejects a range without versions', () => {
    expect(() => inRange('6.1', '>=')).toThrow('">=" is not a kernel range')
    expect(() => parseRange('latest')).toThrow('"latest" is not a kernel range')
  })

  it('means what the hand-written comparison meant, for every range and release here', () => {
    for (const range of RANGES)
      for (const release of RELEASES)
        expect(inRange(release, range), `${release} in "${range}"`).toBe(oracle(release, range))
  })

  it('means what the hand-written comparison meant, for random ranges and releases', () => {
    const version = fc
      .array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join('.'))
    const comparator = fc.tuple(fc.constantFrom('', '=', '<', '<=', '>', '>='), version).map(([op, v]) => `${op}${v}`)
    const range = fc.array(comparator, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(' '))
    const release = fc.tuple(version, fc.constantFrom('', '-amd64', '-1-cloud-arm64')).map(([v, s]) => `${v}${s}`)
    fc.assert(
      fc.property(release, fc.array(range, { minLength: 1, maxLength: 2 }), (rel, ranges) => {
        expect(inRange(rel, ranges)).toBe(oracle(rel, ranges))
      }),
      { numRuns: 2000 },
    )
  })

  it("holds the shipped cases' requires.kernel to the same meaning, on every release here", () => {
    const loaded = loadCases([defaultCasesDir()])
    expect(loaded.problems).toEqual([])
    const ranges = loaded.cases.flatMap((c) => (c.case.requires?.kernel === undefined ? [] : [c.case.requires.kernel]))
    expect(ranges.length).toBeGreaterThan(0)
    for (const range of ranges) {
      expect(() => (typeof range === 'string' ? [range] : range).map(parseRange)).not.toThrow()
      for (const release of RELEASES)
        expect(inRange(release, range), `${release} in ${JSON.stringify(range)}`).toBe(oracle(release, range))
    }
  })
})
