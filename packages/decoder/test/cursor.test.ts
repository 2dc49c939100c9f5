// The generated, layout-specialised cursors (openCursor) agree with the generic RecordCursor and with
// decode() for every revision and byte order, on golden streams and on mutated ones.
import { REVISIONS } from '@watchq/spec'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecodeError, decode, encode, openCursor, REVISION_IDS, RecordCursor } from '../src/index.js'
import { recordArb, SEED } from './support/arbitraries.js'
import { oracleStream } from './support/oracle.js'

type Walk = { records: number[][] } | { error: [string, number] }

function walk(c: RecordCursor): Walk {
  const records: number[][] = []
  try {
    while (c.next()) records.push([c.offset, c.length, c.type, c.subtype, c.info, c.u32(8), c.u32(12)])
    return { records }
  } catch (e) {
    if (e instanceof DecodeError) return { error: [e.code, e.offset] }
    throw e
  }
}

function viaDecode(bytes: Uint8Array, opts: { revision: string; endian: 'little' | 'big' }): Walk {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const word = (at: number, rel: number, len: number) =>
      rel + 4 > len ? 0 : view.getUint32(at + rel, opts.endian === 'little')
    return {
      records: decode(bytes, opts).map((r) => [
        r.offset,
        r.length,
        r.type,
        r.subtype,
        r.info,
        word(r.offset, 8, r.length),
        word(r.offset, 12, r.length),
      ]),
    }
  } catch (e) {
    if (e instanceof DecodeError) return { error: [e.code, e.offset] }
    throw e
  }
}

const combos = REVISION_IDS.flatMap((revision) => (['little', 'big'] as const).map((endian) => ({ revision, endian })))

describe.each(combos)('$revision $endian', (opts) => {
  it('openCursor picks a specialised class that walks the golden stream like decode()', () => {
    const rev = REVISIONS.find((r) => r.id === opts.revision)!
    const { bytes } = oracleStream(rev, opts.endian)
    const c = openCursor(bytes, opts)
    expect(c).toBeInstanceOf(RecordCursor)
    expect(c.constructor).not.toBe(RecordCursor)
    const expected = viaDecode(bytes, opts)
    expect(walk(c)).toEqual(expected)
    expect(walk(new RecordCursor(bytes, opts))).toEqual(expected)
  })

  it('agrees with the generic cursor and decode() on mutated streams', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb(opts.revision), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.boolean(),
        (records, mutations, unaligned) => {
          const encoded = encode(records, opts)
          const bytes = unaligned ? new Uint8Array(encoded.length + 1).subarray(1) : new Uint8Array(encoded.length)
          bytes.set(encoded)
          for (const [pos, value] of mutations) bytes[pos % bytes.length] = value
          const expected = viaDecode(bytes, opts)
          expect(walk(openCursor(bytes, opts))).toEqual(expected)
          expect(walk(new RecordCursor(bytes, opts))).toEqual(expected)
        },
      ),
      { seed: SEED, numRuns: 60 },
    )
  })
})

it('openCursor reports unknown revisions and byte orders like decode()', () => {
  expect(() => openCursor(new Uint8Array(0), { revision: 'mmap-v9' })).toThrow(/unknown revision "mmap-v9"/)
  expect(() => openCursor(new Uint8Array(0), { endian: 'middle' as 'big' })).toThrow(/endian must be/)
})
