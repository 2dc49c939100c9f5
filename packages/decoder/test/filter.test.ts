// struct watch_notification_filter: encoded as the kernel reads it (8-byte header, 44-byte entries).
import { describe, expect, it } from 'vitest'
import { DecodeError, decodeFilter, encodeFilter } from '../src/index.js'

describe('encodeFilter', () => {
  it('lays out the LTP/kernel-sample filter: META and KEY, all 32 low subtypes', () => {
    const bytes = encodeFilter(
      [
        { type: 0, subtypeFilter: [0xffffffff] },
        { type: 1, subtypeFilter: [0xffffffff] },
      ],
      { endian: 'little' },
    )
    expect(bytes.length).toBe(8 + 2 * 44)
    const hex = Buffer.from(bytes).toString('hex')
    expect(hex.slice(0, 16)).toBe('0200000000000000')
    expect(hex.slice(16 + 24, 16 + 32)).toBe('ffffffff') // subtype_filter[0] of entry 0 at byte 20
  })

  it('sets subtype bits in big-endian words and round-trips', () => {
    const bytes = encodeFilter([{ type: 1, subtypes: [2, 33], infoFilter: 0x500, infoMask: 0xff00 }], { endian: 'big' })
    expect(decodeFilter(bytes, { endian: 'big' })).toEqual({
      nrFilters: 1,
      reserved: 0,
      filters: [{ type: 1, infoFilter: 0x500, infoMask: 0xff00, subtypeFilter: [4, 2, 0, 0, 0, 0, 0, 0] }],
    })
  })

  it('builds filters the kernel rejects, on purpose (nr_filters 17, __reserved 1)', () => {
    const f = decodeFilter(encodeFilter([{ type: 1 }], { endian: 'little', nrFilters: 1, reserved: 1 }), {
      endian: 'little',
    })
    expect(f.reserved).toBe(1)
    expect(() =>
      decodeFilter(encodeFilter([{ type: 1 }], { endian: 'little', nrFilters: 17 }), { endian: 'little' }),
    ).toThrow(DecodeError)
    expect(() => encodeFilter([{ type: 1, subtypes: [256] }])).toThrow(
      'entries[0].subtypes[0] must be an integer from 0 to 255, not 256',
    )
  })
})
