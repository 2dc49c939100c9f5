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

describe('F_GETFL / F_SETFL', () => {
  const getfl = (fd: string): Step => ({ op: 'fcntl', fd, cmd: 'F_GETFL' })

  it('reports each open file its own access mode and flags by name, with the raw bits as ret', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE', 'O_DIRECT'], bind: ['$r', '$w'] },
      { op: 'dup', fd: '$r', bind: '$d' },
      getfl('$r'),
      getfl('$w'),
      { op: 'fcntl', fd: '$d', cmd: 'F_SETFL', flags: ['O_NONBLOCK', 'O_APPEND'] },
      getfl('$r'),
      getfl('$w'),
      { op: 'read', fd: '$r', len: 64 },
      { op: 'fcntl', fd: '$r', cmd: 'F_SETFL', arg: 0 },
      getfl('$d'),
      { op: 'open_file', content: 'x', bind: '$f' },
      getfl('$f'),
    ])
    expect(obs[2]).toEqual({ ret: 0, flags: ['O_RDONLY'] })
    expect(obs[3]).toEqual({ ret: 0o40001, flags: ['O_WRONLY', 'O_DIRECT'] })
    expect(obs[4]).toEqual({ ret: 0 })
    expect(obs[5]).toEqual({ ret: 0o6000, flags: ['O_RDONLY', 'O_APPEND', 'O_NONBLOCK'] })
    expect(obs[6]!.flags).toEqual(['O_WRONLY', 'O_DIRECT'])
    expect(obs[7]).toEqual({ errno: 'EAGAIN' })
    expect(obs[9]!.flags).toEqual(['O_RDONLY'])
    // open(2) on a 64-bit kernel adds O_LARGEFILE.
    expect(obs[11]!.flags).toEqual(['O_RDWR', 'O_LARGEFILE'])
  })

  it('is EBADF on an fd that is not open', () => {
    const sim = new Sim()
    const obs = sim.run([{ op: 'fcntl', fd: 17, cmd: 'F_GETFL' }])
    expect(obs[0]).toEqual({ errno: 'EBADF' })
  })
})

describe('open_file with a path', () => {
  it('opens the files it knows read-only and declines any other path', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'open_file', path: '/proc/sys/kernel/ostype', bind: '$f' },
      { op: 'read', fd: '$f', len: 64 },
      { op: 'write', fd: '$f', bytes: '00' },
      { op: 'open_file', path: '/etc/passwd' },
    ])
    expect(obs[1]).toEqual({ ret: 6, bytes: '4c696e75780a' })
    expect(obs[2]).toEqual({ errno: 'EBADF' })
    expect(obs[3]!.skipped).toMatch(/no file \/etc\/passwd/)
  })
})
