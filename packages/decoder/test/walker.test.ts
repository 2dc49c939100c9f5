// The bulk API, openWalker, and every walker class generated for it (src/generated/walkers.ts: per
// layout and byte order, a `…Words` class reading a host-order Uint32Array and a `…View` class
// reading a DataView) report what decode() does for every revision and byte order: on golden
// streams and mutated ones, aligned and unaligned, errors (code and offset) included; and read 0
// outside a record, before it as well as after it.
import { REVISIONS } from '@watchq/spec'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WALKERS } from '../src/generated/walkers.js'
import * as lib from '../src/index.js'
import { decode, encode, HOST_ENDIAN, openWalker, REVISION_IDS, type Walker } from '../src/index.js'
import { resolve } from '../src/options.js'
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

function walk(w: Walker): Walk {
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

type Opts = { revision: string; endian: 'little' | 'big' }

/**
 * Both generated classes of the revision and byte order, constructed directly over `bytes`. The
 * `…Words` class gets the input's words in the records' byte order: on this host, for the other
 * byte order, a converted copy, which is what the class would see on a host of that order (its
 * unaligned reads and u64 go through the DataView over `bytes`, as they would there).
 */
function everyClass(bytes: Uint8Array, opts: Opts): [string, Walker][] {
  const r = resolve(opts)
  const pair = WALKERS[opts.revision]![opts.endian]
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const words =
    opts.endian === HOST_ENDIAN && bytes.byteOffset % 4 === 0
      ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2)
      : Uint32Array.from({ length: bytes.length >>> 2 }, (_, i) => view.getUint32(4 * i, r.little))
  return [
    [pair.words.name, new pair.words(bytes, r, words)],
    [pair.view.name, new pair.view(bytes, r, null)],
  ]
}

const combos: Opts[] = REVISION_IDS.flatMap((revision) =>
  (['little', 'big'] as const).map((endian) => ({ revision, endian })),
)

describe.each(combos)('$revision $endian', (opts) => {
  const rev = REVISIONS.find((r) => r.id === opts.revision)!
  const { bytes } = oracleStream(rev, opts.endian)

  it('openWalker and both generated classes walk the golden stream like decode()', () => {
    const expected = viaDecode(bytes, opts, FIELDS)
    expect('records' in expected && expected.records.length).toBeGreaterThanOrEqual(rev.records.length)
    const w = openWalker(bytes, opts)
    expect(w.constructor.name).toMatch(opts.endian === HOST_ENDIAN ? /Words$/ : /View$/)
    expect(walk(w)).toEqual(expected)
    for (const [name, c] of everyClass(bytes, opts)) expect(walk(c), name).toEqual(expected)
  })

  it('every class reads 0 outside each record of the golden stream, before it as well as after it', () => {
    const shifted = new Uint8Array(bytes.length + 1).subarray(1) // the View class over unaligned input too
    shifted.set(bytes)
    const walkers = [...everyClass(bytes, opts), ...everyClass(shifted, opts), ['openWalker', openWalker(bytes, opts)]]
    for (const [name, w] of walkers as [string, Walker][]) {
      for (let at = w.first(); at !== -1; at = w.next(at)) {
        const len = w.length(at)
        const where = `${name}, record at ${at} (${len} bytes)`
        expect([w.u32(at, -4), w.u32(at, -1), w.u32(at, -8), w.u32(at, -at - 4)], where).toEqual([0, 0, 0, 0])
        expect([w.u32(at, len - 3), w.u32(at, len)], where).toEqual([0, 0])
        expect([w.u64(at, -8), w.u64(at, -1), w.u64(at, -at - 8), w.u64(at, len - 7)], where).toEqual([0n, 0n, 0n, 0n])
        expect([w.u32(at, 4), w.u32(at, len - 4)], where).toEqual([w.info(at), w.word(at, len - 4)]) // the edges inside
      }
    }
  })

  it('agrees with decode() on mutated streams, aligned or not, in every class', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb(opts.revision), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.nat({ max: 3 }),
        (records, mutations, shift) => {
          const encoded = encode(records, opts)
          const input = new Uint8Array(encoded.length + shift).subarray(shift)
          input.set(encoded)
          for (const [pos, value] of mutations) input[pos % input.length] = value
          const expected = viaDecode(input, opts, FIELDS)
          expect(walk(openWalker(input, opts))).toEqual(expected)
          for (const [name, c] of everyClass(input, opts)) expect(walk(c), name).toEqual(expected)
        },
      ),
      { seed: SEED, numRuns: 60 },
    )
  })
})

