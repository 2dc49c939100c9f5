// mmap ring snapshots (May 2019 and ver #8 layouts): header fields, SKIP padding, wrap-around over
// the header, the May-2019 mask overwritten by the first record, overrun and lost flags.
import { describe, expect, it } from 'vitest'
import { DecodeError, decodeRing, encodeRing } from '../src/index.js'

const keys = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ kind: 'key' as const, event: 'updated', watchId: 4, keyId: 100 + i, aux: i }))
const summary = (s: ReturnType<typeof decodeRing>) =>
  s.records.map((r) => (r.kind === 'key' ? `key${r.keyId}@${r.offset}` : `${r.kind}@${r.offset}/${r.length}`))

describe.each([
  ['mmap-v1', 2],
  ['mmap-v8', 3],
] as const)('%s (header of %i slots)', (revision, metaSlots) => {
  it.each(['little', 'big'] as const)('%s-endian: records from tail to head, head/tail as written', (endian) => {
    const buf = encodeRing(keys(3), { revision, endian, slots: 32 })
    const s = decodeRing(buf, { revision, endian })
    expect([s.tail, s.head, s.slots, s.mask]).toEqual([metaSlots, metaSlots + 6, 32, 31])
    expect(summary(s)).toEqual([
      `key100@${metaSlots * 8}`,
      `key101@${metaSlots * 8 + 16}`,
      `key102@${metaSlots * 8 + 32}`,
    ])
  })

  it('wraps: SKIP padding to the end, then the header (a SKIP record itself), then the next record', () => {
    // 16 slots, starting at slot 13: the first record fits in 13-14, the second needs padding at 15.
    const s = decodeRing(encodeRing(keys(3), { revision, endian: 'little', slots: 16, start: 13 }), {
      revision,
      endian: 'little',
    })
    expect(summary(s)).toEqual([
      'key100@104',
      'skip@120/8',
      `skip@0/${metaSlots * 8}`,
      `key101@${metaSlots * 8}`,
      `key102@${metaSlots * 8 + 16}`,
    ])
    expect(s.head).toBe(16 + metaSlots + 4)
  })

  it('rejects a buffer that is not a power-of-two number of slots, and a head too far ahead', () => {
    expect(() => decodeRing(new Uint8Array(24 * 8), { revision })).toThrow(DecodeError)
    const buf = encodeRing(keys(1), { revision, endian: 'little', slots: 16 })
    new DataView(buf.buffer).setUint32(8, 100, true)
    expect(() => decodeRing(buf, { revision, endian: 'little' })).toThrow(expect.objectContaining({ code: 'bad-ring' }))
  })
})

it('May 2019: the first record overwrites the header mask, so the mask comes from the buffer size', () => {
  const s = decodeRing(encodeRing(keys(1), { revision: 'mmap-v1', endian: 'little', slots: 16 }), {
    revision: 'mmap-v1',
    endian: 'little',
  })
  // Slot 2 (bytes 16..23) holds the record's header word, not the mask 15.
  expect(s.headerMask).not.toBe(15)
  expect(s.mask).toBe(15)
  const v8 = decodeRing(encodeRing(keys(1), { revision: 'mmap-v8', endian: 'little', slots: 16 }), {
    revision: 'mmap-v8',
    endian: 'little',
  })
  expect(v8.headerMask).toBe(15)
})

it('ver #8: WATCH_INFO_NOTIFICATIONS_LOST in the header is reported as lost', () => {
  const opts = { revision: 'mmap-v8', endian: 'big' as const, slots: 16 }
  expect(decodeRing(encodeRing(keys(1), { ...opts, lost: true }), opts).lost).toBe(true)
  expect(decodeRing(encodeRing(keys(1), opts), opts).lost).toBe(false)
})

it('May 2019: records flagged WATCH_INFO_OVERRUN are listed', () => {
  const recs = [...keys(1), { ...keys(1)[0]!, info: 0x0400_0010 | 0x1 }]
  const s = decodeRing(encodeRing(recs, { revision: 'mmap-v1', endian: 'little', slots: 16 }), {
    revision: 'mmap-v1',
    endian: 'little',
  })
  expect(s.overrun).toEqual([1])
})

it('refuses non-ring revisions', () => {
  expect(() => decodeRing(new Uint8Array(128), { revision: 'mainline' })).toThrow(
    /^revision must be an mmap ring revision \(pre-v1, mmap-v1, .*, mmap-v8\), not "mainline"$/,
  )
})
