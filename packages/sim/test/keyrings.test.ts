// A keyring's links: one per index key, LINKED/UNLINKED/CLEARED to its watchers, references given
// back after an RCU grace period.
import { describe, expect, it } from 'vitest'
import { Kernel } from '../src/kernel.js'
import { clearKeyring, detectCycle, linkKey, revokeKey, unlinkKey } from '../src/keyrings.js'
import type { Key } from '../src/keys.js'
import { SIM_PROFILES } from '../src/profile.js'
import { GRACE_MS } from '../src/time.js'

function setup() {
  const k = new Kernel(SIM_PROFILES['x86_64-6.12']!)
  const make = (type: string, desc: string) => k.allocKey(type, desc, 0, 0, 0x3f010000) as Key
  return { k, make }
}

describe('keyring links', () => {
  it('replace a link with the same type and description, dropping the old one after a grace period', () => {
    const { k, make } = setup()
    const ring = make('keyring', 'r')
    const a = make('user', 'same')
    const b = make('user', 'same')
    linkKey(k, ring, a)
    linkKey(k, ring, b)
    expect([...ring.links!.values()]).toEqual([b])
    expect(a.usage).toBe(2)
    k.clock.advanceTo(GRACE_MS)
    expect(a.usage).toBe(1)
  })

  it('unlink only what is linked (ENOENT otherwise)', () => {
    const { k, make } = setup()
    const ring = make('keyring', 'r')
    const a = make('user', 'a')
    expect(unlinkKey(k, ring, a)).toMatchObject({ name: 'ENOENT' })
    linkKey(k, ring, a)
    expect(unlinkKey(k, ring, a)).toBeUndefined()
  })

  it('detect cycles: a keyring cannot reach itself', () => {
    const { k, make } = setup()
    const a = make('keyring', 'a')
    const b = make('keyring', 'b')
    linkKey(k, a, b)
    expect(detectCycle(b, a)).toMatchObject({ name: 'EDEADLK' })
    expect(detectCycle(a, a)).toMatchObject({ name: 'EDEADLK' })
    expect(detectCycle(a, make('user', 'u'))).toBeUndefined()
  })

  it('clear and revoke drop every link', () => {
    const { k, make } = setup()
    const ring = make('keyring', 'r')
    linkKey(k, ring, make('user', 'a'))
    clearKeyring(k, ring)
    expect(ring.links!.size).toBe(0)
    linkKey(k, ring, make('user', 'b'))
    revokeKey(k, ring)
    expect([ring.revoked, ring.links!.size]).toEqual([true, 0])
  })
})
