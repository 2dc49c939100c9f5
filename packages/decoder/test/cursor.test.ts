// The generated, layout-specialised cursors (openCursor) agree with the generic RecordCursor and with
// decode() for every revision and byte order, on golden streams and on mutated ones.
import { REVISIONS } from '@watchq/spec'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encode, openCursor, REVISION_IDS, RecordCursor } from '../src/index.js'
import { recordArb, SEED } from './support/arbitraries.js'
import { oracleStream } from './support/oracle.js'
import { viaDecode, type Walk, walkOrError } from './support/walk.js'

const FIELDS = ['offset', 'length', 'type', 'subtype', 'info', 'u32@8', 'u32@12'] as const

function walk(c: RecordCursor): Walk {
  return walkOrError(() => {
    const records: number[][] = []
    while (c.next()) records.push([c.offset, c.length, c.type, c.subtype, c.info, c.u32(8), c.u32(12)])
    return records
  })
}

const combos = REVISION_IDS.flatMap((revision) => (['little', 'big'] as const).map((endian) => ({ revision, endian })))

describe.each(combos)('$revision $endian', (opts) => {
  it('openCursor picks a specialised class that walks the golden stream like decode()', () => {
    const rev = REVISIONS.find((r) => r.id === opts.revision)!
    const { bytes } = oracleStream(rev, opts.endian)
    const c = openCursor(bytes, opts)
    expect(c).toBeInstanceOf(RecordCursor)
    expect(c.constructor).not.toBe(RecordCursor)
    const expected = viaDecode(bytes, opts, FIELDS)
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
          const expected = viaDecode(bytes, opts, FIELDS)
          expect(walk(openCursor(bytes, opts))).toEqual(expected)
          expect(walk(new RecordCursor(bytes, opts))).toEqual(expected)
        },
      ),
      { seed: SEED, numRuns: 60 },
    )
  })
})

it('u32 and u64 read 0 outside the current record, on both sides, generated or generic', () => {
  const key = encode([{ kind: 'key', event: 'updated', keyId: 0x01020304, aux: 5 }], { endian: 'little' })
  const bytes = new Uint8Array(32)
  bytes.set(key)
  bytes.set(key, 16)
  for (const c of [openCursor(bytes, { endian: 'little' }), new RecordCursor(bytes, { endian: 'little' })]) {
    expect(c.next() && c.next()).toBe(true) // the second record: the first lies before it
    expect([c.u32(-4), c.u32(-8), c.u32(12), c.u32(13), c.u32(16)]).toEqual([0, 0, 5, 0, 0])
    expect([c.u64(-8), c.u64(9), c.u64(8)]).toEqual([0n, 0n, (5n << 32n) | 0x01020304n])
  }
})

it('openCursor reports unknown revisions and byte orders like decode()', () => {
  expect(() => openCursor(new Uint8Array(0), { revision: 'mmap-v9' })).toThrow(/unknown revision "mmap-v9"/)
  expect(() => openCursor(new Uint8Array(0), { endian: 'middle' as 'big' })).toThrow(/endian must be/)
})
