// Seeded property tests: encode∘decode is the identity for every revision and byte order; random
// and mutated bytes only ever raise DecodeError and always terminate; the stream decoder (however
// the input is chunked) and the walker agree with decode() on the same input.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  DecodeError,
  decode,
  encode,
  openWalker,
  type RecordInput,
  StreamDecoder,
  type WatchRecord,
} from '../src/index.js'
import { COMBOS, recordArb, SEED, seedBanner } from './support/arbitraries.js'

beforeAll(seedBanner)

/** Outcome of a decoder: its records, or the DecodeError code and offset. Anything else rethrows. */
function outcome(f: () => readonly WatchRecord[]): unknown {
  try {
    return f()
  } catch (e) {
    if (e instanceof DecodeError) return { code: e.code, offset: e.offset }
    throw e
  }
}

/** A small seeded PRNG (xorshift32) for bulk random bytes. */
function xorshift(seed: number) {
  let x = seed | 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
}

const payloadOf = (r: RecordInput | WatchRecord) => {
  const { offset: _o, length: _l, info: _i, type: _t, event: _e, reason: _r, ...rest } = r as Record<string, unknown>
  return rest
}

describe.each(COMBOS)('$revision $endian', ({ revision, endian }) => {
  const opts = { revision, endian }
  it('decode(encode(records)) gives the records back, and re-encodes to the same bytes', () => {
    fc.assert(
      fc.property(fc.array(recordArb(revision), { maxLength: 12 }), (records) => {
        const bytes = encode(records, opts)
        const decoded = decode(bytes, { ...opts, strict: true })
        expect(decoded.map(payloadOf)).toEqual(records.map(payloadOf))
        expect(encode(decoded, opts)).toEqual(bytes)
      }),
      { seed: SEED, numRuns: 40 },
    )
  })
})

describe('hostile input', () => {
  it('random bytes (10^6 inputs) only ever raise DecodeError, in every revision and byte order', () => {
    let inputs = 0
    // Nearly every random input throws; capturing a stack per error would be most of the cost.
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    // Each run expands one drawn seed into 1,000 inputs: fast-check stays in charge of seeding and
    // reporting, and the time goes into decoding rather than into generating arrays.
    fc.assert(
      fc.property(fc.constantFrom(...COMBOS), fc.integer(), (opts, batchSeed) => {
        const next = xorshift(batchSeed)
        const buf = new Uint8Array(40)
        for (let i = 0; i < 1000; i++) {
          const bytes = buf.subarray(0, next() % 41)
          for (let k = 0; k < bytes.length; k++) bytes[k] = next() & 0xff
          outcome(() => decode(bytes, opts))
          inputs++
        }
      }),
      { seed: SEED, numRuns: 1_000 },
    )
    Error.stackTraceLimit = limit
    expect(inputs).toBe(1_000_000)
  }, 60_000)

  it('mutated valid streams: decode, the stream decoder (random chunks) and openWalker agree', () => {
    const arb = fc
      .constantFrom(...COMBOS)
      .chain((opts) =>
        fc.tuple(
          fc.constant(opts),
          fc.array(recordArb(opts.revision), { minLength: 1, maxLength: 8 }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
          fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 8 }),
        ),
      )
    fc.assert(
      fc.property(arb, ([opts, records, mutations, chunkSizes]) => {
        const bytes = encode(records, opts)
        for (const [pos, value] of mutations) bytes[pos % bytes.length] = value
        const expected = outcome(() => decode(bytes, opts))
        const streamed = outcome(() => {
          const d = new StreamDecoder(opts)
          const out: WatchRecord[] = []
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const n = chunkSizes[i % chunkSizes.length]!
            out.push(...d.push(bytes.subarray(at, at + n)))
            at += n
          }
          d.end()
          return out
        })
        const walked = outcome(() => {
          const w = openWalker(bytes, opts)
          const offsets: number[] = []
          for (let at = w.first(); at !== -1; at = w.next(at)) offsets.push(at)
          return offsets as unknown as WatchRecord[]
        })
        if (Array.isArray(expected)) {
          expect(streamed).toEqual(expected)
          expect(walked).toEqual(expected.map((r: WatchRecord) => r.offset))
        } else {
          // The stream may see a bad header before a later truncation is known, or vice versa at the end.
          expect(streamed).toMatchObject({ code: expect.any(String) })
          expect(walked).toEqual(expected)
        }
      }),
      { seed: SEED, numRuns: 3_000 },
    )
  })
})
