// One connection's bounds: a client that does not read its replies is neither answered nor read
// past a bound, requests that cannot be answered yet stop being read, all connections together
// are bounded while polite clients are still served, silent connections are closed, and a client
// beyond the limit always gets its one-line refusal.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InProcessImplementation } from '@watchq/spec'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningServer, serve } from '../../src/serve/server.js'
import { rawClient, sleep, until } from './client.js'

const dir = mkdtempSync(join(tmpdir(), 'watchq-serve-conn-'))
let n = 0
const unixListen = () => ({ kind: 'unix' as const, path: join(dir, `s${n++}.sock`) })
const MiB = 1 << 20

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Answers every request with `replyBytes` of payload, counting them (across its connections). */
function bigReplies(replyBytes: number) {
  const payload = 'x'.repeat(replyBytes)
  const counter = { handled: 0 }
  const implementation = (): InProcessImplementation => ({
    handle: (r: unknown) => {
      counter.handled++
      return { seq: (r as { seq?: number }).seq ?? 0, observations: [{ ret: 0, bytes: payload }] }
    },
  })
  return { counter, implementation }
}

const request = (seq: number) => `{"cmd":"run","seq":${seq},"steps":[]}\n`
const seqs = (lines: string[]) => lines.map((l) => (JSON.parse(l) as { seq: number }).seq)
const oneTo = (k: number) => Array.from({ length: k }, (_, i) => i + 1)

describe('back-pressure', () => {
  it('stops answering a client that does not read its replies, and answers everything once it reads', async () => {
    const { counter, implementation } = bigReplies(256 << 10)
    server = await serve({ listen: unixListen(), implementation })
    const c = rawClient(server.address, { paused: true })
    for (let i = 1; i <= 300; i++) c.send(request(i))
    await sleep(600)
    // 1 MiB of unsent replies at most, plus what the kernel's socket buffers took: a few replies,
    // not 300 (75 MiB) as before.
    expect(counter.handled).toBeGreaterThan(0)
    expect(counter.handled).toBeLessThan(16)
    const held = server.stats()
    expect(held.bufferedBytes).toBeLessThan(2 * MiB)
    expect(held.pausedConnections).toBe(1)
    c.read()
    const got = await c.answers(300, 20_000)
    expect(seqs(got)).toEqual(oneTo(300))
    expect(counter.handled).toBe(300)
    c.end()
  })

  it('stops reading requests it cannot answer yet; the client holds them, and all are answered in order', async () => {
    let open!: () => void
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    let handled = 0
    server = await serve({
      listen: unixListen(),
      implementation: () => ({
        handle: async (r: unknown) => {
          await gate
          handled++
          return { seq: (r as { seq: number }).seq, observations: [] }
        },
      }),
    })
    const c = rawClient(server.address)
    const pad = 'y'.repeat(MiB)
    for (let i = 1; i <= 48; i++) c.send(`{"cmd":"run","seq":${i},"steps":[],"pad":"${pad}"}\n`)
    await sleep(600)
    // The server took one request in hand and about 1 MiB more; the other ~44 MiB are still the
    // client's to send.
    expect(c.socket.writableLength).toBeGreaterThan(40 * MiB)
    expect(server.stats().bufferedBytes).toBeLessThan(4 * MiB)
    expect(handled).toBe(0)
    open()
    expect(seqs(await c.answers(48, 20_000))).toEqual(oneTo(48))
    c.end()
  })

  it('bounds what all connections hold together, and still serves a client that reads its replies', async () => {
    const reply = 256 << 10
    const { counter, implementation } = bigReplies(reply)
    server = await serve({ listen: unixListen(), implementation, maxConnections: 8, maxBufferedBytes: 2 * MiB })
    const hogs = Array.from({ length: 6 }, () => rawClient(server!.address, { paused: true }))
    for (const h of hogs) for (let i = 1; i <= 50; i++) h.send(request(i))
    await sleep(800)
    // Each hog alone may hold 1 MiB of unsent replies (6 MiB in all); together they stop near 2 MiB:
    // past it only a client that has read everything is answered, one reply more at most.
    expect(counter.handled).toBeLessThan(20)
    expect(server.stats().peakBufferedBytes).toBeLessThan(2 * MiB + 6 * reply)
    // A polite client (one request, then its answer) is served all the same.
    const polite = rawClient(server.address)
    for (let i = 1; i <= 20; i++) {
      polite.send(request(i))
      await polite.answers(i)
    }
    expect(seqs(polite.lines)).toEqual(oneTo(20))
    for (const h of hogs) h.read()
    for (const h of hogs) expect(seqs(await h.answers(50, 20_000))).toEqual(oneTo(50))
    for (const c of [polite, ...hogs]) c.end()
  })

  it('answers every queued request when the client ends its side first', async () => {
    const { implementation } = bigReplies(64 << 10)
    server = await serve({ listen: unixListen(), implementation })
    const c = rawClient(server.address, { paused: true, allowHalfOpen: true })
    for (let i = 1; i <= 200; i++) c.send(request(i))
    c.end()
    await sleep(200)
    c.read()
    expect(seqs(await c.answers(200, 20_000))).toEqual(oneTo(200))
    expect(await c.closedWithin(3000)).toBe(true)
  })
})

