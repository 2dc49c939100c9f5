// KEYCTL_WATCH_KEY (docs/semantics.md#keyctl_watch_key): the order of its checks, one watch per
// (key, pipe), the per-uid limit, and removal; each watching queue's own copy
// (docs/semantics.md#order-of-records).
import { describe, expect, it } from 'vitest'
import { kinds, queue, read, Sim, type Step, update, userKey, watch } from './helpers.js'

const unwatch = (key = '$k', fd = '$r'): Step => ({ op: 'unwatch', key, fd })

describe('KEYCTL_WATCH_KEY', () => {
  it('checks the watch id (-1..255) before anything else', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'watch', key: 0, fd: -1, id: 256 },
      { op: 'watch', key: 0, fd: -1, id: -2 },
    ])
    expect(obs).toEqual([{ errno: 'EINVAL' }, { errno: 'EINVAL' }])
  })

  it('looks the key up before the queue: an unknown serial with a bad fd is ENOKEY', () => {
    const sim = new Sim()
    expect(sim.run([{ op: 'watch', key: 2147483000, fd: 9999, id: 1 }])).toEqual([{ errno: 'ENOKEY' }])
  })

  it('refuses key 0, @g and unknown negative ids with EINVAL', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), watch(0 as unknown as string), watch('@g'), watch(-9 as unknown as string)])
    expect(obs.slice(2).map((o) => o.errno)).toEqual(['EINVAL', 'EINVAL', 'EINVAL'])
  })

  it('is EINVAL, never EBADF, for a bad fd, an ordinary pipe or a regular file', () => {
    const sim = new Sim()
    const obs = sim.run([
      userKey(),
      watch('$k', 1, 9999 as unknown as string),
      watch('$k', 1, -1 as unknown as string),
      { op: 'pipe2', flags: [], bind: ['$p', '$q'] },
      watch('$k', 1, '$p'),
      watch('$k', 1, '$q'),
      { op: 'open_file', content: 'x', bind: '$f' },
      watch('$k', 1, '$f'),
    ])
    expect(obs.filter((o) => o.errno).map((o) => o.errno)).toEqual(Array(5).fill('EINVAL'))
  })

  it('needs View: a key without it is EACCES even for root', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), { op: 'setperm', key: '$k', perm: 0x3e3e0000 }, watch()])
    expect(obs.at(-1)).toEqual({ errno: 'EACCES' })
  })

  it('refuses revoked (EKEYREVOKED), invalidated (ENOKEY) and expired (EKEYEXPIRED) keys', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey('$a'),
      userKey('$b'),
      userKey('$c'),
      { op: 'revoke', key: '$a' },
      { op: 'invalidate', key: '$b' },
      { op: 'set_timeout', key: '$c', seconds: 1 },
      { op: 'sleep', ms: 1500 },
      watch('$a'),
      watch('$b'),
      watch('$c'),
    ])
    expect(obs.slice(-3).map((o) => o.errno)).toEqual(['EKEYREVOKED', 'ENOKEY', 'EKEYEXPIRED'])
  })

  it('cannot remove a watch from a revoked key (the lookup applies to -1 too)', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), watch(), { op: 'revoke', key: '$k' }, unwatch(), read()])
    expect(obs.at(-2)).toEqual({ errno: 'EKEYREVOKED' })
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['revoked'])
  })

  it('posts nothing when a watch is added', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), watch(), { op: 'fionread', fd: '$r' }, read()])
    expect(obs.slice(-2)).toEqual([{ ret: 0, value: 0 }, { errno: 'EAGAIN' }])
  })

  it('allows one watch per key and pipe: EBUSY whatever the id, the end or the dup', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      { op: 'dup', fd: '$r', bind: '$d' },
      watch('$k', 1),
      watch('$k', 2),
      watch('$k', 1, '$w'),
      watch('$k', 3, '$d'),
      ...queue(32, undefined, '$r2', '$w2'),
      watch('$k', 1, '$r2'),
    ])
    expect(obs.slice(5, 8).map((o) => o.errno)).toEqual(['EBUSY', 'EBUSY', 'EBUSY'])
    expect(obs.at(-1)).toEqual({ ret: 0 })
  })

  it('limits the uid to RLIMIT_NOFILE watches (EAGAIN), counting after the increment', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey('$a'),
      userKey('$b'),
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 0 },
      watch('$a'),
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 1 },
      watch('$a'),
      watch('$b'),
    ])
    expect(obs.slice(-4).map((o) => o.errno ?? o.ret)).toEqual(['EAGAIN', 0, 0, 'EAGAIN'])
  })

  it('gives the count back only after an RCU grace period once a watch is freed', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey('$a'),
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 5 },
      watch('$a'),
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 5 },
      unwatch('$a'),
      // Soft limit 1 would leave no fd either; the watch count is what is limited here.
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 1 },
      watch('$a'),
      { op: 'sleep', ms: 5 },
      watch('$a'),
    ])
    expect(obs.slice(-3).map((o) => o.errno ?? o.ret)).toEqual(['EAGAIN', 0, 0])
  })

  it('is EBADSLT when removing from a key never watched, or not by this queue', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      unwatch(),
      ...queue(32, undefined, '$r2', '$w2'),
      watch('$k', 1, '$r2'),
      unwatch(),
      read(),
      read(4096, '$r2'),
    ])
    expect(obs[3]).toEqual({ errno: 'EBADSLT' })
    expect(obs.slice(-3)).toEqual([{ errno: 'EBADSLT' }, { errno: 'EAGAIN' }, { errno: 'EAGAIN' }])
  })

  it('posts a 16-byte removal record with the watch id and the key serial on -1', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch('$k', 7),
      { op: 'watch', key: '$k', fd: '$r', id: -1 },
      read(),
      update(),
      read(),
    ])
    const [rec] = sim.records(obs[5]!)
    expect(rec).toMatchObject({
      kind: 'removal',
      length: 16,
      type: 0,
      subtype: 0,
      watchId: 7,
      id: BigInt(obs[2]!.ret!),
    })
    expect(obs.at(-1)).toEqual({ errno: 'EAGAIN' })
  })

  it('narrows the id to an int: 0xffffffff removes', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch('$k', 0xffffffff),
      watch('$k', 3),
      watch('$k', 0xffffffff),
      read(),
    ])
    expect(obs[3]).toEqual({ errno: 'EBADSLT' })
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['removal'])
  })

  it('gives each watching queue its own copy with its own watch id', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(32, undefined, '$r1', '$w1'),
      ...queue(32, undefined, '$r2', '$w2'),
      userKey(),
      watch('$k', 1, '$r1'),
      watch('$k', 2, '$r2'),
      update(),
      read(4096, '$r1'),
      read(4096, '$r2'),
    ])
    expect(sim.records(obs.at(-2)!).map((r) => r.watchId)).toEqual([1])
    expect(sim.records(obs.at(-1)!).map((r) => r.watchId)).toEqual([2])
  })

  it('keeps delivering after the permission is taken away (no recheck at post time)', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch(),
      { op: 'setperm', key: '$k', perm: 0x3e3e0000 },
      update(),
      read(),
    ])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['setattr', 'updated'])
  })
})