describe('openWalker', () => {
  const records = [
    { kind: 'key' as const, event: 'updated', watchId: 1, keyId: 0xdeadbeef, aux: 0 },
    { kind: 'loss' as const },
    { kind: 'removal' as const, watchId: 3, id: 0x1_0000_0002n },
    { kind: 'key' as const, event: 'linked', watchId: 200, keyId: 4, aux: 9 },
  ]

  it.each(['little', 'big'] as const)('reads the header fields and payload of %s-endian records', (endian) => {
    const bytes = encode(records, { endian })
    const w = openWalker(bytes, { endian })
    const seen: (number | bigint)[][] = []
    for (let at = w.first(); at !== -1; at = w.next(at))
      seen.push([
        at,
        w.length(at),
        w.type(at),
        w.subtype(at),
        w.info(at),
        w.watchId(at),
        w.u32(at, 8),
        w.u32(at, 12),
        w.u64(at, 8),
      ])
    expect(seen.map((s) => s.slice(0, 6))).toEqual(
      decode(bytes, { endian }).map((r) => [r.offset, r.length, r.type, r.subtype, r.info, r.watchId]),
    )
    expect(seen[0]).toEqual([0, 16, 1, 1, 0x110, 1, 0xdeadbeef, 0, expect.any(BigInt)])
    expect(seen[1]!.slice(6)).toEqual([0, 0, 0n]) // an 8-byte LOSS has no payload
    expect(seen[2]![8]).toBe(0x1_0000_0002n)
    expect(seen[3]!.slice(5, 8)).toEqual([200, 4, 9])
  })

  it('reads words where the input allows it and the DataView otherwise', () => {
    const bytes = encode(records, { endian: 'little' })
    const aligned = new Uint8Array(bytes.length)
    aligned.set(bytes)
    const odd = new Uint8Array(bytes.length + 1).subarray(1)
    odd.set(bytes)
    const host = HOST_ENDIAN === 'little' ? 'LE' : 'BE'
    expect(openWalker(aligned, { endian: HOST_ENDIAN }).constructor.name).toMatch(new RegExp(`${host}Words$`))
    expect(openWalker(odd, { endian: HOST_ENDIAN }).constructor.name).toMatch(new RegExp(`${host}View$`))
    const other = HOST_ENDIAN === 'little' ? 'big' : 'little'
    expect(openWalker(aligned, { endian: other }).constructor.name).toMatch(/View$/)
    const w = openWalker(odd, { endian: 'little' })
    expect([w.u32(0, 8), w.u32(0, 12), w.word(0, 8)]).toEqual([0xdeadbeef, 0, 0xdeadbeef])
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
    const second = w.next(w.first())
    expect(second).toBe(9)
    expect([w.type(second), w.subtype(second), w.u32(second, 8), w.u32(second, 12)]).toEqual([1, 1, 0x01020304, 5])
    expect([w.word(second, 8), w.word(second, 12)]).toEqual([0x01020304, 5])
    expect([w.u32(second, -4), w.u64(second, -8), w.u64(second, 8)]).toEqual([0, 0n, (5n << 32n) | 0x01020304n])
    expect(w.next(second)).toBe(-1)
  })

  it('u32 and u64 read 0 outside the record, on both sides (a record before it in the buffer)', () => {
    const key = encode([{ kind: 'key', event: 'updated', keyId: 0x01020304, aux: 5 }], { endian: 'little' })
    const bytes = new Uint8Array(32)
    bytes.set(key)
    bytes.set(key, 16)
    const odd = new Uint8Array(33).subarray(1)
    odd.set(bytes)
    for (const w of [openWalker(bytes, { endian: 'little' }), openWalker(odd, { endian: 'little' })]) {
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
    // a LOSS record, then a header whose length (0x7f) runs past the end
    const truncated = new Uint8Array([...encode([{ kind: 'loss' }], { endian: 'little' }), 1, 0, 0, 1, 0x7f, 0, 0, 0])
    expect(() => decode(truncated, { endian: 'little' })).toThrow(
      expect.objectContaining({ code: 'truncated', offset: 8 }),
    )
    const t = openWalker(truncated, { endian: 'little' })
    expect(t.first()).toBe(0)
    expect(() => t.next(0)).toThrow(expect.objectContaining({ code: 'truncated', offset: 8 }))
  })

  it('reports unknown revisions and byte orders like decode()', () => {
    expect(() => openWalker(new Uint8Array(0), { revision: 'mmap-v9' })).toThrow(/unknown revision "mmap-v9"/)
    expect(() => openWalker(new Uint8Array(0), { endian: 'middle' as 'big' })).toThrow(/endian must be/)
    expect(openWalker(new Uint8Array(0)).first()).toBe(-1)
  })

  it('is the only bulk API the package exports', () => {
    for (const gone of ['scan', 'decodeColumns', 'openCursor', 'RecordCursor', 'RecordWalker'])
      expect(Object.keys(lib)).not.toContain(gone)
    expect(typeof lib.openWalker).toBe('function')
  })
})
