// Per-implementation expectations files: which cases may end in which statuses, and why. A case
// the file does not list is expected to pass; a listed case that ends otherwise (even passing) is
// unexpected, so the file stays true.
import { readFileSync } from 'node:fs'
import {
  ALLOWED_BY_DEFAULT,
  type ExpectationEntry,
  type ExpectationsFile,
  FEATURES,
  type ImplementationInfo,
  NOT_RUN,
  OP_NAMES,
  ExpectationsFile as Schema,
  type Status,
} from '@watchq/spec'
import { explainSchemaErrors, schemaValidator } from '../cases/validate.js'
import { inRange } from './kernel-range.js'

export interface Allowed {
  readonly statuses: readonly Status[]
  readonly reason: string
}

// A glob over case ids, matched in time proportional to the glob's length times the id's, whatever
// the glob: `?` is one character and `*` any run of characters within a path segment; a `**`
// segment is any number of whole segments (none too: "keys/**" matches "keys", "**/update" matches
// "update"); every other character stands for itself. The meaning is picomatch's for such globs
// (the tests hold it to picomatch). picomatch itself is no cure for what this replaces: like the
// regular expression before, it compiles each `*` to a `[^/]*?` that V8 backtracks through, and
// "*a*a*a*a*a*a*a*a*a*a*b" takes seconds on a 40-character id.
export function globMatcher(glob: string): (id: string) => boolean {
  const pattern = glob.split('/')
  return (id) => {
    const segments = id.split('/')
    // row[j]: pattern segments i… match id segments j…; computed from the last pattern segment back,
    // each row from the one after it (next), so a `**` costs one pass and nothing is retried.
    const P = pattern.length
    const S = segments.length
    let next = new Array<boolean>(S + 1).fill(false)
    next[S] = true
    for (let i = P - 1; i >= 0; i--) {
      const p = pattern[i]!
      const row = new Array<boolean>(S + 1).fill(false)
      for (let j = S; j >= 0; j--) {
        if (p === '**') row[j] = next[j]! || (j < S && row[j + 1]!)
        else row[j] = j < S && next[j + 1]! && segmentMatches(p, segments[j]!)
      }
      next = row
    }
    return next[0]!
  }
}

/**
 * One segment against one segment pattern of literals, `?` and `*`: the usual wildcard walk that
 * returns to the last `*` on a mismatch (only the last one matters), O(pattern × text) at worst.
 */
function segmentMatches(p: string, s: string): boolean {
  let pi = 0
  let si = 0
  let star = -1
  let resume = 0
  while (si < s.length) {
    if (p[pi] === '*') {
      star = pi++
      resume = si
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === s[si])) {
      pi++
      si++
    } else if (star >= 0) {
      pi = star + 1
      si = ++resume
    } else return false
  }
  while (p[pi] === '*') pi++
  return pi === p.length
}

export class Expectations {
  private readonly entries: { entry: ExpectationEntry; matches: (id: string) => boolean }[]

  constructor(file: ExpectationsFile = { entries: [] }) {
    this.entries = file.entries.map((entry) => ({ entry, matches: globMatcher(entry.case) }))
  }

  /** The first entry that lists `id` and applies to `impl`, as allowed statuses. */
  lookup(id: string, impl: ImplementationInfo | null): Allowed | null {
    for (const { entry, matches } of this.entries) {
      if (!matches(id)) continue
      const w = entry.when
      if (w && impl) {
        if (w.kernel !== undefined && (impl.kernel === undefined || !inRange(impl.kernel, w.kernel))) continue
        if (w.arch && !w.arch.includes(impl.arch)) continue
        if (w.endian && w.endian !== impl.endian) continue
      }
      const listed = Array.isArray(entry.status) ? entry.status : [entry.status]
      // `skip` (report version 1's word) allows both statuses of a case not run.
      const statuses = [...new Set(listed.flatMap((s) => (s === 'skip' ? NOT_RUN : [s])))]
      return { statuses, reason: entry.reason }
    }
    return null
  }
}

const validate = schemaValidator(Schema)

export function loadExpectations(path: string): Expectations {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`)
  }
  if (!validate(json)) throw new Error(explainSchemaErrors(path, validate.errors ?? [], json))
  return new Expectations(json as ExpectationsFile)
}

/**
 * What `--allow-unsupported` names: features, ops as op:NAME, or `all`. An unsupported result is
 * allowed when every thing it lacks is named; one without `lacks` (the implementation declined the
 * whole case) only by `all`.
 */
export class AllowUnsupported {
  private readonly names: ReadonlySet<string>

  constructor(names: readonly string[] = []) {
    const bad = names.filter((n) => n !== 'all' && !(n in FEATURES) && !isOpName(n))
    if (bad.length) {
      throw new Error(
        `--allow-unsupported: unknown ${bad.map((b) => JSON.stringify(b)).join(', ')} (expected a feature — ${Object.keys(FEATURES).join(', ')} — an op as op:NAME, or all)`,
      )
    }
    this.names = new Set(names)
  }

  get size(): number {
    return this.names.size
  }

  /** The expectation an unsupported result gets from the option, or null if it names not all it lacks. */
  allows(lacks: readonly string[] | undefined): Allowed | null {
    if (this.names.has('all')) return { statuses: ['pass', 'unsupported'], reason: '--allow-unsupported all' }
    if (!lacks?.length || !lacks.every((l) => this.names.has(l))) return null
    return { statuses: ['pass', 'unsupported'], reason: `--allow-unsupported ${lacks.join(' ')}` }
  }
}

const isOpName = (n: string): boolean => n.startsWith('op:') && (OP_NAMES as readonly string[]).includes(n.slice(3))

/** Whether a result with `status` is unexpected under `allowed`. */
export const isUnexpected = (status: Status, allowed: Allowed | null): boolean =>
  !(allowed?.statuses ?? ALLOWED_BY_DEFAULT).includes(status)
