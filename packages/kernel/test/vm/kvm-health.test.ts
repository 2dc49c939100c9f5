// A KVM found unusable is remembered (per host kernel, in the cache) and no longer chosen.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostArch } from '../../src/vm/kernel-image.js'
import { kvmUnusable, markKvmUnusable } from '../../src/vm/kvm-health.js'
import { chooseAccel, requestedAccel } from '../../src/vm/qemu.js'

describe('KVM health', () => {
  const saved = { cache: process.env['XDG_CACHE_HOME'], accel: process.env['WATCHQ_VM_ACCEL'] }
  let cache: string

  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'watchq-kvm-'))
    process.env['XDG_CACHE_HOME'] = cache
  })

  afterAll(() => {
    rmSync(cache, { recursive: true, force: true })
    for (const [key, value] of [
      ['XDG_CACHE_HOME', saved.cache],
      ['WATCHQ_VM_ACCEL', saved.accel],
    ] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })

  it('remembers an unusable KVM and then always chooses TCG', () => {
    expect(kvmUnusable()).toBeUndefined()
    markKvmUnusable('too slow')
    expect(kvmUnusable()).toBe('too slow')
    expect(existsSync(join(cache, 'watchq'))).toBe(true)
    expect(chooseAccel(hostArch() ?? 'x86_64')).toBe('tcg')
    // What the user asks for still wins.
    expect(chooseAccel(hostArch() ?? 'x86_64', 'kvm')).toBe('kvm')
  })

  it('takes the accelerator from WATCHQ_VM_ACCEL when no option says it', () => {
    process.env['WATCHQ_VM_ACCEL'] = 'tcg'
    expect(requestedAccel()).toBe('tcg')
    expect(requestedAccel('kvm')).toBe('kvm')
    process.env['WATCHQ_VM_ACCEL'] = 'bogus'
    expect(requestedAccel()).toBe('auto')
  })
})
