// Notification pipes are not pipes to the splice family
// (docs/semantics.md#splice-tee-vmsplice-and-sendfile).
import { describe, expect, it } from 'vitest'
import { kinds, queue, read, Sim, type Step, update, userKey, watch } from '../helpers.js'

const ordinary = (r = '$pr', w = '$pw', flags: string[] = []): Step => ({ op: 'pipe2', flags, bind: [r, w] })
const file = (bind: string, content = ''): Step => ({ op: 'open_file', content, bind })
const hello: Step = { op: 'write', fd: '$pw', bytes: '68656c6c6f' }

describe('splice', () => {
  it('returns 0 for a zero length before looking at anything, even bad fds', () => {
    const sim = new Sim()
    expect(sim.run([{ op: 'splice', in: 99, out: 98, len: 0 }])).toEqual([{ ret: 0 }])
  })

  it('is EINVAL from a notification read end, into a pipe or a file; the record stays', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch(),
      update(),
      ordinary(),
      { op: 'splice', in: '$r', out: '$pw', len: 16 },
      file('$f'),
      { op: 'splice', in: '$r', out: '$f', len: 16 },
      read(),
    ])
    expect([obs[6]!.errno, obs[8]!.errno]).toEqual(['EINVAL', 'EINVAL'])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['updated'])
  })

  it('is EINVAL from a regular file into a notification write end (neither is a pipe)', () => {
    const sim = new Sim()
    expect(sim.last([...queue(), file('$f', 'watchq'), { op: 'splice', in: '$f', out: '$w', len: 6 }])).toEqual({
      errno: 'EINVAL',
    })
  })

  it('is EXDEV from an ordinary pipe with data into a notification write end; the data stays', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      ordinary('$pr', '$pw', ['O_NONBLOCK']),
      hello,
      { op: 'splice', in: '$pr', out: '$w', len: 5 },
      { op: 'read', fd: '$pr', len: 16 },
    ])
    expect(obs.slice(-2)).toEqual([{ errno: 'EXDEV' }, { ret: 5, bytes: '68656c6c6f' }])
  })

  it('from an empty ordinary pipe: EAGAIN non-blocking, 0 without writers, blocks forever otherwise', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      ordinary(),
      { op: 'splice', in: '$pr', out: '$w', len: 16, flags: ['SPLICE_F_NONBLOCK'] },
      { op: 'close', fd: '$pw' },
      { op: 'splice', in: '$pr', out: '$w', len: 16 },
    ])
    expect(obs.slice(3).map((o) => o.errno ?? o.ret)).toEqual(['EAGAIN', 0, 0])
    expect(sim.last([...queue(), ordinary(), { op: 'splice', in: '$pr', out: '$w', len: 16 }]).error).toMatch(
      /^would block forever/,
    )
  })

  it('checks the modes (EBADF) before the kinds', () => {
    const sim = new Sim()
    expect(sim.last([...queue(), { op: 'splice', in: '$w', out: '$r', len: 1 }])).toEqual({ errno: 'EBADF' })
  })

  it('moves data between ordinary pipes and files', () => {
    const sim = new Sim()
    const obs = sim.run([
      ordinary(),
      hello,
      ordinary('$qr', '$qw'),
      { op: 'splice', in: '$pr', out: '$qw', len: 3 },
      file('$f', 'xyz'),
      { op: 'splice', in: '$f', out: '$qw', len: 10 },
      { op: 'read', fd: '$qr', len: 64 },
    ])
    expect(obs[3]).toEqual({ ret: 3 })
    expect(obs[5]).toEqual({ ret: 3 })
    expect(obs.at(-1)).toEqual({ ret: 6, bytes: '68656c78797a' })
  })
})

describe('tee', () => {
  it('is 0 for a zero length, EINVAL with a notification end on either side', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      ordinary('$pr', '$pw', ['O_NONBLOCK']),
      hello,
      { op: 'tee', in: '$r', out: '$pw', len: 0 },
      { op: 'tee', in: '$r', out: '$pw', len: 16 },
      { op: 'tee', in: '$pr', out: '$w', len: 5 },
    ])
    expect(obs.slice(-3).map((o) => o.errno ?? o.ret)).toEqual([0, 'EINVAL', 'EINVAL'])
  })

  it('copies between ordinary pipes without consuming', () => {
    const sim = new Sim()
    const obs = sim.run([
      ordinary(),
      hello,
      ordinary('$qr', '$qw'),
      { op: 'tee', in: '$pr', out: '$qw', len: 5 },
      { op: 'read', fd: '$pr', len: 9 },
      { op: 'read', fd: '$qr', len: 9 },
    ])
    expect(obs.slice(-3)).toEqual([{ ret: 5 }, { ret: 5, bytes: '68656c6c6f' }, { ret: 5, bytes: '68656c6c6f' }])
  })
})

