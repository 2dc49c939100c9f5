// lookup_user_key (docs/semantics.md#errors-of-keyctl_watch_key, step 2): special keyrings,
// serials, state before permission, possession.
import { describe, expect, it } from 'vitest'
import { Kernel } from '../src/kernel.js'
import { KEY_SPEC, lookupUserKey, possesses } from '../src/lookup.js'
import { KEY_VIEW, KEY_WRITE } from '../src/permissions.js'
import { Process } from '../src/process.js'
import { SIM_PROFILES } from '../src/profile.js'
import { keyring, Sim, userKey } from './helpers.js'

function proc() {
  const p = new Process(new Kernel(SIM_PROFILES['x86_64-6.12']!))
  p.joinSession()
  return p
}

describe('lookup_user_key', () => {
  it('refuses 0, negative ids it does not know and @g with EINVAL; @a and @r with ENOKEY (no authority)', () => {
    const p = proc()
    const errno = (id: number) => (lookupUserKey(p, id, { create: true }, KEY_VIEW) as { name?: string }).name
    expect([0, -9, -100, KEY_SPEC.GROUP].map(errno)).toEqual(['EINVAL', 'EINVAL', 'EINVAL', 'EINVAL'])
    expect([KEY_SPEC.REQKEY_AUTH, KEY_SPEC.REQUESTOR].map(errno)).toEqual(['ENOKEY', 'ENOKEY'])
  })

  it('makes the thread and process keyrings only with KEY_LOOKUP_CREATE', () => {
    const p = proc()
    expect(lookupUserKey(p, KEY_SPEC.THREAD, {}, KEY_VIEW)).toMatchObject({ name: 'ENOKEY' })
    const made = lookupUserKey(p, KEY_SPEC.PROCESS, { create: true }, KEY_VIEW)
    expect(made).toMatchObject({ possessed: true, key: { description: '_pid' } })
  })

  it('gives the user keyrings, linked one in the other, made once', () => {
    const p = proc()
    const u = lookupUserKey(p, KEY_SPEC.USER, {}, KEY_VIEW) as { key: { serial: number } }
    const us = lookupUserKey(p, KEY_SPEC.USER_SESSION, {}, KEY_VIEW) as { key: { links: Map<string, unknown> } }
    expect([...us.key.links.values()]).toEqual([u.key])
    expect((lookupUserKey(p, KEY_SPEC.USER, {}, KEY_VIEW) as { key: { serial: number } }).key.serial).toBe(u.key.serial)
  })

  it('checks the state before the permission: a revoked key without View is EKEYREVOKED', () => {
    const sim = new Sim()
    const obs = sim.run([userKey(), { op: 'setperm', key: '$k', perm: 0 }, { op: 'revoke', key: '$k' }])
    expect(obs.at(-1)).toEqual({ errno: 'EACCES' })
    const obs2 = sim.run([userKey(), { op: 'revoke', key: '$k' }, { op: 'setperm', key: '$k', perm: 0 }])
    expect(obs2.at(-1)).toEqual({ errno: 'EKEYREVOKED' })
  })

  it('counts a key as possessed when the session keyring reaches it through searchable keyrings', () => {
    const p = proc()
    const k = p.kernel
    const ring = lookupUserKey(p, KEY_SPEC.SESSION, {}, KEY_VIEW) as { key: Parameters<typeof possesses>[1] }
    const inner = k.allocKey('keyring', 'inner', 0, 0, 0x3f010000) as Parameters<typeof possesses>[1]
    const key = k.allocKey('user', 'x', 0, 0, 0x3f010000) as Parameters<typeof possesses>[1]
    expect(possesses(p, key)).toBe(false)
    ring.key.links!.set(inner.indexKey, inner)
    inner.links!.set(key.indexKey, key)
    expect(possesses(p, key)).toBe(true)
    // Without Search on the way, the key is not found, so not possessed: user perms only (View).
    inner.perm = 0x37010000
    expect(possesses(p, key)).toBe(false)
    expect(lookupUserKey(p, key.serial, {}, KEY_WRITE)).toMatchObject({ name: 'EACCES' })
    expect(lookupUserKey(p, key.serial, {}, KEY_VIEW)).toMatchObject({ possessed: false })
  })

  it('does not search the user keyring when a session keyring exists', () => {
    const sim = new Sim()
    // A keyring made in @u is not possessed by its serial, and its owner has View only.
    const obs = sim.run([
      keyring('$ring', '@u'),
      { op: 'add_key', type: 'user', description: 'x', payload: 'a', keyring: '$ring' },
    ])
    expect(obs[1]).toEqual({ errno: 'EACCES' })
  })
})
