// The quick subset of the real-kernel tier (and CI's fallback, should the matrix outgrow the
// budget) must keep covering what the issue asks of it: both byte orders and the oldest and newest
// kernel version of the matrix, with every kernel of it in the matrix.
import { describe, expect, it } from 'vitest'
import { kernelsUnderTest, MATRIX, QUICK_KERNELS } from '../kernel/kernels.js'

const BIG_ENDIAN = new Set(['s390x', 'ppc64', 'mips'])
const archOf = (k: string) => k.split('-')[0]!
const versionOf = (k: string) => k.split('-')[1]!.split('.').map(Number) as [number, number]
const byVersion = (a: string, b: string) => {
  const [x, y] = [versionOf(a), versionOf(b)]
  return x[0] - y[0] || x[1] - y[1]
}

describe('the kernel matrix and its quick subset', () => {
  it('takes every quick kernel from the matrix', () => {
    for (const k of QUICK_KERNELS) expect(MATRIX).toContain(k)
  })
  it('covers both byte orders in the subset', () => {
    expect(QUICK_KERNELS.some((k) => BIG_ENDIAN.has(archOf(k)))).toBe(true)
    expect(QUICK_KERNELS.some((k) => !BIG_ENDIAN.has(archOf(k)))).toBe(true)
  })
  it('covers the oldest and the newest kernel version in the subset', () => {
    const sorted = [...MATRIX].sort(byVersion)
    const versions = QUICK_KERNELS.map((k) => k.split('-')[1])
    expect(versions).toContain(sorted[0]!.split('-')[1])
    expect(versions).toContain(sorted.at(-1)!.split('-')[1])
  })
  it('runs the whole matrix unless the subset is asked for', () => {
    expect(kernelsUnderTest({})).toEqual(MATRIX)
    expect(kernelsUnderTest({ WATCHQ_KERNEL_MATRIX: 'quick' })).toEqual(QUICK_KERNELS)
  })
})