describe('vmsplice', () => {
  it('is EBADF with a non-empty iovec on either notification end, 0 with an empty one', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      { op: 'vmsplice', fd: '$w', iov: [16] },
      { op: 'vmsplice', fd: '$r', iov: [16] },
      { op: 'vmsplice', fd: '$w', iov: [] },
    ])
    expect(obs.slice(2).map((o) => o.errno ?? o.ret)).toEqual(['EBADF', 'EBADF', 0])
  })

  it('fills and drains an ordinary pipe', () => {
    const sim = new Sim()
    const obs = sim.run([
      ordinary(),
      { op: 'vmsplice', fd: '$pw', iov: [3, 2] },
      { op: 'vmsplice', fd: '$pr', iov: [4] },
      { op: 'fionread', fd: '$pr' },
    ])
    expect(obs.slice(1)).toEqual([{ ret: 5 }, { ret: 4 }, { ret: 0, value: 1 }])
  })
})

describe('sendfile', () => {
  it('is EXDEV into a notification write end from a file with data, 0 at end of file', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      file('$f', 'watchq'),
      { op: 'sendfile', out: '$w', in: '$f', count: 6 },
      file('$e'),
      { op: 'sendfile', out: '$w', in: '$e', count: 6 },
    ])
    expect([obs[3], obs[5]]).toEqual([{ errno: 'EXDEV' }, { ret: 0 }])
  })

  it('leaves the input offset alone on EXDEV', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      file('$f', 'watchq'),
      { op: 'sendfile', out: '$w', in: '$f', count: 6 },
      { op: 'read', fd: '$f', len: 6 },
    ])
    expect(obs.at(-1)).toEqual({ ret: 6, bytes: '776174636871' })
  })

  it('is EINVAL from a notification read end, into a file or an ordinary pipe', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch(),
      update(),
      file('$f'),
      { op: 'sendfile', out: '$f', in: '$r', count: 16 },
      ordinary(),
      { op: 'sendfile', out: '$pw', in: '$r', count: 16 },
      read(),
    ])
    expect([obs[6]!.errno, obs[8]!.errno]).toEqual(['EINVAL', 'EINVAL'])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['updated'])
  })

  it('copies a file into a file and into an ordinary pipe', () => {
    const sim = new Sim()
    const obs = sim.run([
      file('$a', 'abc'),
      file('$b'),
      { op: 'sendfile', out: '$b', in: '$a', count: 2 },
      ordinary(),
      { op: 'sendfile', out: '$pw', in: '$a', count: 9 },
      { op: 'read', fd: '$pr', len: 9 },
    ])
    expect(obs[2]).toEqual({ ret: 2 })
    expect(obs.slice(-2)).toEqual([{ ret: 1 }, { ret: 1, bytes: '63' }])
  })
})

describe('the flags of splice, tee and vmsplice', () => {
  it('SPLICE_F_NONBLOCK turns every wait into EAGAIN; the bytes vmsplice gives pass through unchanged', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: [], bind: ['$ar', '$aw'] },
      { op: 'pipe2', flags: [], bind: ['$br', '$bw'] },
      { op: 'tee', in: '$ar', out: '$bw', len: 8, flags: ['SPLICE_F_NONBLOCK'] },
      { op: 'vmsplice', fd: '$ar', iov: [8], flags: ['SPLICE_F_NONBLOCK'] },
      { op: 'vmsplice', fd: '$aw', iov: ['abcd'], flags: ['SPLICE_F_GIFT'] },
      { op: 'splice', in: '$ar', out: '$bw', len: 8, flags: ['SPLICE_F_MORE', 'SPLICE_F_MOVE'] },
      { op: 'read', fd: '$br', len: 8 },
      { op: 'tee', in: '$ar', out: '$bw', len: 8, flags: ['SPLICE_F_BOGUS'] },
    ])
    expect(obs.slice(2, 7)).toEqual([
      { errno: 'EAGAIN' },
      { errno: 'EAGAIN' },
      { ret: 2 },
      { ret: 2 },
      { ret: 2, bytes: 'abcd' },
    ])
    expect(obs[7]!.error).toMatch(/not a SPLICE_F_\* name/)
  })
})
