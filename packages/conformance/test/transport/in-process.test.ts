// In-process connections: requests and replies go through JSON text, and an adapter that throws
// behaves as a crashed process.
import { describe, expect, it } from 'vitest'
import { type InProcessImplementation, inProcessConnector } from '../../src/transport/in-process.js'
import { failure } from '../support/failure.js'

const HELLO = { cmd: 'hello', protocol: 1 }

const connect = (impl: InProcessImplementation, maxLineBytes?: number) =>
  inProcessConnector(impl, { maxLineBytes }).connect()

describe('in-process connections', () => {
  it('hands the adapter a copy of the request and returns its reply as a JSON line', async () => {
    const seen: unknown[] = []
    const message = { cmd: 'run', seq: 1, case: 'x', steps: [{ op: 'close', fd: 3 }] }
    const c = await connect({
      handle(request) {
        seen.push(request)
        ;(request as { steps: unknown[] }).steps.length = 0
        return { seq: 1, observations: [{ ret: 0 }] }
      },
    })
    expect(await c.request(message, 1000)).toBe('{"seq":1,"observations":[{"ret":0}]}')
    expect(seen).toEqual([{ cmd: 'run', seq: 1, case: 'x', steps: [] }])
    expect(message.steps).toHaveLength(1)
    expect(c.takeStderr()).toBe('')
    expect(inProcessConnector({ handle: () => null }).spec).toBe('in-process')
  })

  it('waits for an async reply, and serializes undefined as null', async () => {
    const c = await connect({
      handle: async (r) => {
        await new Promise((res) => setTimeout(res, 10))
        return (r as { cmd: string }).cmd === 'hello' ? { protocol: 1 } : undefined
      },
    })
    expect(await c.request(HELLO, 1000)).toBe('{"protocol":1}')
    expect(await c.request({ cmd: 'run' }, 1000)).toBe('null')
  })

  it.each([
    [
      'throws',
      () => {
        throw new Error('adapter bug')
      },
    ],
    ['rejects', () => Promise.reject(new Error('adapter bug'))],
  ])('treats an adapter that %s as a crash: closed, with its stack as stderr', async (_, handle) => {
    const c = await connect({ handle })
    const e = await failure(c.request(HELLO, 1000))
    expect(e.failure).toBe('closed')
    expect(e.message).toContain('adapter bug')
    expect(c.closed).toBe(true)
    expect(c.takeStderr()).toMatch(/^Error: adapter bug\n\s+at /)
    expect(await failure(c.request(HELLO, 1000))).toBe(e)
  })

  it('treats a reply that JSON cannot carry as a crash', async () => {
    const c = await connect({ handle: () => ({ seq: 1n }) })
    const e = await failure(c.request(HELLO, 1000))
    expect(e.failure).toBe('closed')
    expect(e.message).toContain('BigInt')
  })

  it('times out when the adapter never answers, and can be asked again', async () => {
    let calls = 0
    const c = await connect({ handle: () => (++calls === 1 ? new Promise(() => {}) : { ok: calls }) })
    expect((await failure(c.request(HELLO, 20))).failure).toBe('timeout')
    expect(await c.request(HELLO, 1000)).toBe('{"ok":2}')
  })

  it('rejects a second concurrent request', async () => {
    const c = await connect({ handle: () => new Promise((r) => setTimeout(() => r({}), 20)) })
    const first = c.request(HELLO, 1000)
    await expect(c.request(HELLO, 1000)).rejects.toThrow('one request at a time')
    expect(await first).toBe('{}')
  })

  it('reports a reply longer than the line limit as oversize', async () => {
    const c = await connect({ handle: () => ({ text: 'y'.repeat(100) }) }, 50)
    const e = await failure(c.request(HELLO, 1000))
    expect(e.failure).toBe('oversize')
    expect(e.detail).toMatch(/^\{"text":"yyy/)
  })

  it('sends stop without waiting, and an adapter throwing on it is a crash too', async () => {
    const got: unknown[] = []
    const c = await connect({
      handle(r) {
        got.push(r)
        throw new Error('stop failed')
      },
    })
    c.send({ cmd: 'stop' })
    await new Promise((r) => setTimeout(r, 0))
    expect(got).toEqual([{ cmd: 'stop' }])
    expect(c.closed).toBe(true)
    expect(c.takeStderr()).toContain('stop failed')
    c.send({ cmd: 'stop' })
    expect(got).toHaveLength(1)
  })

  it('fails requests after close, also one whose reply comes too late', async () => {
    const c = await connect({ handle: () => new Promise((r) => setTimeout(() => r({}), 20)) })
    const pending = c.request(HELLO, 1000)
    await c.close()
    expect(c.closed).toBe(true)
    expect((await failure(pending)).failure).toBe('closed')
    expect((await failure(c.request(HELLO, 1000))).failure).toBe('closed')
  })

  it('calls a factory on every connect, so a reconnect starts afresh', async () => {
    let made = 0
    const connector = inProcessConnector(() => {
      const id = ++made
      let count = 0
      return { handle: () => ({ id, count: ++count }) }
    })
    const a = await connector.connect()
    expect(await a.request(HELLO, 1000)).toBe('{"id":1,"count":1}')
    expect(await a.request(HELLO, 1000)).toBe('{"id":1,"count":2}')
    const b = await connector.connect()
    expect(await b.request(HELLO, 1000)).toBe('{"id":2,"count":1}')
  })
})
