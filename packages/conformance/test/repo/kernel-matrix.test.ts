// The CI subset of the real-kernel tier must keep covering what the issue asks of it: both byte
// orders and the oldest and newest kernel version of the matrix, with every kernel of it in the matrix.
import { describe, expect, it } from 'vitest'
import { CI_KERNELS, kernelsUnderTest, MATRIX } from '../kernel/kernels.js'

const BIG_ENDIAN = new Set(['s390x', 'ppc64', 'mips'])
const archOf = (k: string) => k.split('-')[0]!
const versionOf = (k: string) => k.split('-')[1]!.split('.').map(Number) as [number, number]
const byVersion = (a: string, b: string) => {
  const [x, y] = [versionOf(a), versionOf(b)]
  return x[0] - y[0] || x[1] - y[1]
}

describe('the kernel matrix and its CI subset', () => {
  it('takes every CI kernel from the matrix', () => {
    for (const k of CI_KERNELS) expect(MATRIX).toContain(k)
  })
  it('covers both byte orders in CI', () => {
    expect(CI_KERNELS.some((k) => BIG_ENDIAN.has(archOf(k)))).toBe(true)
    expect(CI_KERNELS.some((k) => !BIG_ENDIAN.has(archOf(k)))).toBe(true)
  })
  it('covers the oldest and the newest kernel version in CI', () => {
    const sorted = [...MATRIX].sort(byVersion)
    const versions = CI_KERNELS.map((k) => k.split('-')[1])
    expect(versions).toContain(sorted[0]!.split('-')[1])
    expect(versions).toContain(sorted.at(-1)!.split('-')[1])
  })
  it('runs the whole matrix only when asked', () => {
    expect(kernelsUnderTest({})).toEqual(CI_KERNELS)
    expect(kernelsUnderTest({ WATCHQ_KERNEL_MATRIX: 'full' })).toEqual(MATRIX)
  })
})
