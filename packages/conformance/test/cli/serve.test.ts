// `watchq serve`: the simulator on a socket, as a user starts it — what it says, and a client's
// hello through it; what it refuses to listen on (one line, exit 1 or 2); idle clients closed.
import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serveCommand } from '../../src/cli/serve.js'
import { parseImpl } from '../../src/transport/connect.js'
import { run } from '../support/run.js'

const quietIo = (err: string[]) => ({
  out: () => {},
  err: (t: string) => err.push(t),
  stdin: async function* () {},
  stdinIsTTY: true,
})

/** Starts `watchq serve ARGV…` in process; stop() ends it and resolves to its exit code. */
async function started(argv: string[]) {
  const err: string[] = []
  let stop!: () => void
  const until = new Promise<void>((r) => {
    stop = r
  })
  const done = serveCommand(argv, quietIo(err), until)
  for (let i = 0; i < 200 && err.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
  return {
    err,
    stop: () => {
      stop()
      return done
    },
  }
}

const dir = mkdtempSync(join(tmpdir(), 'watchq-serve-cli-'))

describe('watchq serve', () => {
  it('serves the simulator on a 0600 Unix socket until told to stop', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'watchq-serve-cli-')), 's.sock')
    const err: string[] = []
    let stop!: () => void
    const until = new Promise<void>((r) => {
      stop = r
    })
    const done = serveCommand(['--listen', `unix:${path}`, '--profile', 's390x-6.1'], quietIo(err), until)
    for (let i = 0; i < 100 && err.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    expect(err[0]).toBe(`watchq serve: the simulator (s390x-6.1) listening on unix:${path} (mode 0600)`)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const conn = await parseImpl(`unix:${path}`).connect()
    const hello = JSON.parse(await conn.request({ cmd: 'hello', protocol: 1 }, 2000))
    expect(hello.implementation).toMatchObject({ name: 'watchq-sim', arch: 's390x', endian: 'big', kernel: '6.1.192' })
    await conn.close(100)
    stop()
    expect(await done).toBe(0)
  })

  it('says when TCP is reachable from the network', async () => {
    const err: string[] = []
    const done = serveCommand(['--listen', 'tcp:0.0.0.0:0'], quietIo(err), Promise.resolve())
    expect(await done).toBe(0)
    expect(err[0]).toMatch(/listening on tcp:0\.0\.0\.0:\d+ — NOT loopback: reachable from the network$/)
  })

  it('documents its bounds and the idle timeout', async () => {
    const r = await run(['serve', '--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('--idle-timeout <seconds>')
    expect(r.out).toContain('(default: 300)')
    expect(r.out).toContain('the server stops reading while 1 MiB of requests (or 256 requests) wait')
    expect(r.out).toContain('All connections together: past 64 MiB')
    expect(r.out).toContain('at most 107\n                 bytes of path')
  })

  it('closes a silent connection after --idle-timeout, with one error line', async () => {
    const path = join(dir, 'idle.sock')
    const s = await started(['--listen', `unix:${path}`, '--idle-timeout', '0.2'])
    const sock = connect(path)
    let got = ''
    sock.on('data', (d) => {
      got += d
    })
    await new Promise<void>((resolve) => sock.on('close', () => resolve()))
    expect(got).toBe('{"seq":0,"error":{"message":"idle for 0.2 s: the server closes the connection"}}\n')
    expect(await s.stop()).toBe(0)
  })

  it('refuses the socket of a server that answers, which keeps serving', async () => {
    const path = join(dir, 'live.sock')
    const first = await started(['--listen', `unix:${path}`])
    const r = await run(['serve', '--listen', `unix:${path}`])
    expect(r.code).toBe(1)
    expect(r.err).toBe(
      `watchq: cannot listen on ${path}: another server is answering on it; stop that one first, or choose another path\n`,
    )
    const conn = await parseImpl(`unix:${path}`).connect()
    expect(JSON.parse(await conn.request({ cmd: 'hello', protocol: 1 }, 2000)).protocol).toBe(1)
    await conn.close(100)
    expect(await first.stop()).toBe(0)
  })

  it.each([
    ['a regular file', (p: string) => writeFileSync(p, '')],
    ['a directory', (p: string) => mkdirSync(p)],
    ['a symbolic link', (p: string) => symlinkSync(join(dir, 'nowhere'), p)],
  ])('leaves %s at the path alone: one line, exit 1', async (what, make) => {
    const path = join(dir, what.replaceAll(' ', '-'))
    make(path)
    const r = await run(['serve', '--listen', `unix:${path}`])
    expect(r.code).toBe(1)
    expect(r.err).toBe(`watchq: cannot listen on ${path}: it is ${what}, not a socket; not replacing it\n`)
  })

  it('says when the directory does not exist, or is not one', async () => {
    const path = join(dir, 'missing', 's.sock')
    const r = await run(['serve', '--listen', `unix:${path}`])
    expect(r.code).toBe(1)
    expect(r.err).toBe(`watchq: cannot listen on ${path}: no directory ${join(dir, 'missing')}\n`)
    writeFileSync(join(dir, 'plain'), '')
    const under = join(dir, 'plain', 's.sock')
    const r2 = await run(['serve', '--listen', `unix:${under}`])
    expect(r2.code).toBe(1)
    expect(r2.err).toBe(`watchq: cannot listen on ${under}: ENOTDIR (not a directory)\n`)
  })

  it.each([
    [['serve'], '--listen is required'],
    [
      ['serve', '--listen', `unix:/tmp/${'x'.repeat(103)}`],
      'the path is 108 bytes long; a Unix socket path holds at most 107',
    ],
    [
      ['serve', '--listen', 'tcp:0', '--idle-timeout', '-1'],
      '--idle-timeout must be a number of seconds from 0 (never)',
    ],
    [['serve', '--listen', 'tcp:0', '--idle-timeout', '3e6'], '--idle-timeout must be a number of seconds'],
    [['serve', '--listen', 'tcp:0', '--idle-timeout', 'soon'], '--idle-timeout must be a number of seconds'],
    [['serve', '--listen', 'udp:1'], 'bad --listen "udp:1"'],
    [['serve', '--listen', 'tcp:0', '--profile', 'arm64-6.1'], 'unknown --profile "arm64-6.1"'],
  ])('usage error: %j', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })
})
