// `watchq serve`: the simulator on a socket, as a user starts it — what it says, and a client's
// hello through it; usage errors.
import { mkdtempSync, statSync } from 'node:fs'
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

  it.each([
    [['serve'], '--listen is required'],
    [['serve', '--listen', 'udp:1'], 'bad --listen "udp:1"'],
    [['serve', '--listen', 'tcp:0', '--profile', 'arm64-6.1'], 'unknown --profile "arm64-6.1"'],
  ])('usage error: %j', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })
})
