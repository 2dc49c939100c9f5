import { describe, expect, it } from 'vitest'
import { canonicalHex, fromHex, toHex } from '../../src/bytes/hex.js'

describe('the hex codec', () => {
  it('round-trips bytes, including a view into a larger buffer', () => {
    const all = Uint8Array.from([0xff, 0x00, 0x01, 0xab, 0x7f])
    const view = all.subarray(1, 4)
    expect(toHex(view)).toBe('0001ab')
    expect([...fromHex(toHex(all))]).toEqual([...all])
  })

  it('reads either case with white space between pairs', () => {
    expect([...fromHex(' 0A ff\n10 ')]).toEqual([0x0a, 0xff, 0x10])
    expect(canonicalHex(' 0A ff\n10 ')).toBe('0aff10')
  })

  it('refuses an odd digit count and non-hex characters rather than stopping silently', () => {
    expect(() => fromHex('abc')).toThrow(/not hex digit pairs/)
    expect(() => fromHex('zz00')).toThrow(/not hex digit pairs/)
  })
})
