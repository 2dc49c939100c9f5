// Which key operation posts which record to which watch list, and the checks of each
// (docs/semantics.md#which-operation-posts-what).
import { describe, expect, it } from 'vitest'
import { KEY_TYPES, Key } from '../src/keys.js'
import { keyring, kinds, queue, read, Sim, type Step, update, userKey, watch } from './helpers.js'

const link = (key: string, ring: string): Step => ({ op: 'link', key, keyring: ring })
const unlink = (key: string, ring: string): Step => ({ op: 'unlink', key, keyring: ring })

describe('key records', () => {
  it('KEYCTL_UPDATE posts UPDATED with aux 0 to the key', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), watch(), update(), read()])
    const [r] = sim.records(obs.at(-1)!)
    expect(r).toMatchObject({ kind: 'key', event: 'updated', watchId: 1, keyId: obs[2]!.ret, aux: 0, length: 16 })
  })

  it('add_key of a new key posts LINKED to the keyring with the new serial (INSTANTIATED is unobservable)', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), keyring(), watch('$ring', 2), userKey('$k', '$ring'), read()])
    const [r] = sim.records(obs.at(-1)!)
    expect(r).toMatchObject({ event: 'linked', watchId: 2, keyId: obs[2]!.ret, aux: obs[4]!.ret })
  })

  it('add_key of an existing user key updates it: UPDATED on the key only, same serial', () => {
    const sim = new Sim()
    const again: Step = { op: 'add_key', type: 'user', description: 'd$k', payload: 'second', keyring: '$ring' }
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey('$k', '$ring'),
      watch('$ring', 1),
      watch('$k', 2),
      again,
      read(),
    ])
    expect(obs[6]!.ret).toBe(obs[3]!.ret)
    expect(sim.records(obs.at(-1)!).map((r) => [r.kind === 'key' && r.event, r.watchId])).toEqual([['updated', 2]])
  })

  it('add_key creates anew when the same-description key is revoked, displacing the link silently', () => {
    const sim = new Sim()
    const again: Step = { op: 'add_key', type: 'user', description: 'd$k', payload: 'x', keyring: '$ring', bind: '$k2' }
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey('$k', '$ring'),
      { op: 'revoke', key: '$k' },
      watch('$ring'),
      again,
      read(),
    ])
    expect(obs[6]!.ret).not.toBe(obs[3]!.ret)
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['linked'])
  })

  it('KEYCTL_LINK posts LINKED, also when the key is already linked', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey(),
      watch('$ring', 3),
      link('$k', '$ring'),
      link('$k', '$ring'),
      read(),
    ])
    const recs = sim.records(obs.at(-1)!)
    expect(kinds(recs)).toEqual(['linked', 'linked'])
    expect(recs.map((r) => r.kind === 'key' && r.aux)).toEqual([obs[3]!.ret, obs[3]!.ret])
  })

  it('KEYCTL_UNLINK posts UNLINKED with the serial; unlinking again is ENOENT with nothing posted', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey(),
      link('$k', '$ring'),
      watch('$ring'),
      unlink('$k', '$ring'),
      unlink('$k', '$ring'),
      read(),
    ])
    expect(obs.at(-2)).toEqual({ errno: 'ENOENT' })
    expect(sim.records(obs.at(-1)!)).toMatchObject([{ event: 'unlinked', aux: obs[3]!.ret }])
  })

  it('KEYCTL_MOVE posts UNLINKED on the source then LINKED on the destination; from == to posts nothing', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring('$from'),
      keyring('$to'),
      userKey('$k', '$from'),
      watch('$from', 1),
      watch('$to', 2),
      { op: 'move', key: '$k', from: '$from', to: '$to' },
      { op: 'move', key: '$k', from: '$to', to: '$to' },
      read(),
    ])
    expect(sim.records(obs.at(-1)!).map((r) => [r.kind === 'key' && r.event, r.watchId])).toEqual([
      ['unlinked', 1],
      ['linked', 2],
    ])
  })

  it('KEYCTL_MOVE checks flags (EINVAL), presence (ENOENT) and KEYCTL_MOVE_EXCL (EEXIST)', () => {
    const sim = new Sim()
    const obs = sim.run([
      keyring('$from'),
      keyring('$to'),
      userKey('$k', '$from'),
      { op: 'move', key: '$k', from: '$from', to: '$to', flags: 2 },
      { op: 'move', key: '$k', from: '$to', to: '$from' },
      link('$k', '$to'),
      { op: 'move', key: '$k', from: '$from', to: '$to', flags: 1 },
    ])
    expect(obs.slice(3).map((o) => o.errno ?? o.ret)).toEqual(['EINVAL', 'ENOENT', 0, 'EEXIST'])
  })

  it('KEYCTL_CLEAR posts CLEARED, even on an empty keyring, and no UNLINKED per key', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey('$a', '$ring'),
      watch('$ring', 4),
      { op: 'clear', keyring: '$ring' },
      { op: 'clear', keyring: '$ring' },
      read(),
    ])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['cleared', 'cleared'])
  })

  it('KEYCTL_REVOKE posts REVOKED once; the second revoke is EKEYREVOKED', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch('$k', 5),
      { op: 'revoke', key: '$k' },
      { op: 'revoke', key: '$k' },
      read(),
    ])
    expect(obs.at(-2)).toEqual({ errno: 'EKEYREVOKED' })
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['revoked'])
  })

  it('revoking a keyring drops its contents silently', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey('$k', '$ring'),
      watch('$ring'),
      { op: 'revoke', key: '$ring' },
      read(),
    ])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['revoked'])
  })

  it('KEYCTL_INVALIDATE posts INVALIDATED', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), watch('$k', 6), { op: 'invalidate', key: '$k' }, read(16)])
    expect(sim.records(obs.at(-1)!)).toMatchObject([{ event: 'invalidated', watchId: 6, aux: 0 }])
  })

  it('SETPERM, CHOWN, SET_TIMEOUT and RESTRICT_KEYRING post SETATTR, even when nothing changed', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey(),
      watch('$ring', 1),
      watch('$k', 2),
      { op: 'setperm', key: '$k', perm: 0x3f010000 },
      { op: 'setperm', key: '$k', perm: 0x3f010000 },
      { op: 'set_timeout', key: '$k', seconds: 3600 },
      { op: 'set_timeout', key: '$k', seconds: 0 },
      { op: 'chown', key: '$k', uid: 65534, gid: 65534 },
      { op: 'restrict_keyring', keyring: '$ring', type: null, restriction: null },
      { op: 'restrict_keyring', keyring: '$ring', type: null, restriction: null },
      read(),
    ])
    expect(obs.at(-2)).toEqual({ errno: 'EEXIST' })
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(Array(6).fill('setattr'))
  })

  it('KEYCTL_CHOWN(-1, -1) is 0 and posts nothing', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), watch(), { op: 'chown', key: '$k', uid: -1, gid: -1 }, read()])
    expect(obs.slice(-2)).toEqual([{ ret: 0 }, { errno: 'EAGAIN' }])
  })

  it('a watch on a keyring does not see events of the keys inside it', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey('$k', '$ring'),
      watch('$ring'),
      update(),
      { op: 'setperm', key: '$k', perm: 0x3f010000 },
      { op: 'revoke', key: '$k' },
      read(),
    ])
    expect(obs.at(-1)).toEqual({ errno: 'EAGAIN' })
  })
})

