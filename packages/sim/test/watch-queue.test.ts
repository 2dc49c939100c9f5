// SET_SIZE (docs/semantics.md#set_size), capacity and loss
// (docs/semantics.md#capacity-and-ring-size, docs/semantics.md#loss), as the queue model does them.
import { describe, expect, it } from 'vitest'
import { roundupPowOfTwo, sizing } from '../src/watch-queue.js'
import { kinds, queue, read, Sim, times, update, userKey, watch } from './helpers.js'

/** Fills a queue of `notes` with `n` UPDATED records (watch id 1) and reads everything back. */
function fill(sim: Sim, notes: number, n: number) {
  return sim.run([...queue(notes), userKey(), watch(), ...times(n, update()), read(65536), read(65536)])
}

describe('SET_SIZE', () => {
  it('rounds notes up to whole pages: 33 → 64 on 4K pages', () => {
    expect(sizing(33, 4096)).toEqual({ nrPages: 2, nrNotes: 64, ringSlots: 64 })
    const sim = new Sim()
    const obs = fill(sim, 33, 65)
    expect(obs.at(-2)!.ret).toBe(64 * 16)
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['loss'])
  })

  it('keeps 96 notes as 96 (three pages) with a ring of 128 slots', () => {
    expect(sizing(96, 4096)).toEqual({ nrPages: 3, nrNotes: 96, ringSlots: 128 })
    const sim = new Sim()
    expect(fill(sim, 96, 97).at(-2)!.ret).toBe(96 * 16)
  })

  it('gives 1 note a page of 32 and 512 notes sixteen pages', () => {
    expect(sizing(1, 4096).nrNotes).toBe(32)
    expect(sizing(512, 4096)).toEqual({ nrPages: 16, nrNotes: 512, ringSlots: 512 })
  })

  it('always takes one page of 512 notes with 64K pages', () => {
    expect(sizing(1, 65536)).toEqual({ nrPages: 1, nrNotes: 512, ringSlots: 512 })
    const sim = new Sim({ version: '6.12', arch: 'x86_64', pageSize: 65536 })
    expect(sim.last([...queue(1), { op: 'fcntl', fd: '$r', cmd: 'F_GETPIPE_SZ' }])).toEqual({ ret: 65536 })
  })

  it('rounds ring slots to a power of two', () => {
    expect([1, 32, 33, 64, 96, 129, 512].map(roundupPowOfTwo)).toEqual([1, 32, 64, 64, 128, 256, 512])
  })

  it('sets F_GETPIPE_SZ to the pages it charged (65536 unsized)', () => {
    const sim = new Sim()
    const sz = (notes: number | null) => sim.last([...queue(notes), { op: 'fcntl', fd: '$r', cmd: 'F_GETPIPE_SZ' }]).ret
    expect([sz(null), sz(1), sz(33), sz(96), sz(256), sz(512)]).toEqual([65536, 4096, 8192, 12288, 32768, 65536])
  })

  it('checks ENODEV before EBUSY before EINVAL', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: [], bind: ['$p', '$q'] },
      { op: 'set_size', fd: '$p', notes: 0 },
      ...queue(null),
      { op: 'set_size', fd: '$r', notes: 0 },
      { op: 'set_size', fd: '$r', notes: 32 },
      { op: 'set_size', fd: '$r', notes: 0 },
    ])
    expect(obs.slice(1).map((o) => o.errno ?? o.ret)).toEqual(['ENODEV', 0, 'EINVAL', 0, 'EBUSY'])
  })

  it('refuses 0, 513 and 0xffffffff with EINVAL', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(null), ...[0, 513, 0xffffffff].map((notes) => ({ op: 'set_size', fd: '$r', notes }))])
    expect(obs.slice(1).map((o) => o.errno)).toEqual(['EINVAL', 'EINVAL', 'EINVAL'])
  })

  it('truncates the argument to 32 bits: 2^32+1 acts as 1', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(2 ** 32 + 1), { op: 'fcntl', fd: '$r', cmd: 'F_GETPIPE_SZ' }])
    expect(obs[1]).toEqual({ ret: 0 })
    expect(obs[2]).toEqual({ ret: 4096 })
  })

  it('leaves the queue unsized after a failed call, so a retry succeeds', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(null),
      { op: 'set_size', fd: '$r', notes: 513 },
      { op: 'set_size', fd: '$r', notes: 32 },
    ])
    expect(obs.slice(1)).toEqual([{ errno: 'EINVAL' }, { ret: 0 }])
  })

  it('works on the write end, and the read end then sees it sized (EBUSY)', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(null),
      { op: 'set_size', fd: '$w', notes: 32 },
      { op: 'set_size', fd: '$r', notes: 32 },
    ])
    expect(obs.slice(1)).toEqual([{ ret: 0 }, { errno: 'EBUSY' }])
  })

  it('is ENOTTY on a regular file and EBADF on a closed fd', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'open_file', content: 'x', bind: '$f' },
      { op: 'set_size', fd: '$f', notes: 32 },
      { op: 'set_size', fd: 99, notes: 32 },
    ])
    expect(obs.slice(1)).toEqual([{ errno: 'ENOTTY' }, { errno: 'EBADF' }])
  })

  it('may follow watches: what was posted before is dropped without a LOSS', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(null),
      userKey(),
      watch(),
      update(),
      { op: 'set_size', fd: '$r', notes: 32 },
      read(),
      update(),
      read(),
    ])
    expect(obs[4]).toEqual({ ret: 0 })
    expect(obs[5]).toEqual({ errno: 'EAGAIN' })
    expect(kinds(sim.records(obs[7]!))).toEqual(['updated'])
  })
})

