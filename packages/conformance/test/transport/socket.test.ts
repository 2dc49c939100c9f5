// `unix:` and `tcp:` connections to the fake serving on a real socket: answers, dropped
// connections, reconnects, hangs, oversize lines and connection failures.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Connection } from '@watchq/spec'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type SocketAddress, socketConnector } from '../../src/transport/socket.js'
import { failure } from '../support/failure.js'

const FAKE = fileURLToPath(new URL('../fake-adapter/fake.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'wq-sock-'))
const HELLO = { cmd: 'hello', protocol: 1 }
const run = (seq: number, id: string) => ({ cmd: 'run', seq, case: id, steps: [] })
const SCRIPT = {
  cases: {
    boom: 'crash',
    stuck: 'hang',
    big: { do: 'oversize', bytes: 3000 },
    bye: { exitAfter: 0 },
  },
}

const servers: ChildProcess[] = []
const opened: Connection[] = []

/** Starts the fake serving `listen`; resolves with the address it prints once it listens. */
async function serve(listen: string, counter: string): Promise<string> {
  const script = join(dir, 'script.json')
  writeFileSync(script, JSON.stringify(SCRIPT))
  const child = spawn(process.execPath, [FAKE, script, '--listen', listen, '--counter', counter], {
    stdio: ['pipe', 'pipe', 'ignore'],
  })
  servers.push(child)
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  return line.replace(/^listening /, '')
}

let unixPath = ''
let tcpPort = 0
const address = (kind: 'unix' | 'tcp'): SocketAddress =>
  kind === 'unix' ? { kind, path: unixPath } : { kind, host: '127.0.0.1', port: tcpPort }
const counters = { unix: join(dir, 'unix-count'), tcp: join(dir, 'tcp-count') }

beforeAll(async () => {
  const [unix, tcp] = await Promise.all([
    serve(`unix:${join(dir, 'fake.sock')}`, counters.unix),
    serve('tcp:127.0.0.1:0', counters.tcp),
  ])
  unixPath = unix!.slice('unix:'.length)
  tcpPort = Number(/^tcp:127\.0\.0\.1:(\d+)$/.exec(tcp!)![1])
})

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close(50)))
})

afterAll(() => {
  for (const s of servers) s.kill('SIGKILL')
})

async function connect(kind: 'unix' | 'tcp', maxLineBytes?: number): Promise<Connection> {
  const c = await socketConnector(address(kind), { maxLineBytes }).connect()
  opened.push(c)
  return c
}

describe.each(['unix', 'tcp'] as const)('%s: connections', (kind) => {
  it('names the address in its spec', () => {
    const spec = socketConnector(address(kind)).spec
    expect(spec).toBe(kind === 'unix' ? `unix:${unixPath}` : `tcp:127.0.0.1:${tcpPort}`)
  })

  it('sends JSON lines and gets the answers back raw; there is no stderr', async () => {
    const c = await connect(kind)
    expect(JSON.parse(await c.request(HELLO, 2000))).toMatchObject({ protocol: 1 })
    expect(await c.request(run(1, 'any'), 1000)).toBe('{"seq":1,"observations":[]}')
    expect(c.takeStderr()).toBe('')
    c.send({ cmd: 'stop' })
    await c.close(1000)
    expect(c.closed).toBe(true)
    expect((await failure(c.request(run(2, 'any'), 1000))).failure).toBe('closed')
  })

  it('reports a dropped connection as closed, and a reconnect gets a fresh session', async () => {
    const before = readFileSync(counters[kind], 'utf8').split('\n').filter(Boolean).length
    const first = await connect(kind)
    await first.request(HELLO, 2000)
    expect((await failure(first.request(run(1, 'boom'), 2000))).failure).toBe('closed')
    expect(first.closed).toBe(true)
    const second = await connect(kind)
    await second.request(HELLO, 2000)
    expect(await second.request(run(1, 'bye'), 2000)).toBe('{"seq":1,"observations":[]}')
    // The session ended after answering: the next request finds the connection closed.
    expect((await failure(second.request(run(2, 'any'), 2000))).failure).toBe('closed')
    expect(readFileSync(counters[kind], 'utf8').split('\n').filter(Boolean)).toHaveLength(before + 2)
  })

  it('times out on a hang, and close does not wait for the peer longer than the grace', async () => {
    const c = await connect(kind)
    await c.request(HELLO, 2000)
    expect((await failure(c.request(run(1, 'stuck'), 100))).failure).toBe('timeout')
    c.send({ cmd: 'stop' })
    const started = Date.now()
    await c.close(100)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('reports an oversize line, skips it and reads on', async () => {
    const c = await connect(kind, 200)
    await c.request(HELLO, 2000)
    const e = await failure(c.request(run(1, 'big'), 2000))
    expect(e.failure).toBe('oversize')
    expect(await c.request(run(2, 'any'), 2000)).toBe('{"seq":2,"observations":[]}')
  })
})

describe('socket connection failures', () => {
  it('says which unix socket it could not connect to', async () => {
    const spec = `unix:${join(dir, 'nobody-here.sock')}`
    const e = await failure(socketConnector({ kind: 'unix', path: join(dir, 'nobody-here.sock') }).connect())
    expect(e.failure).toBe('closed')
    expect(e.message).toContain(`cannot connect to ${spec}`)
    expect(e.message).toContain('ENOENT')
  })

  it('says which tcp address refused the connection', async () => {
    // A port that was free a moment ago.
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as { port: number }
    await new Promise((r) => server.close(r))
    const e = await failure(socketConnector({ kind: 'tcp', host: '127.0.0.1', port }, { spec: 'tcp:here' }).connect())
    expect(e.message).toMatch(/^cannot connect to tcp:here: .*ECONNREFUSED/)
  })
})
