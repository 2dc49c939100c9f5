// read/FIONREAD/poll (docs/semantics.md#read, docs/semantics.md#poll) and write/writev
// (docs/semantics.md#write), through the protocol.
import { describe, expect, it } from 'vitest'
import { kinds, queue, read, Sim, type Step, twoWatchedKeysCleared, update, userKey, watch } from '../helpers.js'

const poll = (events: string[], timeoutMs = 0, fd = '$r'): Step => ({ op: 'poll', fd, events, timeoutMs })
const nowait = (fd = '$r'): Step => ({ op: 'read', fd, len: 4096, flags: ['RWF_NOWAIT'] })

// docs/semantics.md#d1-preadv2-with-rwf_nowait-on-the-read-end
describe('preadv2(RWF_NOWAIT)', () => {
  it('is EOPNOTSUPP on 6.1, even with a record queued', () => {
    const sim = new Sim('x86_64-6.1')
    const obs = sim.run([...queue(32, ['O_NOTIFICATION_PIPE']), userKey(), watch(), update(), nowait(), read()])
    expect(obs.at(-2)).toEqual({ errno: 'EOPNOTSUPP' })
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['updated'])
  })

  it('is EAGAIN on an empty blocking queue on 6.12, and returns the data when there is some', () => {
    const sim = new Sim('x86_64-6.12')
    const obs = sim.run([...queue(32, ['O_NOTIFICATION_PIPE']), nowait(), userKey(), watch(), update(), nowait()])
    expect(obs[2]).toEqual({ errno: 'EAGAIN' })
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['updated'])
  })

  it('returns 0 for an empty buffer before looking at the flag, and EBADF on the write end first', () => {
    const sim = new Sim('x86_64-6.1')
    const obs = sim.run([...queue(), { op: 'read', fd: '$r', len: 0, flags: ['RWF_NOWAIT'] }, nowait('$w')])
    expect(obs.slice(2)).toEqual([{ ret: 0, bytes: '' }, { errno: 'EBADF' }])
  })
})

describe('FIONREAD', () => {
  it('counts the bytes of queued records on either end: 3 key records are 48', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      { op: 'fionread', fd: '$r' },
      userKey(),
      watch(),
      update(),
      { op: 'set_timeout', key: '$k', seconds: 9 },
      { op: 'revoke', key: '$k' },
      { op: 'fionread', fd: '$r' },
      { op: 'fionread', fd: '$w' },
      read(),
      { op: 'fionread', fd: '$r' },
    ])
    expect(obs.filter((o) => o.value !== undefined).map((o) => o.value)).toEqual([0, 48, 48, 0])
  })

  it('gives what is left to read of a regular file', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'open_file', content: 'watchq', bind: '$f' },
      { op: 'read', fd: '$f', len: 2 },
      { op: 'fionread', fd: '$f' },
    ])
    expect(obs.at(-1)).toEqual({ ret: 0, value: 4 })
  })
})

describe('poll', () => {
  it('reports POLLIN (and POLLRDNORM if asked) on the read end iff a record is queued', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      poll(['POLLIN']),
      poll(['POLLIN', 'POLLRDNORM'], 100),
      userKey(),
      watch(),
      update(),
      poll(['POLLIN', 'POLLRDNORM']),
      read(),
      poll(['POLLIN']),
    ])
    expect(obs[2]).toEqual({ ret: 0, revents: [], elapsedMs: 0 })
    expect(obs[3]).toEqual({ ret: 0, revents: [], elapsedMs: 100 })
    expect(obs[7]).toEqual({ ret: 1, revents: ['POLLIN', 'POLLRDNORM'], elapsedMs: 0 })
    expect(obs.at(-1)).toMatchObject({ ret: 0, revents: [] })
  })

  it('reports POLLHUP once the write end is closed, asked for or not', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch(),
      { op: 'close', fd: '$w' },
      poll(['POLLIN']),
      update(),
      poll(['POLLIN']),
    ])
    expect(obs[5]).toMatchObject({ ret: 1, revents: ['POLLHUP'] })
    expect(obs[7]).toMatchObject({ ret: 1, revents: ['POLLIN', 'POLLHUP'] })
  })

  it('reports POLLOUT on the write end below max_usage, and POLLERR without readers', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), poll(['POLLOUT'], 0, '$w'), { op: 'close', fd: '$r' }, poll(['POLLOUT'], 0, '$w')])
    expect(obs[2]).toMatchObject({ revents: ['POLLOUT'] })
    expect(obs[4]).toMatchObject({ revents: ['POLLOUT', 'POLLERR'] })
  })

  it('drops POLLOUT once the sized queue holds max_usage (= nr_pages) records', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(1), userKey(), watch(), update(), poll(['POLLOUT'], 0, '$w')])
    expect(obs.at(-1)).toMatchObject({ ret: 0, revents: [] })
  })

  it('reports POLLNVAL for an fd that is not open and ignores a negative one', () => {
    const sim = new Sim()
    expect(
      sim.run([poll(['POLLIN'], 0, 42 as unknown as string), poll(['POLLIN'], 5, -1 as unknown as string)]),
    ).toEqual([
      { ret: 1, revents: ['POLLNVAL'], elapsedMs: 0 },
      { ret: 0, revents: [], elapsedMs: 5 },
    ])
  })
})

