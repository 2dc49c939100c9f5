// The Kconfig fragments: what they ask for, the check against a .config, the build's hash.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { configHash, fragmentPaths, parseConfig, unmetOptions, wantedOptions } from '../../src/vm/fragments.js'

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
    for (const path of [...fragmentPaths('x86_64'), ...fragmentPaths('s390x')]) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        expect(line === '' || line.startsWith('#') || /^CONFIG_\w+=\S+$/.test(line), line).toBe(true)
      }
    }
  })
})
