// The Kconfig fragments: what they ask for, the check against a .config, the build's hash.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { configHash, fragmentPaths, parseConfig, unmetOptions, wantedOptions } from '../../src/vm/fragments.js'
import { VM_ARCHES, type VmArch } from '../../src/vm/kernel-image.js'

describe('config fragments', () => {
  it('ask for the watch queue, key notifications and each arch console and channel', () => {
    const x86 = wantedOptions(fragmentPaths('x86_64'))
    const s390 = wantedOptions(fragmentPaths('s390x'))
    for (const wanted of [x86, s390]) {
      for (const option of ['CONFIG_WATCH_QUEUE', 'CONFIG_KEYS', 'CONFIG_KEY_NOTIFICATIONS', 'CONFIG_BLK_DEV_INITRD']) {
        expect(wanted.get(option), option).toBe('y')
      }
      expect(wanted.get('CONFIG_VIRTIO_CONSOLE')).toBe('y')
    }
    expect(x86.get('CONFIG_SERIAL_8250_CONSOLE')).toBe('y')
    expect(s390.get('CONFIG_SCLP_VT220_CONSOLE')).toBe('y')
    expect(s390.get('CONFIG_S390_GUEST')).toBe('y')
    expect(s390.has('CONFIG_SERIAL_8250')).toBe(false)
  })

  it('give every other arch its console, a PCI virtio-serial channel and what a 64-bit or BE build needs', () => {
    const of = (arch: VmArch) => wantedOptions(fragmentPaths(arch))
    for (const arch of ['aarch64', 'ppc64', 'mips', 'riscv64'] as const) {
      const wanted = of(arch)
      for (const option of [
        'CONFIG_WATCH_QUEUE',
        'CONFIG_KEY_NOTIFICATIONS',
        'CONFIG_VIRTIO_PCI',
        'CONFIG_VIRTIO_CONSOLE',
      ]) {
        expect(wanted.get(option), `${arch} ${option}`).toBe('y')
      }
    }
    expect(of('aarch64').get('CONFIG_SERIAL_AMBA_PL011_CONSOLE')).toBe('y')
    expect(of('aarch64').get('CONFIG_PCI_HOST_GENERIC')).toBe('y')
    // tinyconfig on powerpc is 32-bit: the fragment asks for 64-bit, big-endian pSeries.
    expect(
      ['CONFIG_PPC64', 'CONFIG_PPC_PSERIES', 'CONFIG_CPU_BIG_ENDIAN', 'CONFIG_HVC_CONSOLE'].map((o) =>
        of('ppc64').get(o),
      ),
    ).toEqual(['y', 'y', 'y', 'y'])
    expect(
      ['CONFIG_MIPS_MALTA', 'CONFIG_32BIT', 'CONFIG_CPU_BIG_ENDIAN', 'CONFIG_MIPS_FP_SUPPORT'].map((o) =>
        of('mips').get(o),
      ),
    ).toEqual(['y', 'y', 'y', 'y'])
    expect(['CONFIG_MMU', 'CONFIG_FPU', 'CONFIG_SERIAL_OF_PLATFORM'].map((o) => of('riscv64').get(o))).toEqual([
      'y',
      'y',
      'y',
    ])
  })

  it('parses set, unset and valued options', () => {
    const c = parseConfig('CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C="text"\n# a comment\nCONFIG_D=0x10\n')
    expect([...c]).toEqual([
      ['CONFIG_A', 'y'],
      ['CONFIG_B', 'n'],
      ['CONFIG_C', '"text"'],
      ['CONFIG_D', '0x10'],
    ])
  })

  it('names every option the config does not have as asked', () => {
    const wanted = parseConfig('CONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_D=m\n')
    const config = parseConfig('CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_D=y\n')
    expect(unmetOptions(wanted, config)).toEqual(['CONFIG_B=y (got not set)', 'CONFIG_D=m (got y)'])
  })

  it('hashes the fragments with the version and the arch', () => {
    expect(configHash('6.12', 'x86_64')).toMatch(/^[0-9a-f]{12}$/)
    expect(configHash('6.12', 'x86_64')).toBe(configHash('6.12', 'x86_64'))
    expect(configHash('6.1', 'x86_64')).not.toBe(configHash('6.12', 'x86_64'))
    expect(configHash('6.1', 's390x')).not.toBe(configHash('6.1', 'x86_64'))
    // Every fragment is plain `CONFIG_X=value` or comments: nothing merge_config.sh would misread.
    expect(new Set(VM_ARCHES.map((a) => configHash('6.12', a))).size).toBe(VM_ARCHES.length)
    for (const path of VM_ARCHES.flatMap((a) => fragmentPaths(a))) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        expect(line === '' || line.startsWith('#') || /^CONFIG_\w+=\S+$/.test(line), line).toBe(true)
      }
    }
  })
})
