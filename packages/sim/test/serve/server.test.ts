// The daemon around an implementation: socket modes, loopback by default, one state per
// connection, bounded lines and connections, and garbage from one client never hurting another.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InProcessImplementation } from '@watchq/spec'
import { afterEach, describe, expect, it } from 'vitest'
import { isLoopback, parseListen, type RunningServer, serve } from '../../src/serve/server.js'
import { rawClient as client } from './client.js'

/** Counts its own requests: two connections sharing state would show it. */
const counter = (): InProcessImplementation => {
  let n = 0
  return {
    handle: (r: unknown) => {
      const req = r as { cmd?: string; seq?: number }
      if (req.cmd === 'boom') throw new Error('kaboom')
      n++
      return { seq: req.seq ?? 0, observations: [{ ret: n }] }
    },
  }
}

const dir = mkdtempSync(join(tmpdir(), 'watchq-serve-'))
let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('watchq serve', () => {
  it('parses listen addresses, TCP defaulting to loopback', () => {
    expect(parseListen('unix:/run/x.sock')).toEqual({ kind: 'unix', path: '/run/x.sock' })
    expect(parseListen('tcp:0')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 0 })
    expect(parseListen('tcp:0.0.0.0:9000')).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 9000 })
    expect(() => parseListen('tcp:x')).toThrow('bad --listen "tcp:x"')
    expect(() => parseListen('http://x')).toThrow('unknown kind')
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('0.0.0.0')).toBe(false)
  })

  it('creates its Unix socket with mode 0600, and will not replace a file that is not a socket', async () => {
    const path = join(dir, 'a.sock')
    server = await serve({ listen: { kind: 'unix', path }, implementation: counter })
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const notSocket = join(dir, 'plain')
    writeFileSync(notSocket, 'keep me')
    await expect(serve({ listen: { kind: 'unix', path: notSocket }, implementation: counter })).rejects.toThrow(
      'it is a regular file, not a socket',
    )
  })

  it('gives each connection its own state, with garbage and oversized lines answered as errors', async () => {
    server = await serve({
      listen: { kind: 'tcp', host: '127.0.0.1', port: 0 },
      implementation: counter,
      maxLineBytes: 1024,
    })
    expect(server.address).toMatch(/^tcp:127\.0\.0\.1:\d+$/)
    const a = client(server.address)
    const b = client(server.address)
    a.send('{"cmd":"run","seq":1}\n{"cmd":"run","seq":2}\n')
    b.send('not json\n')
    b.send(`${'x'.repeat(5000)}\n`)
    b.send('{"cmd":"boom","seq":9}\n{"cmd":"run","seq":3}\n')
    expect(await a.answers(2)).toEqual(['{"seq":1,"observations":[{"ret":1}]}', '{"seq":2,"observations":[{"ret":2}]}'])
    expect(await b.answers(4)).toEqual([
      '{"seq":0,"error":{"message":"the request is not JSON"}}',
      '{"seq":0,"error":{"message":"a request line is longer than 1024 bytes"}}',
      '{"seq":9,"error":{"message":"internal error: kaboom"}}',
      // b's own count: a's two requests did not touch it.
      '{"seq":3,"observations":[{"ret":1}]}',
    ])
    a.end()
    b.end()
  })

  it('keeps serving many concurrent clients while one sends garbage, and refuses beyond the limit', async () => {
    server = await serve({
      listen: { kind: 'unix', path: join(dir, 'b.sock') },
      implementation: counter,
      maxConnections: 20,
    })
    const noisy = client(server.address)
    for (let i = 0; i < 200; i++) noisy.send(`\u0000\u00ff{{{${i}\n`)
    const clients = Array.from({ length: 19 }, () => client(server!.address))
    for (const c of clients) for (let s = 1; s <= 20; s++) c.send(`{"cmd":"run","seq":${s}}\n`)
    for (const c of clients) {
      const got = await c.answers(20)
      expect(got.map((l) => JSON.parse(l).observations[0].ret)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    }
    expect((await noisy.answers(200)).every((l) => l.includes('not JSON'))).toBe(true)
    const extra = client(server.address)
    expect(await extra.answers(1)).toEqual(['{"seq":0,"error":{"message":"too many connections (20)"}}'])
    await extra.closed
    for (const c of [noisy, ...clients]) c.end()
  })

  it('ends a connection on stop, and the server goes on', async () => {
    server = await serve({ listen: { kind: 'unix', path: join(dir, 'c.sock') }, implementation: counter })
    const a = client(server.address)
    a.send('{"cmd":"stop"}\n')
    await a.closed
    const b = client(server.address)
    b.send('{"cmd":"run","seq":1}\n')
    expect(await b.answers(1)).toEqual(['{"seq":1,"observations":[{"ret":1}]}'])
    b.end()
  })
})
