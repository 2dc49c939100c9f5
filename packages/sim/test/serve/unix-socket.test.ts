// The Unix socket's path: a live server's socket is never taken over, a stale one is replaced,
// nothing that is not a socket is touched, and a path the kernel cannot hold is refused before
// anything is bound.
import { spawn } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InProcessImplementation } from '@watchq/spec'
import { afterEach, describe, expect, it } from 'vitest'
import { parseListen, type RunningServer, serve } from '../../src/serve/server.js'
import { rawClient, until } from './client.js'

const dir = mkdtempSync(join(tmpdir(), 'watchq-serve-path-'))
const counter = (): InProcessImplementation => {
  let k = 0
  return { handle: (r: unknown) => ({ seq: (r as { seq: number }).seq, observations: [{ ret: ++k }] }) }
}
const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})
const start = async (path: string) => {
  const s = await serve({ listen: { kind: 'unix', path }, implementation: counter })
  servers.push(s)
  return s
}

/** Leaves a socket nobody listens on at `path`: a server killed before it could clean up. */
async function staleSocket(path: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['-e', `require('node:net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
  child.kill('SIGKILL')
  await new Promise<void>((resolve) => child.once('exit', () => resolve()))
}

describe('the Unix socket path', () => {
  it('refuses a path where another server answers, which keeps serving', async () => {
    const path = join(dir, 'live.sock')
    const first = await start(path)
    await expect(start(path)).rejects.toThrow(
      `cannot listen on ${path}: another server is answering on it; stop that one first, or choose another path`,
    )
    const c = rawClient(first.address)
    c.send('{"cmd":"run","seq":1}\n')
    expect(await c.answers(1)).toEqual(['{"seq":1,"observations":[{"ret":1}]}'])
    c.end()
  })

  it('replaces a stale socket nobody answers on', async () => {
    const path = join(dir, 'stale.sock')
    await staleSocket(path)
    expect(lstatSync(path).isSocket()).toBe(true)
    const s = await start(path)
    const c = rawClient(s.address)
    c.send('{"cmd":"run","seq":1}\n')
    expect(await c.answers(1)).toEqual(['{"seq":1,"observations":[{"ret":1}]}'])
    c.end()
  })

  it.each([
    [
      'a regular file',
      (p: string) => writeFileSync(p, 'keep me'),
      (p: string) => expect(readFileSync(p, 'utf8')).toBe('keep me'),
    ],
    ['a directory', (p: string) => mkdirSync(p), (p: string) => expect(statSync(p).isDirectory()).toBe(true)],
    [
      'a symbolic link',
      (p: string) => symlinkSync(join(dir, 'nowhere'), p),
      (p: string) => expect(readlinkSync(p)).toBe(join(dir, 'nowhere')),
    ],
  ])('leaves %s at the path alone, saying what it is', async (what, make, intact) => {
    const path = join(dir, what.replaceAll(' ', '-'))
    make(path)
    await expect(start(path)).rejects.toThrow(`cannot listen on ${path}: it is ${what}, not a socket; not replacing it`)
    intact(path)
  })

  it('refuses a path longer than the kernel holds before binding anything, and takes one of 107 bytes', async () => {
    const sized = (bytes: number) => join(dir, 'é'.repeat(4) + 'p'.repeat(bytes - dir.length - 1 - 8))
    const long = sized(108)
    expect(Buffer.byteLength(long)).toBe(108)
    expect(() => parseListen(`unix:${long}`)).toThrow(
      'the path is 108 bytes long; a Unix socket path holds at most 107',
    )
    await expect(start(long)).rejects.toThrow('at most 107')
    // Nothing at the path nor at the 107 bytes Node would have cut it to.
    expect(existsSync(long)).toBe(false)
    expect(existsSync(long.slice(0, -1))).toBe(false)
    const fits = sized(107)
    const s = await start(fits)
    expect(s.address).toBe(`unix:${fits}`)
    expect(statSync(fits).mode & 0o777).toBe(0o600)
    await s.close()
    expect(await until(() => !existsSync(fits))).toBe(true)
  })
})
