// The key garbage collector posts removal records asynchronously
// (docs/semantics.md#removal-records, docs/semantics.md#key-garbage-collection-timing); the model
// runs it as deferred work on the simulated clock (GRACE_MS after it is asked for).
import { describe, expect, it } from 'vitest'
import { Kernel } from '../src/kernel.js'
import { SIM_PROFILES } from '../src/profile.js'
import { GRACE_MS } from '../src/time.js'
import { KEY_GC_DELAY_S } from '../src/uapi.js'
import { keyring, kinds, queue, read, Sim, type Step, userKey, watch } from './helpers.js'

const poll = (timeoutMs: number, fd = '$r'): Step => ({ op: 'poll', fd, events: ['POLLIN'], timeoutMs })

describe('key garbage collection', () => {
  it('posts the removal record only once the process waits after the last link went', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey('$k', '$ring'),
      watch('$k', 3),
      { op: 'unlink', key: '$k', keyring: '$ring' },
      read(),
      poll(0),
      poll(10000),
      read(),
    ])
    // Nothing synchronously: the keyring was not watched, the key is still referenced until RCU.
    expect(obs[6]).toEqual({ errno: 'EAGAIN' })
    expect(obs[7]).toMatchObject({ ret: 0, revents: [] })
    // The bounded poll sees it: an RCU grace period for the link, one for the gc.
    expect(obs[8]).toEqual({ ret: 1, revents: ['POLLIN'], elapsedMs: 2 * GRACE_MS })
    const [r] = sim.records(obs[9]!)
    expect(r).toMatchObject({ kind: 'removal', length: 16, watchId: 3, id: BigInt(obs[3]!.ret!) })
  })

  it('does not collect a key still linked elsewhere', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring(),
      userKey(),
      { op: 'link', key: '$k', keyring: '$ring' },
      watch(),
      { op: 'unlink', key: '$k', keyring: '$ring' },
      poll(1000),
    ])
    expect(obs.at(-1)).toMatchObject({ ret: 0, revents: [], elapsedMs: 1000 })
  })

  it('collects an invalidated key: INVALIDATED at once, the removal after the links pass', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch('$k', 9),
      { op: 'invalidate', key: '$k' },
      read(),
      poll(10000),
      read(),
    ])
    expect(kinds(sim.records(obs[5]!))).toEqual(['invalidated'])
    expect(obs[6]).toMatchObject({ ret: 1 })
    expect(sim.records(obs[7]!)).toMatchObject([{ kind: 'removal', watchId: 9 }])
  })

  it('unlinks an expired key only gc_delay seconds after it expired, then collects it', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch(),
      { op: 'set_timeout', key: '$k', seconds: 1 },
      read(),
      { op: 'sleep', ms: 2000 },
      poll(0),
      { op: 'sleep', ms: KEY_GC_DELAY_S * 1000 },
      read(),
    ])
    expect(kinds(sim.records(obs[5]!))).toEqual(['setattr'])
    expect(obs[7]).toMatchObject({ revents: [] })
    expect(kinds(sim.records(obs[9]!))).toEqual(['removal'])
  })

  it('wakes a blocking read when the gc posts', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(32, ['O_NOTIFICATION_PIPE']),
      keyring(),
      userKey('$k', '$ring'),
      watch(),
      { op: 'unlink', key: '$k', keyring: '$ring' },
      read(),
    ])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['removal'])
  })

  it('posts nothing when the queue side goes away: closing the pipe detaches its watches', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(32, undefined, '$a', '$aw'),
      ...queue(32, undefined, '$b', '$bw'),
      userKey(),
      watch('$k', 1, '$a'),
      watch('$k', 2, '$b'),
      { op: 'close', fd: '$a' },
      { op: 'close', fd: '$aw' },
      { op: 'update', key: '$k', payload: 'b' },
      read(4096, '$b'),
      ...queue(32, undefined, '$c', '$cw'),
      watch('$k', 1, '$c'),
    ])
    expect(sim.records(obs[10]!).map((r) => r.watchId)).toEqual([2])
    expect(obs[11]!.fds).toEqual([3, 4])
    expect(obs.at(-1)).toEqual({ ret: 0 })
  })

  it('reaps a keyring before the keys it held: their removals come in a later pass', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      keyring('$outer'),
      keyring('$inner', '$outer'),
      userKey('$k', '$inner'),
      watch('$inner', 1),
      watch('$k', 2),
      { op: 'unlink', key: '$outer', keyring: '@s' },
      poll(10000),
      { op: 'sleep', ms: 10 },
      read(),
    ])
    expect(sim.records(obs.at(-1)!).map((r) => [r.kind, r.watchId])).toEqual([
      ['removal', 1],
      ['removal', 2],
    ])
  })

  // docs/semantics.md#d2-when-a-destroyed-keys-quota-is-given-back
  it('gives the key quota back at the final put on 6.12, at the reap on 6.1', () => {
    for (const [name, atPut] of [
      ['x86_64-6.12', true],
      ['x86_64-6.1', false],
    ] as const) {
      const k = new Kernel(SIM_PROFILES[name]!)
      const key = k.allocKey('user', 'q', 0, 0, 0x3f010000)
      if (!('serial' in key)) throw new Error('no key')
      expect(k.user(0).qnkeys).toBe(1)
      k.gc.put(key)
      expect(k.user(0).qnkeys).toBe(atPut ? 0 : 1)
      k.clock.advanceTo(k.clock.now + GRACE_MS)
      expect(k.user(0).qnkeys).toBe(0)
      expect(k.keys.has(key.serial)).toBe(false)
    }
  })
})
