// decode(): hand-written kernel bytes (docs/semantics.md#record-formats,
// docs/semantics.md#byte-order-of-the-header), both byte orders, and every DecodeError code with
// the offset it names.
import { describe, expect, it } from 'vitest'
import { DecodeError, decode } from '../src/index.js'

const hex = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'))

function decodeError(bytes: Uint8Array, opts = {}): DecodeError {
  try {
    decode(bytes, opts)
  } catch (e) {
    if (e instanceof DecodeError) return e
    throw e
  }
  throw new Error('expected a DecodeError')
}

describe('mainline bytes as the kernel writes them', () => {
  // The x86_64 bytes of the UPDATED row in docs/semantics.md#byte-order-of-the-header.
  it('decodes an UPDATED key record on x86', () => {
    expect(decode(hex('01000001 10010000 d1d9b522 00000000'), { endian: 'little' })).toEqual([
      {
        offset: 0,
        length: 16,
        type: 1,
        subtype: 1,
        info: 0x110,
        watchId: 1,
        typeInfo: 0,
        kind: 'key',
        event: 'updated',
        keyId: 0x22b5d9d1,
        aux: 0,
      },
    ])
  })

  it('decodes the x86 LOSS record 00 00 00 01 08 00 00 00', () => {
    expect(decode(hex('00000001 08000000'), { endian: 'little' })).toMatchObject([{ kind: 'loss', length: 8, info: 8 }])
  })

  it('reads type from the top 24 bits and subtype from byte 3 on big-endian (s390x)', () => {
    // type 1 as a big-endian 24-bit field, subtype 2 (LINKED), info 0x210, key 0x0a, aux 0x0b
    const [rec] = decode(hex('00000102 00000210 0000000a 0000000b'), { endian: 'big' })
    expect(rec).toMatchObject({ kind: 'key', type: 1, subtype: 2, event: 'linked', watchId: 2, keyId: 10, aux: 11 })
  })

  it('decodes the 16-byte removal with the key serial as a u64', () => {
    const [rec] = decode(hex('00000000 10010000 d1d9b522 00000000'), { endian: 'little' })
    expect(rec).toMatchObject({ kind: 'removal', watchId: 1, id: 0x22b5d9d1n })
  })

  it('gives several records back to back with cumulative offsets', () => {
    const recs = decode(hex('00000001 08000000 01000001 10010000 05000000 00000000 00000001 08000000'), {
      endian: 'little',
    })
    expect(recs.map((r) => [r.offset, r.kind])).toEqual([
      [0, 'loss'],
      [8, 'key'],
      [24, 'loss'],
    ])
  })
})

describe('malformed input', () => {
  it.each([
    ['short-header', '01000001 100100', 0],
    ['short-header', '00000001 08000000 0100', 8],
    ['length-too-small', '01000001 00010000 00000000 00000000', 0],
    ['length-too-small', '00000001 07000000', 0],
    ['truncated', '01000001 10010000 05000000', 0],
    ['truncated', '00000001 08000000 01000001 7f000000 00000000 00000000', 8],
  ])('%s for %s at offset %i', (code, bytes, offset) => {
    const e = decodeError(hex(bytes), { endian: 'little' })
    expect([e.code, e.offset]).toEqual([code, offset])
    expect(e.message).toContain(`at byte offset ${offset}`)
  })

  it('never loops on a zero length', () => {
    expect(decodeError(new Uint8Array(64), { endian: 'little' }).code).toBe('length-too-small')
  })

  it('returns unknown records by default and rejects them in strict mode', () => {
    const bytes = hex('07000000 10000000 01020304 05060708') // type 7 does not exist in mainline
    const [rec] = decode(bytes, { endian: 'little' })
    expect(rec).toMatchObject({ kind: 'unknown', reason: 'unknown-type', type: 7, length: 16 })
    expect(rec?.kind === 'unknown' && Buffer.from(rec.bytes).toString('hex')).toBe(
      '0700000010000000 0102030405060708'.replace(' ', ''),
    )
    expect(decodeError(bytes, { endian: 'little', strict: true })).toMatchObject({ code: 'unknown-type', offset: 0 })
  })

  it('treats a key record shorter than its struct as unknown (strict: an error)', () => {
    const bytes = hex('01000001 0c010000 05000000')
    expect(decode(bytes, { endian: 'little' })).toMatchObject([{ kind: 'unknown', reason: 'record-too-short' }])
    expect(decodeError(bytes, { endian: 'little', strict: true }).code).toBe('record-too-short')
  })

  it('keeps an unknown key subtype as a key record with a null event', () => {
    expect(decode(hex('01000009 10000000 05000000 06000000'), { endian: 'little' })).toMatchObject([
      { kind: 'key', event: null, subtype: 9 },
    ])
  })

  it('rejects bad options with the known values', () => {
    expect(() => decode(new Uint8Array(0), { revision: 'mmap-v9' })).toThrow(
      /unknown revision "mmap-v9"; known: pre-v1/,
    )
    expect(() => decode(new Uint8Array(0), { endian: 'middle' as 'big' })).toThrow(/endian must be/)
  })
})

describe('older revisions', () => {
  it('May 2019: length in 8-byte slots at bits 3..8, watch id in the top byte, OVERRUN flag kept in info', () => {
    // META/REMOVAL (subtype 1), info = id 5 << 24 | 8 | OVERRUN
    const [rec] = decode(hex('00000001 09000005'), { revision: 'mmap-v1', endian: 'little' })
    expect(rec).toMatchObject({ kind: 'removal', length: 8, watchId: 5, info: 0x05000009 })
  })

  it('ver #8: a 2-unit removal carries the object id', () => {
    const [rec] = decode(hex('00000001 02030000 2a000000 00000000'), { revision: 'mmap-v8', endian: 'little' })
    expect(rec).toMatchObject({ kind: 'removal', length: 16, watchId: 3, id: 42n })
  })
})

it('copies bytes out of a Node Buffer input (Buffer#slice would return a view)', () => {
  const input = Buffer.from('07000000100000000102030405060708', 'hex')
  const [rec] = decode(input, { endian: 'little' })
  input.fill(0)
  expect(rec?.kind === 'unknown' && Buffer.from(rec.bytes).toString('hex')).toBe('07000000100000000102030405060708')
})