describe('key operation checks', () => {
  it('add_key: empty, dotted and unknown types are EINVAL, EPERM, ENODEV', () => {
    const sim = new Sim()
    const add = (type: string, description = 'x', payload: string | null = 'a'): Step => ({
      op: 'add_key',
      type,
      description,
      payload,
      keyring: '@s',
    })
    const obs = sim.run([
      add(''),
      add('.internal'),
      add('big_nonsense'),
      add('user', ''),
      add('user', 'x', null),
      add('keyring', 'r', 'x'),
      add('keyring', '.r', null),
      add('logon', 'nocolon'),
    ])
    expect(obs.map((o) => o.errno)).toEqual([
      'EINVAL',
      'EPERM',
      'ENODEV',
      'EINVAL',
      'EINVAL',
      'EINVAL',
      'EPERM',
      'EINVAL',
    ])
  })

  it('add_key into a non-keyring is ENOTDIR, into a restricted keyring EPERM', () => {
    const sim = new Sim()
    const obs = sim.run([
      userKey(),
      userKey('$x', '$k'),
      keyring(),
      { op: 'restrict_keyring', keyring: '$ring' },
      userKey('$y', '$ring'),
    ])
    expect([obs[1]!.errno, obs[4]!.errno]).toEqual(['ENOTDIR', 'EPERM'])
  })

  it('KEYCTL_UPDATE: a keyring has no update (EOPNOTSUPP); an empty or page-sized-plus payload is EINVAL', () => {
    const sim = new Sim()
    const obs = sim.run([keyring(), userKey(), update('$ring'), update('$k', ''), update('$k', 'x'.repeat(4097))])
    expect(obs.slice(2).map((o) => o.errno)).toEqual(['EOPNOTSUPP', 'EINVAL', 'EINVAL'])
  })

  it('KEYCTL_UPDATE clears a user key expiry (user_update)', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      { op: 'set_timeout', key: '$k', seconds: 1 },
      update(),
      { op: 'sleep', ms: 2000 },
      watch(),
    ])
    expect(obs.at(-1)).toEqual({ ret: 0 })
  })

  it('KEYCTL_LINK refuses cycles with EDEADLK, and a non-keyring destination with ENOTDIR', () => {
    const sim = new Sim()
    const obs = sim.run([
      keyring('$a'),
      keyring('$b', '$a'),
      link('$a', '$b'),
      link('$a', '$a'),
      userKey(),
      link('$a', '$k'),
    ])
    expect(obs.slice(2).map((o) => o.errno ?? o.ret)).toEqual(['EDEADLK', 'EDEADLK', obs[4]!.ret, 'ENOTDIR'])
  })

  it('KEYCTL_UNLINK works on a revoked key (it only identifies the key)', () => {
    const sim = new Sim()
    const obs = sim.run([keyring(), userKey('$k', '$ring'), { op: 'revoke', key: '$k' }, unlink('$k', '$ring')])
    expect(obs.at(-1)).toEqual({ ret: 0 })
  })

  it('KEYCTL_SETPERM: bits outside the four bytes of permissions are EINVAL; only the owner may (EACCES)', () => {
    const sim = new Sim()
    const obs = sim.run([
      userKey(),
      { op: 'setperm', key: '$k', perm: 0x40000000 },
      { op: 'chown', key: '$k', uid: 65534, gid: -1 },
      { op: 'setperm', key: '$k', perm: 0x3f000000 },
    ])
    expect(obs.slice(1).map((o) => o.errno ?? o.ret)).toEqual(['EINVAL', 0, 'EACCES'])
  })

  it('KEYCTL_RESTRICT_KEYRING: a restriction without a type is EINVAL; a type with no restrictions ENOENT, an unknown one ENOKEY', () => {
    const sim = new Sim()
    const obs = sim.run([
      keyring(),
      { op: 'restrict_keyring', keyring: '$ring', type: null, restriction: 'x' },
      { op: 'restrict_keyring', keyring: '$ring', type: 'user', restriction: null },
      { op: 'restrict_keyring', keyring: '$ring', type: 'nosuch', restriction: null },
      userKey(),
      { op: 'restrict_keyring', keyring: '$k' },
    ])
    expect(obs.slice(1).map((o) => o.errno ?? o.ret)).toEqual(['EINVAL', 'ENOENT', 'ENOKEY', obs[4]!.ret, 'ENOTDIR'])
  })

  it('KEYCTL_NEGATE and KEYCTL_REJECT need construction authority: EPERM (a bad error number first: EINVAL)', () => {
    const sim = new Sim()
    const obs = sim.run([
      userKey(),
      { op: 'negate', key: '$k', timeout: 1 },
      { op: 'reject', key: '$k', timeout: 1, error: 'EKEYREJECTED' },
    ])
    expect(obs.slice(1)).toEqual([{ errno: 'EPERM' }, { errno: 'EPERM' }])
  })

  it('KEYCTL_GET_KEYRING_ID gives the serial of a special keyring, making @t only with create', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'keyring_id', keyring: '@s', bind: '$s' },
      { op: 'keyring_id', keyring: '@t' },
      { op: 'keyring_id', keyring: '@t', create: true, bind: '$t' },
      { op: 'keyring_id', keyring: '@t' },
    ])
    expect(obs[0]!.ret).toBeGreaterThan(0)
    expect(obs[1]).toEqual({ errno: 'ENOKEY' })
    expect(obs[3]!.ret).toBe(obs[2]!.ret)
  })
})

describe('key state', () => {
  const make = () => new Key(9, KEY_TYPES.get('user')!, 'x', 0, 0, 0)

  it('validates invalidated (ENOKEY) before revoked (EKEYREVOKED) before expired (EKEYEXPIRED)', () => {
    const k = make()
    k.expiry = 10
    expect(k.validate(9)).toBeUndefined()
    expect(k.validate(10)).toMatchObject({ name: 'EKEYEXPIRED' })
    k.revoked = true
    expect(k.validate(10)).toMatchObject({ name: 'EKEYREVOKED' })
    k.invalidated = true
    expect(k.validate(10)).toMatchObject({ name: 'ENOKEY' })
  })

  it('is dead to the keyring gc when invalidated, or expired past the gc delay — not when revoked', () => {
    const k = make()
    k.revoked = true
    expect(k.isDead(1000, 300)).toBe(false)
    k.expiry = 10
    expect([k.isDead(309, 300), k.isDead(310, 300)]).toEqual([false, true])
    k.expiry = null
    k.invalidated = true
    expect(k.isDead(0, 300)).toBe(true)
  })
})