describe('idle connections and the connection limit', () => {
  const counter = (): InProcessImplementation => {
    let k = 0
    return { handle: (r: unknown) => ({ seq: (r as { seq: number }).seq, observations: [{ ret: ++k }] }) }
  }

  it('closes silent connections after the idle timeout and serves new clients', async () => {
    server = await serve({
      listen: { kind: 'tcp', host: '127.0.0.1', port: 0 },
      implementation: counter,
      maxConnections: 3,
      idleTimeoutMs: 300,
    })
    const silent = Array.from({ length: 3 }, () => rawClient(server!.address))
    await until(() => server!.connections() === 3)
    const refused = rawClient(server.address)
    expect(await refused.answers(1)).toEqual(['{"seq":0,"error":{"message":"too many connections (3)"}}'])
    for (const s of silent) {
      expect(await s.closedWithin(3000)).toBe(true)
      expect(s.lines).toEqual(['{"seq":0,"error":{"message":"idle for 0.3 s: the server closes the connection"}}'])
    }
    expect(await until(() => server!.connections() === 0)).toBe(true)
    const fresh = rawClient(server.address)
    fresh.send(request(1))
    expect(await fresh.answers(1)).toEqual(['{"seq":1,"observations":[{"ret":1}]}'])
    expect(server.stats().idleClosed).toBe(3)
    fresh.end()
  })

  it('keeps a connection that talks, and closes one that never reads its replies though it keeps sending', async () => {
    server = await serve({
      listen: unixListen(),
      implementation: bigReplies(256 << 10).implementation,
      idleTimeoutMs: 300,
    })
    const talker = rawClient(server.address)
    const deaf = rawClient(server.address, { paused: true })
    for (let i = 1; i <= 50; i++) deaf.send(request(i))
    for (let i = 1; i <= 10; i++) {
      talker.send(request(i))
      deaf.send(request(50 + i))
      await sleep(100)
    }
    expect(seqs(await talker.answers(10))).toEqual(oneTo(10))
    // The deaf one is gone (the server destroyed it: a goodbye line could never reach it).
    expect(await until(() => server!.connections() === 1, 1000)).toBe(true)
    expect(talker.socket.destroyed).toBe(false)
    talker.end()
    deaf.destroy()
  })

  it('gives every client beyond the limit its one-line refusal, even clients that keep their side open', async () => {
    server = await serve({ listen: unixListen(), implementation: counter, maxConnections: 1 })
    const inside = rawClient(server.address)
    await until(() => server!.connections() === 1)
    const refused = []
    for (let i = 0; i < 5; i++) {
      const r = rawClient(server.address, { allowHalfOpen: true })
      refused.push(r)
      expect(await r.answers(1)).toEqual(['{"seq":0,"error":{"message":"too many connections (1)"}}'])
    }
    inside.send(request(1))
    expect(await inside.answers(1)).toEqual(['{"seq":1,"observations":[{"ret":1}]}'])
    for (const c of [inside, ...refused]) c.destroy()
  })
})