describe('write and writev', () => {
  it('write on the notification write end is EXDEV, zero-length included, with or without readers', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      { op: 'write', fd: '$w', bytes: '00'.repeat(16) },
      { op: 'write', fd: '$w', len: 0 },
      { op: 'writev', fd: '$w', iov: [8, 8] },
      { op: 'fionread', fd: '$r' },
      { op: 'close', fd: '$r' },
      { op: 'write', fd: '$w', len: 0 },
    ])
    expect(obs.slice(2).map((o) => o.errno ?? o.value ?? o.ret)).toEqual(['EXDEV', 'EXDEV', 'EXDEV', 0, 0, 'EXDEV'])
  })

  it('writev with a zero total length is 0 (the VFS returns before the pipe)', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), { op: 'writev', fd: '$w', iov: [0] }, { op: 'writev', fd: '$w', iov: [0, 0] }])
    expect(obs.slice(2)).toEqual([{ ret: 0 }, { ret: 0 }])
  })

  it('write on the read end is EBADF', () => {
    const sim = new Sim()
    expect(sim.last([...queue(), { op: 'write', fd: '$r', bytes: '00' }])).toEqual({ errno: 'EBADF' })
  })

  it('writes and reads a regular file at its offset', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'open_file', content: 'ab', bind: '$f' },
      { op: 'write', fd: '$f', bytes: '6364' },
      { op: 'read', fd: '$f', len: 10 },
    ])
    expect(obs.slice(1)).toEqual([{ ret: 2 }, { ret: 0, bytes: '' }])
  })
})

// docs/semantics.md#key-garbage-collection-timing
describe('wait_queued', () => {
  const waitQueued = (bytes: number, timeoutMs: number): Step => ({ op: 'wait_queued', fd: '$r', bytes, timeoutMs })

  it('is ETIMEDOUT when too little is queued, and returns the count once enough is', () => {
    const sim = new Sim()
    const obs = sim.run([...queue(), userKey(), watch(), update(), waitQueued(32, 50), update(), waitQueued(32, 50)])
    expect(obs[5]).toMatchObject({ errno: 'ETIMEDOUT' })
    expect(obs[5]!.elapsedMs).toBe(50)
    expect(obs[7]).toMatchObject({ ret: 0, value: 32, elapsedMs: 0 })
  })

  it('waits in simulated time for the removal records the key gc posts', () => {
    const sim = new Sim()
    const obs = sim.run([...twoWatchedKeysCleared(), waitQueued(32, 10_000), read()])
    expect(obs[8]).toMatchObject({ ret: 0, value: 32 })
    expect(kinds(sim.records(obs[9]!))).toEqual(['removal', 'removal'])
  })

  it("gives FIONREAD's errno at once", () => {
    const sim = new Sim()
    const obs = sim.run([{ op: 'wait_queued', fd: 9, bytes: 1, timeoutMs: 1000 }])
    expect(obs[0]).toMatchObject({ errno: 'EBADF' })
  })
})

describe('writev', () => {
  it('writes hex items as bytes and numbers as zeros, in order', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: ['O_NONBLOCK'], bind: ['$r', '$w'] },
      { op: 'writev', fd: '$w', iov: ['0102', 2, '', 'ff'] },
      read(),
    ])
    expect(obs[1]).toEqual({ ret: 5 })
    expect(obs[2]).toEqual({ ret: 5, bytes: '010200' + '00ff' })
  })
})
