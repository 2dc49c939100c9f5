// `--impl` specs: each accepted form makes the right connector; anything else is a clear error.
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMPL_FORMS, parseImpl } from '../../src/transport/connect.js'

/** Answers every line with `{"ok":true}`. */
function answering(): Server {
  return createServer((socket) => {
    socket.on('error', () => {})
    socket.on('data', () => socket.write('{"ok":true}\n'))
  })
}

const dir = mkdtempSync(join(tmpdir(), 'wq-connect-'))
const sock = join(dir, 's.sock')
const unixServer = answering()
const tcpServer = answering()
let port = 0

beforeAll(async () => {
  await new Promise<void>((r) => unixServer.listen(sock, r))
  await new Promise<void>((r) => tcpServer.listen(0, '127.0.0.1', r))
  port = (tcpServer.address() as { port: number }).port
})

afterAll(() => {
  unixServer.close()
  tcpServer.close()
})

describe('parseImpl', () => {
  it('runs cmd: through the shell, keeping the spec as written', async () => {
    const connector = parseImpl(`cmd:read line; echo "got $line"`)
    expect(connector.spec).toBe('cmd:read line; echo "got $line"')
    const c = await connector.connect()
    expect(await c.request({ cmd: 'hello' }, 2000)).toBe('got {"cmd":"hello"}')
    await c.close(100)
  })

  it('connects unix:PATH and tcp:HOST:PORT', async () => {
    for (const spec of [`unix:${sock}`, `tcp:127.0.0.1:${port}`, `tcp:[127.0.0.1]:${port}`, `tcp:localhost:${port}`]) {
      const connector = parseImpl(spec, { connectTimeoutMs: 1000 })
      expect(connector.spec).toBe(spec)
      const c = await connector.connect()
      expect(await c.request({ cmd: 'hello' }, 2000)).toBe('{"ok":true}')
      await c.close(100)
    }
  })

  it('passes options on to the connection', async () => {
    const c = await parseImpl(`tcp:127.0.0.1:${port}`, { maxLineBytes: 5 }).connect()
    await expect(c.request({ cmd: 'hello' }, 2000)).rejects.toMatchObject({ failure: 'oversize' })
    await c.close(100)
  })

  it('names the simulator and the kernels: sim, sim:6.1, sim:s390x-6.1, kernel, vm:…', () => {
    expect(parseImpl('sim').spec).toBe('sim')
    expect(parseImpl('sim:6.1').spec).toBe('sim:6.1')
    expect(parseImpl('sim:s390x-6.1').spec).toBe('sim:s390x-6.1')
    expect(parseImpl('kernel').spec).toBe('kernel')
    expect(parseImpl('vm:s390x-6.1').spec).toBe('vm:s390x-6.1')
    expect(() => parseImpl('vm:7.7')).toThrow('bad VM "vm:7.7"')
  })

  it.each([
    ['', 'not a known form'],
    ['sim:7.0', 'no simulator profile "7.0"'],
    ['kernel:x', 'kernel takes no argument'],
    ['./adapter', 'not a known form'],
    ['http://localhost:80', 'unknown kind "http"'],
    ['cmd:', 'the command is empty'],
    ['cmd:   ', 'the command is empty'],
    ['unix:', 'the socket path is empty'],
    ['tcp:localhost', 'HOST:PORT'],
    ['tcp::9000', 'the host is missing'],
    ['tcp:localhost:', 'the port'],
    ['tcp:localhost:0', 'the port'],
    ['tcp:localhost:65536', 'the port'],
    ['tcp:localhost:90a', 'the port'],
  ])('rejects %j: %s', (spec, why) => {
    expect(() => parseImpl(spec)).toThrow(`bad implementation "${spec}"`)
    expect(() => parseImpl(spec)).toThrow(why)
    expect(() => parseImpl(spec)).toThrow(`expected ${IMPL_FORMS}`)
  })
})
