// The walkers (openWalker: generated per layout and byte order, words or DataView; RecordWalker:
// the generic reference) report what decode() does for every revision and byte order, on golden
// streams and mutated ones, in aligned and unaligned buffers, errors included.
import { REVISIONS } from '@watchq/spec'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encode, openWalker, REVISION_IDS, RecordWalker } from '../src/index.js'
import { recordArb, SEED } from './support/arbitraries.js'
import { oracleStream } from './support/oracle.js'
import { viaDecode, type Walk, walkOrError } from './support/walk.js'

const FIELDS = [
  'offset',
  'length',
  'type',
  'subtype',
  'info',
  'watchId',
  'typeInfo',
  'u32@8',
  'u32@12',
  'word@8',
  'word@12',
  'u64@8',
] as const

function walk(w: RecordWalker): Walk {
  return walkOrError(() => {
    const records: (number | bigint)[][] = []
    for (let at = w.first(); at !== -1; at = w.next(at))
      records.push([
        at,
        w.length(at),
        w.type(at),
        w.subtype(at),
        w.info(at),
        w.watchId(at),
        w.typeInfo(at),
        w.u32(at, 8),
        w.u32(at, 12),
        // word() is for loops that check the length first, as this one does
        w.length(at) >= 12 ? w.word(at, 8) : 0,
        w.length(at) >= 16 ? w.word(at, 12) : 0,
        w.u64(at, 8),
      ])
    return records
  })
}

const combos = REVISION_IDS.flatMap((revision) => (['little', 'big'] as const).map((endian) => ({ revision, endian })))

describe.each(combos)('$revision $endian', (opts) => {
  it('openWalker picks a specialised class that walks the golden stream like decode()', () => {
    const rev = REVISIONS.find((r) => r.id === opts.revision)!
    const { bytes } = oracleStream(rev, opts.endian)
    const w = openWalker(bytes, opts)
    expect(w).toBeInstanceOf(RecordWalker)
    expect(w.constructor).not.toBe(RecordWalker)
    const expected = viaDecode(bytes, opts, FIELDS)
    expect('records' in expected && expected.records.length).toBeGreaterThan(0)
    expect(walk(w)).toEqual(expected)
    expect(walk(new RecordWalker(bytes, opts))).toEqual(expected)
  })

  it('agrees with the generic walker and decode() on mutated streams, aligned or not', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb(opts.revision), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.nat({ max: 3 }),
        (records, mutations, shift) => {
          const encoded = encode(records, opts)
          const bytes = new Uint8Array(encoded.length + shift).subarray(shift)
          bytes.set(encoded)
          for (const [pos, value] of mutations) bytes[pos % bytes.length] = value
          const expected = viaDecode(bytes, opts, FIELDS)
          expect(walk(openWalker(bytes, opts))).toEqual(expected)
          expect(walk(new RecordWalker(bytes, opts))).toEqual(expected)
        },
      ),
      { seed: SEED, numRuns: 60 },
    )
  })
})

describe('openWalker', () => {
  it('reads words where the input allows it and the DataView otherwise', () => {
    const bytes = encode([{ kind: 'key', event: 'linked', keyId: 7, aux: 9 }], { endian: 'little' })
    const aligned = new Uint8Array(bytes.length)
    aligned.set(bytes)
    const odd = new Uint8Array(bytes.length + 1).subarray(1)
    odd.set(bytes)
    expect(openWalker(aligned, { endian: 'little' }).constructor.name).toMatch(/LEWords$/)
    expect(openWalker(odd, { endian: 'little' }).constructor.name).toMatch(/LEView$/)
    expect(openWalker(aligned, { endian: 'big' }).constructor.name).toMatch(/BEView$/)
  })

  it('handles records at unaligned offsets in an aligned buffer (a 9-byte record first)', () => {
    // pipe revisions count lengths in bytes, so a record may start at any offset
    const key = encode([{ kind: 'key', event: 'updated', keyId: 0x01020304, aux: 5 }], { endian: 'little' })
    const skip = new Uint8Array(9)
    new DataView(skip.buffer).setUint32(4, 9, true) // a removal record (type 0, subtype 0) of 9 bytes
    const bytes = new Uint8Array(9 + key.length)
    bytes.set(skip)
    bytes.set(key, 9)
    const w = openWalker(bytes, { endian: 'little' })
    expect(w.constructor.name).toMatch(/Words$/)
    const second = w.next(w.first())
    expect(second).toBe(9)
    expect([w.type(second), w.subtype(second), w.u32(second, 8), w.u32(second, 12)]).toEqual([1, 1, 0x01020304, 5])
    expect([w.word(second, 8), w.word(second, 12)]).toEqual([0x01020304, 5])
    expect(w.next(second)).toBe(-1)
  })

  it('u32 and u64 read 0 outside the record, on both sides, in every walker class', () => {
    const key = encode([{ kind: 'key', event: 'updated', keyId: 0x01020304, aux: 5 }], { endian: 'little' })
    const bytes = new Uint8Array(32)
    bytes.set(key)
    bytes.set(key, 16)
    const odd = new Uint8Array(33).subarray(1)
    odd.set(bytes)
    for (const w of [
      openWalker(bytes, { endian: 'little' }),
      openWalker(odd, { endian: 'little' }),
      new RecordWalker(bytes, { endian: 'little' }),
    ]) {
      const second = w.next(w.first())
      expect([w.u32(second, -4), w.u32(second, -8), w.u32(second, 12), w.u32(second, 13), w.u32(second, 16)]).toEqual([
        0, 0, 5, 0, 0,
      ])
      expect([w.u64(second, -8), w.u64(second, 9), w.u64(second, 8)]).toEqual([0n, 0n, (5n << 32n) | 0x01020304n])
    }
  })

  it('throws the DecodeError decode() throws, at the same offset', () => {
    const bad = new Uint8Array(20) // a 16-byte record, then 4 bytes: a short header at 16
    new DataView(bad.buffer).setUint32(4, 16, true)
    const w = openWalker(bad, { endian: 'little' })
    expect(() => w.next(w.first())).toThrow(expect.objectContaining({ code: 'short-header', offset: 16 }))
    new DataView(bad.buffer).setUint32(4, 0, true) // length 0
    expect(() => openWalker(bad, { endian: 'little' }).first()).toThrow(
      expect.objectContaining({ code: 'length-too-small', offset: 0 }),
    )
    expect(() => openWalker(new Uint8Array(4), { endian: 'little' }).first()).toThrow(/4 bytes left/)
  })

  it('reports unknown revisions and byte orders like decode()', () => {
    expect(() => openWalker(new Uint8Array(0), { revision: 'mmap-v9' })).toThrow(/unknown revision "mmap-v9"/)
    expect(() => openWalker(new Uint8Array(0), { endian: 'middle' as 'big' })).toThrow(/endian must be/)
    expect(openWalker(new Uint8Array(0)).first()).toBe(-1)
  })
})
