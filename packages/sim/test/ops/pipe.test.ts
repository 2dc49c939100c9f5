// F_GETPIPE_SZ / F_SETPIPE_SZ (docs/semantics.md#f_getpipe_sz-and-pipe-accounting,
// docs/semantics.md#f_setpipe_sz), dup and open_file.
import { describe, expect, it } from 'vitest'
import { queue, Sim, type Step } from '../helpers.js'

const getsz = (fd = '$r'): Step => ({ op: 'fcntl', fd, cmd: 'F_GETPIPE_SZ' })
const setsz = (arg: number, fd = '$r'): Step => ({ op: 'fcntl', fd, cmd: 'F_SETPIPE_SZ', arg })

describe('F_SETPIPE_SZ', () => {
  it('is EBUSY on a notification pipe, sized or not, from either end', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(null),
      getsz(),
      setsz(4096),
      setsz(65536, '$w'),
      { op: 'set_size', fd: '$r', notes: 32 },
      setsz(1 << 20),
    ])
    expect(obs.slice(1).map((o) => o.errno ?? o.ret)).toEqual([65536, 'EBUSY', 'EBUSY', 0, 'EBUSY'])
  })

  it('resizes an ordinary pipe to a power-of-two number of pages (one at least)', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: [], bind: ['$r', '$w'] },
      setsz(1),
      setsz(5000),
      getsz('$w'),
      setsz(2 ** 31 + 1),
    ])
    expect(obs.slice(1).map((o) => o.errno ?? o.ret)).toEqual([4096, 8192, 8192, 'EINVAL'])
  })

  it('refuses to shrink below the data held (EBUSY)', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: [], bind: ['$r', '$w'] },
      { op: 'write', fd: '$w', len: 8192 },
      setsz(4096),
    ])
    expect(obs.at(-1)).toEqual({ errno: 'EBUSY' })
  })

  it('is EBADF on a regular file and on a closed fd', () => {
    const sim = new Sim()
    const obs = sim.run([{ op: 'open_file', bind: '$f' }, getsz('$f'), getsz(77 as unknown as string)])
    expect(obs.slice(1)).toEqual([{ errno: 'EBADF' }, { errno: 'EBADF' }])
  })
})

describe('dup and open_file', () => {
  it('dup shares the file description: one end stays open until both fds are closed', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      { op: 'dup', fd: '$w', bind: '$d' },
      { op: 'close', fd: '$w' },
      { op: 'read', fd: '$r', len: 16 },
      { op: 'close', fd: '$d' },
      { op: 'read', fd: '$r', len: 16 },
    ])
    expect(obs[2]).toEqual({ ret: 5 })
    expect(obs[4]).toEqual({ errno: 'EAGAIN' })
    expect(obs.at(-1)).toEqual({ ret: 0, bytes: '' })
  })

  it('open_file binds an fd positioned at 0 holding the content', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'open_file', content: 'hi', bind: '$f' },
      { op: 'read', fd: '$f', len: 9 },
    ])
    expect(obs).toEqual([{ ret: 3 }, { ret: 2, bytes: '6869' }])
  })
})
