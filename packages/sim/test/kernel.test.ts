// The machine: keys by serial, quotas, the user keyrings, and the bounds on what it holds.
import { describe, expect, it } from 'vitest'
import { Kernel } from '../src/kernel.js'
import { LIMITS } from '../src/limits.js'
import { SIM_PROFILES } from '../src/profile.js'
import { Sim } from './helpers.js'

const kernel = () => new Kernel(SIM_PROFILES['x86_64-6.12']!)

describe('the machine', () => {
  it('finds a key by serial only while someone references it', () => {
    const k = kernel()
    const key = k.allocKey('user', 'x', 0, 0, 0)
    if (!('serial' in key)) throw new Error('no key')
    expect(k.lookupKey(key.serial)).toBe(key)
    key.usage = 0
    expect(k.lookupKey(key.serial)).toBeUndefined()
  })

  it('charges keys to their owner: 200 for an ordinary uid (EDQUOT beyond), quota moves with chown', () => {
    const k = kernel()
    for (let i = 0; i < 200; i++) k.allocKey('user', `k${i}`, 65534, 65534, 0)
    expect(k.allocKey('user', 'one more', 65534, 65534, 0)).toMatchObject({ name: 'EDQUOT' })
    const mine = k.allocKey('user', 'mine', 0, 0, 0)
    if (!('serial' in mine)) throw new Error('no key')
    expect(k.transferQuota(mine, 65534)).toMatchObject({ name: 'EDQUOT' })
  })

  it('refuses unknown key types with ENODEV', () => {
    expect(kernel().allocKey('big_key', 'x', 0, 0, 0)).toMatchObject({ name: 'ENODEV' })
  })

  it('makes the user keyrings once, the user keyring linked from the user session keyring', () => {
    const k = kernel()
    const a = k.userKeyrings(0, 0)
    const b = k.userKeyrings(0, 0)
    expect(a).toEqual(b)
    if (!('keyring' in a)) throw new Error('no keyrings')
    expect([a.keyring.description, a.session.description]).toEqual(['_uid.0', '_uid_ses.0'])
  })

  it('runs out of pipes with ENFILE', () => {
    const sim = new Sim()
    const steps = Array.from({ length: LIMITS.pipes + 1 }, () => ({ op: 'pipe2', flags: [] }))
    const obs = sim.run([{ op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 100_000, hard: 100_000 }, ...steps])
    expect(obs.at(-1)).toEqual({ errno: 'ENFILE' })
    // The next case's process starts afresh: the pipes were closed at exit.
    expect(sim.run([{ op: 'pipe2', flags: [] }])).toEqual([{ ret: 0, fds: [3, 4] }])
  })
})
