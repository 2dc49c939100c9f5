// Compares one step's observation with its expectation. The first alternative that matches wins
// and its new bindings are kept; when none matches, the mismatch of each is described in one line.
import type { JsonValue } from '@watchq/decoder'
import { canonicalHex, type Expectation, isRef, type Observation, type Outcome, type RecordPattern } from '@watchq/spec'
import { type DecodeContext, decodeObserved } from '../cases/observed.js'
import { outcomes } from '../cases/outcomes.js'
import { type Bindings, matchValue } from './bindings.js'

export type Comparison =
  | { readonly ok: true }
  | { readonly ok: false; readonly what: string; readonly decoded?: JsonValue[] }

const show = (v: unknown) => (typeof v === 'string' && !isRef(v) ? JSON.stringify(v) : String(v))

export function compareStep(
  expect: Expectation | undefined,
  observed: Observation,
  b: Bindings,
  ctx: DecodeContext,
): Comparison {
  if (!expect) return { ok: true }
  const alts = outcomes(expect)
  const misses: string[] = []
  let decoded: JsonValue[] | undefined
  for (const alt of alts) {
    const trial = b.fork()
    const r = compareOutcome(alt, observed, trial, ctx)
    if (r.ok) {
      b.adopt(trial)
      return r
    }
    misses.push(r.what)
    decoded ??= r.decoded
  }
  const what = misses.length === 1 ? misses[0]! : misses.map((m, i) => `alternative ${i + 1}: ${m}`).join('; ')
  return decoded ? { ok: false, what, decoded } : { ok: false, what }
}

function describeResult(o: Observation): string {
  if (o.errno !== undefined) return o.errno
  if (o.ret !== undefined) return `ret ${o.ret}`
  return 'no result'
}

function compareOutcome(want: Outcome, got: Observation, b: Bindings, ctx: DecodeContext): Comparison {
  if (want.errno !== undefined && got.errno !== want.errno) {
    return { ok: false, what: `expected ${want.errno}, observed ${describeResult(got)}` }
  }
  // Anything but an errno expectation implies success.
  if (want.errno === undefined && got.errno !== undefined) {
    const w = want.ret !== undefined ? `ret ${show(want.ret)}` : 'success'
    return { ok: false, what: `expected ${w}, observed ${got.errno}` }
  }
  if (want.ret !== undefined && !matchValue(want.ret, got.ret, b, isRef)) {
    return {
      ok: false,
      what: `expected ret ${show(want.ret)}${boundNote(want.ret, b)}, observed ${describeResult(got)}`,
    }
  }
  if (want.value !== undefined && !matchValue(want.value, got.value, b, isRef)) {
    return { ok: false, what: `expected value ${show(want.value)}, observed ${got.value ?? 'none'}` }
  }
  if (want.revents !== undefined) {
    const w = [...want.revents].sort().join('|') || 'none'
    const g = got.revents ? [...got.revents].sort().join('|') || 'none' : 'no revents'
    if (w !== g) return { ok: false, what: `expected revents ${w}, observed ${g}` }
  }
  if (want.flags !== undefined) {
    const w = [...want.flags].sort().join('|') || 'none'
    const g = got.flags ? [...got.flags].sort().join('|') || 'none' : 'no flags'
    if (w !== g) return { ok: false, what: `expected flags ${w}, observed ${g}` }
  }
  if (want.bytes !== undefined) {
    const w = canonicalHex(want.bytes)
    const g = got.bytes === undefined ? undefined : canonicalHex(got.bytes)
    if (w !== g) return { ok: false, what: `expected bytes ${w || '(none)'}, observed ${g ?? 'no bytes'}` }
  }
  if (want.records !== undefined) return compareRecords(want.records, got, b, ctx)
  return { ok: true }
}

function boundNote(v: unknown, b: Bindings): string {
  if (!isRef(v)) return ''
  const have = b.get(v as string)
  return have === undefined ? '' : ` (= ${have})`
}

/** Patterns with `repeat` written out, one per record. */
export function expandPatterns(want: readonly RecordPattern[]): Omit<RecordPattern, 'repeat'>[] {
  return want.flatMap(({ repeat, ...p }) => Array.from({ length: repeat ?? 1 }, () => p))
}

function compareRecords(
  patterns: readonly RecordPattern[],
  got: Observation,
  b: Bindings,
  ctx: DecodeContext,
): Comparison {
  const want = expandPatterns(patterns)
  if (got.bytes === undefined) return { ok: false, what: `expected ${want.length} record(s), observed no bytes` }
  const d = decodeObserved(got.bytes, ctx)
  if ('error' in d) return { ok: false, what: d.error }
  const records = d.records
  for (let i = 0; i < Math.min(want.length, records.length); i++) {
    const rec = records[i] as Record<string, JsonValue>
    for (const [field, expected] of Object.entries(want[i]!)) {
      const observed = rec[field]
      const value = typeof observed === 'number' || typeof observed === 'string' ? observed : undefined
      if (!matchValue(expected, value, b, isRef)) {
        return {
          ok: false,
          what: `records[${i}].${field}: expected ${show(expected)}${boundNote(expected, b)}, observed ${observed === undefined ? 'no such field' : show(observed)}`,
          decoded: records,
        }
      }
    }
  }
  if (want.length !== records.length) {
    const extra = records.length > want.length ? `; first extra: ${JSON.stringify(records[want.length])}` : ''
    return {
      ok: false,
      what: `expected ${want.length} record(s), observed ${records.length}${extra}`,
      decoded: records,
    }
  }
  return { ok: true }
}