describe('capacity and loss', () => {
  it('holds exactly the effective notes before losing', () => {
    const sim = new Sim()
    const obs = fill(sim, 1, 32)
    expect(obs.at(-2)!.ret).toBe(512)
    expect(obs.at(-1)).toEqual({ errno: 'EAGAIN' })
  })

  it('puts LOSS right after the newest record queued before the loss, before later ones', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(1),
      userKey(),
      watch(),
      ...times(32, update()),
      update(),
      update(),
      read(16),
      { op: 'revoke', key: '$k' },
      read(),
    ])
    const recs = kinds(sim.records(obs.at(-1)!))
    expect(recs).toEqual([...Array<string>(31).fill('updated'), 'loss', 'revoked'])
    expect(obs.at(-1)!.ret).toBe(31 * 16 + 8 + 16)
  })

  it('collapses losses on the same newest record into one LOSS, and keeps losses apart when a post got in between', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(1),
      userKey(),
      watch(),
      ...times(32, update()),
      update(),
      read(16),
      { op: 'set_timeout', key: '$k', seconds: 3600 },
      update(),
      read(),
      read(),
    ])
    expect(kinds(sim.records(obs.at(-2)!)).filter((k) => k === 'loss')).toHaveLength(1)
    expect(kinds(sim.records(obs.at(-2)!)).at(-1)).toBe('setattr')
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['loss'])
  })

  it('defers the LOSS to the next read when nothing follows it, even with an empty ring', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(1),
      userKey(),
      watch(),
      ...times(33, update()),
      read(),
      { op: 'fionread', fd: '$r' },
      { op: 'poll', fd: '$r', events: ['POLLIN'], timeoutMs: 0 },
      read(),
      read(),
    ])
    expect(obs.at(-5)!.ret).toBe(512)
    // A pending LOSS is invisible to FIONREAD and poll (docs/semantics.md#deferred-loss).
    expect(obs.at(-4)!.value).toBe(0)
    expect(obs.at(-3)!.revents).toEqual([])
    expect(obs.at(-2)).toEqual({ ret: 8, bytes: '0000000108000000' })
    expect(obs.at(-1)).toEqual({ errno: 'EAGAIN' })
  })

  it('returns a pending LOSS at once even in blocking mode', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(1, ['O_NOTIFICATION_PIPE']),
      userKey(),
      watch(),
      ...times(33, update()),
      read(),
      read(),
    ])
    expect(obs.at(-1)).toEqual({ ret: 8, bytes: '0000000108000000' })
  })

  it('keeps the LOSS pending when fewer than 8 bytes are left, and gives ENOBUFS if nothing was copied', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(1), userKey(), watch(), ...times(33, update()), read(512), read(4), read(7), read(8)])
    expect(obs.slice(-3)).toEqual([{ errno: 'ENOBUFS' }, { errno: 'ENOBUFS' }, { ret: 8, bytes: '0000000108000000' }])
  })

  it('defers the LOSS when the buffer is short after the flagged record', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(1),
      userKey(),
      watch(),
      ...times(33, update()),
      read(16),
      { op: 'revoke', key: '$k' },
      read(500),
      read(),
    ])
    expect(obs.at(-2)!.ret).toBe(496)
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['loss', 'revoked'])
  })

  it('never reports losses before SET_SIZE', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(null),
      userKey(),
      watch(),
      update(),
      { op: 'set_size', fd: '$r', notes: 1 },
      update(),
      read(),
      read(),
    ])
    expect(kinds(sim.records(obs.at(-2)!))).toEqual(['updated'])
    expect(obs.at(-1)).toEqual({ errno: 'EAGAIN' })
  })

  // docs/semantics.md#removal-records
  it('loses a removal record on a full queue too', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(1),
      userKey(),
      watch(),
      ...times(32, update()),
      { op: 'unwatch', key: '$k', fd: '$r' },
      read(),
      read(),
    ])
    expect(obs.at(-3)).toEqual({ ret: 0 })
    expect(obs.at(-2)!.ret).toBe(512)
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['loss'])
  })

  it('writes the LOSS record in the machine byte order', () => {
    const be = new Sim('s390x-6.1')
    const obs = be.run([...queue(1), userKey(), watch(), ...times(33, update()), read(512), read()])
    expect(obs.at(-1)).toEqual({ ret: 8, bytes: '0000000100000008' })
  })
})
