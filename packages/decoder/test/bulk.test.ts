// scan() and decodeColumns() agree with decode() on valid streams and fail the same way on bad ones.
import { describe, expect, it } from 'vitest'
import { DecodeError, decode, decodeColumns, encode, RecordCursor, scan } from '../src/index.js'

const records = [
  { kind: 'key' as const, event: 'updated', watchId: 1, keyId: 0xdeadbeef, aux: 0 },
  { kind: 'loss' as const },
  { kind: 'removal' as const, watchId: 3, id: 0x1_0000_0002n },
  { kind: 'key' as const, event: 'linked', watchId: 200, keyId: 4, aux: 9 },
]

describe.each(['little', 'big'] as const)('%s-endian', (endian) => {
  const bytes = encode(records, { endian })
  const objects = decode(bytes, { endian })

  it('decodeColumns gives the header fields and payload words of every record', () => {
    const c = decodeColumns(bytes, { endian })
    expect(c.count).toBe(4)
    expect(Array.from(c.offset)).toEqual(objects.map((r) => r.offset))
    expect(Array.from(c.length)).toEqual(objects.map((r) => r.length))
    expect(Array.from(c.type)).toEqual(objects.map((r) => r.type))
    expect(Array.from(c.subtype)).toEqual(objects.map((r) => r.subtype))
    expect(Array.from(c.watchId)).toEqual(objects.map((r) => r.watchId))
    expect(Array.from(c.info)).toEqual(objects.map((r) => r.info))
    expect([c.word2[0], c.word3[0], c.word2[3], c.word3[3]]).toEqual([0xdeadbeef, 0, 4, 9])
    expect([c.word2[1], c.word3[1]]).toEqual([0, 0])
  })

  it('scan visits every record with its header fields', () => {
    const seen: number[][] = []
    const n = scan(bytes, { endian }, (offset, length, type, subtype, info) =>
      seen.push([offset, length, type, subtype, info]),
    )
    expect(n).toBe(4)
    expect(seen).toEqual(objects.map((r) => [r.offset, r.length, r.type, r.subtype, r.info]))
  })
})

it('fails like decode() on malformed input', () => {
  const bad = new Uint8Array([...encode([{ kind: 'loss' }], { endian: 'little' }), 1, 0, 0, 1, 0x7f, 0, 0, 0])
  const codeOf = (f: () => unknown) => {
    try {
      f()
    } catch (e) {
      return e instanceof DecodeError ? [e.code, e.offset] : e
    }
  }
  const expected = codeOf(() => decode(bad, { endian: 'little' }))
  expect(expected).toEqual(['truncated', 8])
  expect(codeOf(() => decodeColumns(bad, { endian: 'little' }))).toEqual(expected)
  expect(codeOf(() => scan(bad, { endian: 'little' }, () => {}))).toEqual(expected)
})

describe('RecordCursor', () => {
  it.each(['little', 'big'] as const)(
    'walks %s-endian records with their header fields and payload words',
    (endian) => {
      const bytes = encode(records, { endian })
      const c = new RecordCursor(bytes, { endian })
      const seen: unknown[] = []
      while (c.next()) seen.push([c.offset, c.length, c.type, c.subtype, c.info, c.u32(8), c.u32(12), c.u64(8)])
      const objects = decode(bytes, { endian })
      expect(seen.map((s) => (s as number[]).slice(0, 5))).toEqual(
        objects.map((r) => [r.offset, r.length, r.type, r.subtype, r.info]),
      )
      expect(seen[0]).toEqual([0, 16, 1, 1, 0x110, 0xdeadbeef, 0, expect.any(BigInt)])
      expect((seen[1] as unknown[]).slice(5)).toEqual([0, 0, 0n]) // an 8-byte LOSS has no payload
      expect((seen[2] as unknown[])[7]).toBe(0x1_0000_0002n)
      expect(c.next()).toBe(false)
    },
  )

  it('reads unaligned input through the DataView', () => {
    const bytes = encode(records, { endian: 'little' })
    const shifted = new Uint8Array(bytes.length + 1).subarray(1)
    shifted.set(bytes)
    const c = new RecordCursor(shifted, { endian: 'little' })
    c.next()
    expect([c.u32(8), c.u32(12)]).toEqual([0xdeadbeef, 0])
  })

  it('throws the DecodeError decode() throws', () => {
    const bad = new Uint8Array([...encode([{ kind: 'loss' }], { endian: 'little' }), 1, 0, 0, 1, 0x7f, 0, 0, 0])
    const c = new RecordCursor(bad, { endian: 'little' })
    expect(c.next()).toBe(true)
    expect(() => c.next()).toThrow(expect.objectContaining({ code: 'truncated', offset: 8 }))
  })
})
