// The C layout rules on small synthetic structs, independent of the UAPI catalogue.
import { describe, expect, it } from 'vitest'
import { bitShift, computeLayout, Field, Struct } from '../../src/index.js'

const s = (fields: Parameters<typeof Struct>[1], aligned?: number) =>
  Struct({ id: 'pipe/t', c: 'struct t', size: 1, align: 1, ...(aligned ? { aligned } : {}) }, fields, 'test')

describe('computeLayout', () => {
  it('aligns u64 to 8 on x86_64 and s390x but 4 on i386', () => {
    const t = s({ a: Field.u32(0), b: Field.u64(8) })
    expect(computeLayout(t, 'x86_64')).toMatchObject({ size: 16, align: 8, members: [{ offset: 0 }, { offset: 8 }] })
    expect(computeLayout(t, 'i386')).toMatchObject({ size: 12, align: 4, members: [{ offset: 0 }, { offset: 4 }] })
  })

  it('packs bitfields into one unit, low bits first on LE and high bits first on BE', () => {
    const t = s({ type: Field.bits(0, 0, 24), subtype: Field.bits(0, 24, 8), info: Field.u32(4) })
    const le = computeLayout(t, 'x86_64').members
    const be = computeLayout(t, 's390x').members
    expect(le.map((m) => [m.offset, m.shift])).toEqual([
      [0, 0],
      [0, 24],
      [4, undefined],
    ])
    expect(be.map((m) => [m.offset, m.shift])).toEqual([
      [0, 8],
      [0, 0],
      [4, undefined],
    ])
    expect(bitShift('big', 32, 24, 8)).toBe(0)
  })

  it('honours aligned(N), and flexible members add alignment but no size', () => {
    expect(computeLayout(s({ a: Field.u32(0) }, 8), 'i386')).toMatchObject({ size: 8, align: 8 })
    const t = s({ a: Field.u32(0), n: Field.u8(4), name: Field.flexBytes(5, 'n') })
    expect(computeLayout(t, 'x86_64')).toMatchObject({ size: 8, members: [{}, {}, { offset: 5, size: 0 }] })
  })
})
