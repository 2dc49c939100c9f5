// Key serials: positive 31-bit, at least 3, seeded, never one in use.
import { describe, expect, it } from 'vitest'
import { SerialSource } from '../src/serials.js'

describe('key serials', () => {
  it('are the same sequence for the same seed, and differ for another', () => {
    const a = new SerialSource(1)
    const b = new SerialSource(1)
    const seq = (s: SerialSource) => Array.from({ length: 5 }, () => s.allocate(() => false))
    expect(seq(a)).toEqual(seq(b))
    expect(seq(new SerialSource(2))).not.toEqual(seq(new SerialSource(1)))
  })

  it('are positive 31-bit numbers of 3 or more', () => {
    const s = new SerialSource()
    for (let i = 0; i < 1000; i++) {
      const n = s.allocate(() => false)
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThan(2 ** 31)
    }
  })

  it('step up past serials in use', () => {
    const first = new SerialSource(9).allocate(() => false)
    const taken = new Set([first, first + 1])
    expect(new SerialSource(9).allocate((n) => taken.has(n))).toBe(first + 2)
  })
})
