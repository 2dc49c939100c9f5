// pipe2(O_NOTIFICATION_PIPE) (docs/semantics.md#pipe2-with-o_notification_pipe), the shared
// pipe_read (docs/semantics.md#read), closing (docs/semantics.md#closing); ordinary pipes as the
// splice cases need them.
import { describe, expect, it } from 'vitest'
import { MemoryBudget } from '../src/limits.js'
import { BLOCK, Pipe } from '../src/pipe.js'
import { kinds, queue, read, Sim, update, userKey, watch } from './helpers.js'

describe('pipe2', () => {
  it('accepts O_NOTIFICATION_PIPE with O_CLOEXEC, O_NONBLOCK and O_DIRECT', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE', 'O_CLOEXEC', 'O_NONBLOCK', 'O_DIRECT'], bind: ['$r', '$w'] },
      { op: 'set_size', fd: '$r', notes: 32 },
    ])
    expect(obs).toEqual([{ ret: 0, fds: [3, 4] }, { ret: 0 }])
  })

  it('takes O_EXCL as O_NOTIFICATION_PIPE (the same bit, 0x80)', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: [0x80], bind: ['$r', '$w'] },
      { op: 'set_size', fd: '$r', notes: 1 },
    ])
    expect(obs[1]).toEqual({ ret: 0 })
  })

  it('refuses any other flag bit with EINVAL, O_TMPFILE included (what the documentation shows)', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE', 'O_TMPFILE'], bind: ['$a', '$b'] },
      { op: 'pipe2', flags: ['O_TMPFILE'], bind: ['$a', '$b'] },
      { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE', 1024], bind: ['$a', '$b'] },
      { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE', 64], bind: ['$a', '$b'] },
      { op: 'pipe2', flags: [], bind: ['$a', '$b'] },
    ])
    expect(obs.map((o) => o.errno ?? o.ret)).toEqual(['EINVAL', 'EINVAL', 'EINVAL', 'EINVAL', 0])
    expect(obs[4]!.fds).toEqual([3, 4])
  })

  it('starts fds at 3 in every case (a fresh process), lowest free first', () => {
    const sim = new Sim()
    sim.run([...queue(), ...queue(32, undefined, '$a', '$b')])
    const obs = sim.run([...queue(), { op: 'close', fd: 3 }, { op: 'dup', fd: 4, bind: '$d' }])
    expect(obs[0]!.fds).toEqual([3, 4])
    expect(obs.at(-1)).toEqual({ ret: 3 })
  })

  it('is EMFILE when RLIMIT_NOFILE leaves no two fds', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(null),
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 6 },
      ...queue(null, undefined, '$a', '$b'),
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 0 },
      { op: 'dup', fd: 3 },
    ])
    expect(obs[2]).toEqual({ errno: 'EMFILE' })
    expect(obs.at(-1)).toEqual({ errno: 'EMFILE' })
  })
})

describe('read on a notification pipe', () => {
  it('returns whole records back to back, and ENOBUFS (record kept) when the next one does not fit', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch(),
      update(),
      { op: 'set_timeout', key: '$k', seconds: 9 },
      read(15),
      read(31),
      read(),
    ])
    expect(obs[6]).toEqual({ errno: 'ENOBUFS' })
    expect(kinds(sim.records(obs[7]!))).toEqual(['updated'])
    expect(kinds(sim.records(obs[8]!))).toEqual(['setattr'])
  })

  it('succeeds with 0 for a zero-length read, whatever is queued', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), read(0), userKey(), watch(), update(), read(0), { op: 'fionread', fd: '$r' }])
    expect(obs[2]).toEqual({ ret: 0, bytes: '' })
    expect(obs.slice(-2)).toEqual([
      { ret: 0, bytes: '' },
      { ret: 0, value: 16 },
    ])
  })

  it('gives EOF (0) on an empty queue without writers, before O_NONBLOCK matters; records still come first', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), watch(), { op: 'close', fd: '$w' }, update(), read(), read()])
    expect(kinds(sim.records(obs.at(-2)!))).toEqual(['updated'])
    expect(obs.at(-1)).toEqual({ ret: 0, bytes: '' })
  })

  it('is EAGAIN on an empty queue with a writer in O_NONBLOCK mode', () => {
    const sim = new Sim()
    expect(sim.last([...queue(), read()])).toEqual({ errno: 'EAGAIN' })
  })

  it('would block forever in blocking mode with nothing to come', () => {
    const sim = new Sim()
    const o = sim.last([...queue(32, ['O_NOTIFICATION_PIPE']), read()])
    expect(o.error).toMatch(/^would block forever: /)
  })

  it('is EBADF on the write end', () => {
    const sim = new Sim()
    expect(sim.last([...queue(), read(4096, '$w')])).toEqual({ errno: 'EBADF' })
  })
})

