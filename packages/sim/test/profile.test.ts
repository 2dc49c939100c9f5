// The simulated machines: what differs between 6.1 and 6.12, x86_64 and s390x.
import { describe, expect, it } from 'vitest'
import {
  atLeast,
  checkProfile,
  endianOf,
  kernelRelease,
  openFlags,
  pipesHonourNowait,
  quotaFreedAtFinalPut,
  SIM_PROFILES,
  SIM_VERSIONS,
} from '../src/profile.js'

describe('profiles', () => {
  it('cover the captured kernels', () => {
    expect(Object.keys(SIM_PROFILES).sort()).toEqual([
      'aarch64-6.12',
      'mips-6.12',
      'ppc64-6.12',
      'riscv64-6.12',
      's390x-6.1',
      's390x-6.12',
      'x86_64-5.10',
      'x86_64-6.1',
      'x86_64-6.12',
      'x86_64-7.2',
    ])
    expect(Object.values(SIM_PROFILES).map(kernelRelease)).toEqual([
      '6.12.117',
      '6.1.192',
      '6.1.192',
      '6.12.117',
      '7.2.13',
      '5.10.262',
      '6.12.117',
      '6.12.117',
      '6.12.117',
      '6.12.117',
    ])
  })

  it('order the versions, so that a behaviour that began in one holds in every later one', () => {
    const p = (version: (typeof SIM_VERSIONS)[number]) => ({ version, arch: 'x86_64' as const, pageSize: 4096 })
    expect(SIM_VERSIONS.map((v) => atLeast(p(v), '6.12'))).toEqual([false, false, true, true])
    expect(SIM_VERSIONS.map((v) => atLeast(p(v), '5.10'))).toEqual([true, true, true, true])
  })

  it('make s390x, ppc64 and mips big-endian', () => {
    expect(endianOf(SIM_PROFILES['s390x-6.1']!)).toBe('big')
    expect(endianOf(SIM_PROFILES['ppc64-6.12']!)).toBe('big')
    expect(endianOf(SIM_PROFILES['mips-6.12']!)).toBe('big')
    expect(endianOf(SIM_PROFILES['x86_64-6.1']!)).toBe('little')
    expect(endianOf(SIM_PROFILES['aarch64-6.12']!)).toBe('little')
    expect(endianOf(SIM_PROFILES['riscv64-6.12']!)).toBe('little')
  })

  // docs/semantics.md#differences-between-61-and-612
  it('differ between 6.1 and 6.12 in RWF_NOWAIT on pipes and when the key quota comes back', () => {
    const [v612, v61] = [SIM_PROFILES['x86_64-6.12']!, SIM_PROFILES['x86_64-6.1']!]
    expect([pipesHonourNowait(v612), pipesHonourNowait(v61)]).toEqual([true, false])
    expect([quotaFreedAtFinalPut(v612), quotaFreedAtFinalPut(v61)]).toEqual([true, false])
  })

  it('use the asm-generic open flags on both arches, O_NOTIFICATION_PIPE = O_EXCL = 0x80', () => {
    expect(openFlags(SIM_PROFILES['s390x-6.1']!)).toEqual({
      O_NOTIFICATION_PIPE: 0x80,
      O_EXCL: 0x80,
      O_TMPFILE: 0x410000,
      O_CLOEXEC: 0x80000,
      O_NONBLOCK: 0x800,
      O_DIRECT: 0x4000,
    })
  })

  it('use each arch fcntl.h where it is not asm-generic: arm64, powerpc and mips', () => {
    expect(openFlags(SIM_PROFILES['riscv64-6.12']!)).toEqual(openFlags(SIM_PROFILES['x86_64-6.12']!))
    expect(openFlags(SIM_PROFILES['aarch64-6.12']!)).toMatchObject({
      O_EXCL: 0x80,
      O_TMPFILE: 0x404000,
      O_DIRECT: 0x10000,
    })
    expect(openFlags(SIM_PROFILES['ppc64-6.12']!)).toMatchObject({
      O_EXCL: 0x80,
      O_TMPFILE: 0x404000,
      O_DIRECT: 0x20000,
    })
    expect(openFlags(SIM_PROFILES['mips-6.12']!)).toEqual({
      O_NOTIFICATION_PIPE: 0x400,
      O_EXCL: 0x400,
      O_TMPFILE: 0x410000,
      O_CLOEXEC: 0x80000,
      O_NONBLOCK: 0x80,
      O_DIRECT: 0x8000,
    })
  })

  it('need a power-of-two page of 4 KiB or more', () => {
    expect(() => checkProfile({ version: '6.1', arch: 'x86_64', pageSize: 16384 })).not.toThrow()
    expect(() => checkProfile({ version: '6.1', arch: 'x86_64', pageSize: 6000 })).toThrow(RangeError)
    expect(() => checkProfile({ version: '5.4' as '6.1', arch: 'x86_64', pageSize: 4096 })).toThrow(RangeError)
  })
})