describe('closing', () => {
  it('keeps watches when only the read end is closed: records still fill the queue, the write end still works', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(null),
      userKey('$a'),
      userKey('$b'),
      watch('$a'),
      { op: 'close', fd: '$r' },
      { op: 'set_size', fd: '$w', notes: 32 },
      update('$a'),
      { op: 'fionread', fd: '$w' },
      watch('$b', 2, '$w'),
      { op: 'unwatch', key: '$b', fd: '$w' },
      { op: 'fionread', fd: '$w' },
    ])
    expect(obs.map((o) => o.errno ?? o.value ?? o.ret).slice(5)).toEqual([0, 0, 16, 0, 0, 32])
  })

  it('is EBADF for an fd that is not open', () => {
    const sim = new Sim()
    expect(sim.run([{ op: 'close', fd: 3 }])).toEqual([{ errno: 'EBADF' }])
  })
})

describe('ordinary pipes', () => {
  const pipe = () => new Pipe(4096, 'little', new MemoryBudget())

  it('merge small writes into one page buffer, and read them back in order', () => {
    const p = pipe()
    p.write(Uint8Array.of(1, 2), true, false)
    p.write(Uint8Array.of(3), true, false)
    expect(p.occupancy).toBe(1)
    expect([...(p.read(10, true) as Uint8Array)]).toEqual([1, 2, 3])
  })

  it('keep each write a packet in O_DIRECT mode: a read takes one packet, the rest of it is dropped', () => {
    const p = pipe()
    p.write(Uint8Array.of(1, 2, 3), true, true)
    p.write(Uint8Array.of(4), true, true)
    expect([...(p.read(2, true) as Uint8Array)]).toEqual([1, 2])
    expect([...(p.read(10, true) as Uint8Array)]).toEqual([4])
  })

  it('fill to max_usage pages: EAGAIN non-blocking, BLOCK otherwise; EPIPE without readers', () => {
    const p = pipe()
    expect(p.write(new Uint8Array(16 * 4096), true, false)).toBe(16 * 4096)
    expect(p.write(Uint8Array.of(1), true, false)).toMatchObject({ name: 'EAGAIN' })
    expect(p.write(Uint8Array.of(1), false, false)).toMatchObject({ block: BLOCK })
    p.readers = 0
    expect(p.write(Uint8Array.of(1), true, false)).toMatchObject({ name: 'EPIPE' })
  })

  it('run out of machine memory with ENOMEM', () => {
    const p = new Pipe(4096, 'little', new MemoryBudget(4096))
    expect(p.write(new Uint8Array(8192), true, false)).toBe(4096)
    expect(p.write(new Uint8Array(8192), true, false)).toMatchObject({ name: 'ENOMEM' })
  })

  it('refuse writes on a notification pipe with EXDEV before anything else', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      { op: 'write', fd: '$w', len: 0 },
      { op: 'close', fd: '$r' },
      { op: 'write', fd: '$w', len: 16 },
    ])
    expect(obs.slice(2).map((o) => o.errno ?? o.ret)).toEqual(['EXDEV', 0, 'EXDEV'])
  })
})
