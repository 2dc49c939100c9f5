// `cmd:` connections with real child processes (the scriptable fake): answers, crashes, hangs,
// oversize lines, stderr, and that no process outlives its connection.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { killLiveChildren } from '@watchq/kernel'
import type { Connection } from '@watchq/spec'
import { afterEach, describe, expect, it } from 'vitest'
import { type StdioOptions, stdioConnector } from '../../src/transport/stdio.js'
import { failure } from '../support/failure.js'

const FAKE = fileURLToPath(new URL('../fake-adapter/fake.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'wq-stdio-'))
const HELLO = { cmd: 'hello', protocol: 1 }
const run = (seq: number, id: string) => ({ cmd: 'run', seq, case: id, steps: [{ op: 'close', fd: 3 }] })

let n = 0
const opened: Connection[] = []

/** A fake steered by `script`; `wrap` puts its command line inside a bigger shell command. */
function fake(script: object, options: StdioOptions = {}, wrap = (command: string, _counter: string) => command) {
  n++
  const file = join(dir, `script-${n}.json`)
  const counter = join(dir, `counter-${n}`)
  writeFileSync(file, JSON.stringify(script))
  const command = `'${process.execPath}' '${FAKE}' '${file}' --counter '${counter}'`
  const connector = stdioConnector(wrap(command, counter), options)
  return {
    connector,
    counter,
    async connect(): Promise<Connection> {
      const c = await connector.connect()
      opened.push(c)
      return c
    },
    pids: (): number[] => readFileSync(counter, 'utf8').split('\n').filter(Boolean).map(Number),
    /** Resolves once `count` fakes have started: a loaded machine may take longer than a request's limit. */
    async started(count = 1): Promise<void> {
      for (let i = 0; i < 500; i++) {
        if (existsSync(counter) && readFileSync(counter, 'utf8').split('\n').filter(Boolean).length >= count) return
        await new Promise((r) => setTimeout(r, 20))
      }
      throw new Error(`the fake did not start within 10 s (${counter})`)
    },
  }
}

/** Whether `pid` runs; a zombie (killed, not yet reaped by whoever inherited it) does not. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) [ZX]/.test(stat)
  } catch {
    return false
  }
}

/** Whether `pid` still runs after a moment: a SIGKILL to a group is delivered, not awaited. */
async function alive(pid: number): Promise<boolean> {
  for (let i = 0; i < 20 && running(pid); i++) await new Promise((r) => setTimeout(r, 10))
  return running(pid)
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close(50)))
})

describe('cmd: connections', () => {
  it('sends JSON lines and gets the answers back raw, then ends after stop', async () => {
    const f = fake({
      cases: {
        ok: { observations: [{ ret: 5 }] },
        garbage: 'garbage',
        seq: 'wrong-seq',
        missing: 'missing-field',
        skip: { do: 'skip', reason: 'no keys here' },
        error: { do: 'error', message: 'EPERM on setup' },
        slow: { do: 'slow', ms: 50 },
        echo: 'echo',
      },
    })
    expect(f.connector.spec).toMatch(/^cmd:/)
    const c = await f.connect()
    expect(JSON.parse(await c.request(HELLO, 2000))).toMatchObject({ protocol: 1, implementation: { name: 'fake' } })
    expect(await c.request(run(1, 'ok'), 1000)).toBe('{"seq":1,"observations":[{"ret":5}]}')
    expect(await c.request(run(2, 'garbage'), 1000)).toBe('this is not JSON')
    expect(await c.request(run(3, 'seq'), 1000)).toBe('{"seq":4,"observations":[]}')
    expect(await c.request(run(4, 'missing'), 1000)).toBe('{"seq":4}')
    expect(await c.request(run(5, 'skip'), 1000)).toBe('{"seq":5,"skipped":"no keys here"}')
    expect(await c.request(run(6, 'error'), 1000)).toBe('{"seq":6,"error":{"message":"EPERM on setup"}}')
    expect(await c.request(run(7, 'slow'), 1000)).toBe('{"seq":7,"observations":[{"ret":0}]}')
    expect(JSON.parse(await c.request(run(8, 'echo'), 1000))).toEqual(run(8, 'echo'))
    expect(c.closed).toBe(false)
    c.send({ cmd: 'stop' })
    const started = Date.now()
    await c.close(5000)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(c.closed).toBe(true)
    expect(await alive(f.pids()[0]!)).toBe(false)
    expect((await failure(c.request(run(9, 'ok'), 1000))).failure).toBe('closed')
  })

  it('reports a crash as closed, with the exit code and the stderr it wrote', async () => {
    const f = fake({ cases: { boom: { do: 'crash', code: 3, stderr: 'segfault in the adapter\n' } } })
    const c = await f.connect()
    await c.request(HELLO, 2000)
    const e = await failure(c.request(run(1, 'boom'), 2000))
    expect(e.failure).toBe('closed')
    expect(e.detail).toBe('code 3')
    expect(e.message).toContain('exited (code 3)')
    expect(c.takeStderr()).toBe('segfault in the adapter\n')
    expect(c.takeStderr()).toBe('')
    expect(c.closed).toBe(true)
    // Writing to the dead process is harmless, and every later request fails at once.
    c.send({ cmd: 'stop' })
    expect((await failure(c.request(run(2, 'boom'), 2000))).detail).toBe('code 3')
  })

  it('answers the hello, then fails the next request when the process exits after it', async () => {
    const c = await fake({ hello: 'exit-after-hello' }).connect()
    expect(await c.request(HELLO, 2000)).toContain('"protocol":1')
    const e = await failure(c.request(run(1, 'x'), 2000))
    expect([e.failure, e.detail]).toEqual(['closed', 'code 0'])
  })

  it('mentions output left without a newline when the process exits', async () => {
    const c = await fake({ hello: { do: 'garbage', text: '{"protocol":1', newline: false, exitAfter: 2 } }).connect()
    const e = await failure(c.request(HELLO, 2000))
    expect(e.detail).toBe('code 2')
    expect(e.message).toContain('no newline: "{\\"protocol\\":1"')
  })

  it('times out on a hang, and close kills the process that ignores stop', async () => {
    const f = fake({ cases: { stuck: 'hang' } })
    const c = await f.connect()
    await c.request(HELLO, 2000)
    const e = await failure(c.request(run(1, 'stuck'), 100))
    expect(e.failure).toBe('timeout')
    c.send({ cmd: 'stop' })
    const started = Date.now()
    await c.close(100)
    expect(Date.now() - started).toBeLessThan(1500)
    expect(await alive(f.pids()[0]!)).toBe(false)
  })

  it('reports an oversize line with its start, skips it, and reads on', async () => {
    const f = fake({ cases: { big: { do: 'oversize', bytes: 5000 } } }, { maxLineBytes: 256 })
    const c = await f.connect()
    await c.request(HELLO, 2000)
    const e = await failure(c.request(run(1, 'big'), 2000))
    expect(e.failure).toBe('oversize')
    expect(e.detail).toBe('x'.repeat(200))
    expect(await c.request(run(2, 'fine'), 2000)).toBe('{"seq":2,"observations":[{"ret":0}]}')
  })

  it('keeps lines nobody asked for, in order, for the next requests', async () => {
    const c = await fake({ cases: { chatty: { before: ['stray 1', 'stray 2'] } } }).connect()
    await c.request(HELLO, 2000)
    expect(await c.request(run(1, 'chatty'), 2000)).toBe('stray 1')
    // Give the rest time to arrive unasked.
    await new Promise((r) => setTimeout(r, 100))
    expect(await c.request(run(2, 'next'), 2000)).toBe('stray 2')
    expect(await c.request(run(3, 'next'), 2000)).toBe('{"seq":1,"observations":[{"ret":0}]}')
  })

  it('keeps only the newest stderr bytes', async () => {
    const c = await fake({ stderr: `${'a'.repeat(5000)}THE END\n` }, { stderrKeepBytes: 100 }).connect()
    await c.request(HELLO, 2000)
    const err = c.takeStderr()
    expect(err).toMatch(/^\[\d+ earlier bytes of stderr dropped\]\n/)
    expect(err.endsWith(`${'a'.repeat(92)}THE END\n`)).toBe(true)
    expect(err.length).toBeLessThan(150)
  })

  it('reports a command that cannot run as a process that exited with 127', async () => {
    const c = await stdioConnector('wq-no-such-command-here').connect()
    opened.push(c)
    const e = await failure(c.request(HELLO, 2000))
    expect([e.failure, e.detail]).toEqual(['closed', 'code 127'])
    expect(c.takeStderr()).toContain('not found')
  })

  it('survives writing to a process that closed its stdin (EPIPE)', async () => {
    const c = await stdioConnector('exec 0<&-; sleep 5').connect()
    opened.push(c)
    for (let i = 0; i < 20; i++) c.send({ cmd: 'stop', pad: 'x'.repeat(10_000) })
    await new Promise((r) => setTimeout(r, 50))
    expect((await failure(c.request(HELLO, 50))).failure).toBe('timeout')
    await c.close(50)
  })

  it('kills what the shell started along with it', async () => {
    // The shell stays the parent (`; true`), so killing the shell alone would leave the fake running.
    const f = fake({ hello: 'hang', stop: 'hang' }, {}, (cmd) => `${cmd}; true`)
    const c = await f.connect()
    await f.started()
    expect((await failure(c.request(HELLO, 300))).failure).toBe('timeout')
    await c.close(50)
    expect(await alive(f.pids()[0]!)).toBe(false)
  })

  it('kills what is left running when the shell exits by itself', async () => {
    // The shell leaves the fake running in the background and exits once it has started.
    const f = fake({}, {}, (cmd, counter) => `${cmd} & while [ ! -s '${counter}' ]; do sleep 0.02; done`)
    const c = await f.connect()
    const e = await failure(c.request(HELLO, 2000).then(() => c.request(run(1, 'x'), 2000)))
    expect(e.failure).toBe('closed')
    expect(await alive(f.pids()[0]!)).toBe(false)
  })

  it('starts a new process on each connect (a restart)', async () => {
    const f = fake({ cases: { flaky: ['crash', 'answer'] } })
    const first = await f.connect()
    await first.request(HELLO, 2000)
    expect((await failure(first.request(run(1, 'flaky'), 2000))).failure).toBe('closed')
    await first.close(50)
    const second = await f.connect()
    await second.request(HELLO, 2000)
    expect(await second.request(run(1, 'flaky'), 2000)).toBe('{"seq":1,"observations":[{"ret":0}]}')
    const pids = f.pids()
    expect(pids).toHaveLength(2)
    expect(pids[0]).not.toBe(pids[1])
  })

  it('kills live children when the runner goes away', async () => {
    const f = fake({ hello: 'hang', stop: 'hang' })
    const c = await f.connect()
    await f.started()
    expect((await failure(c.request(HELLO, 200))).failure).toBe('timeout')
    killLiveChildren()
    const e = await failure(c.request(run(1, 'x'), 2000))
    expect([e.failure, e.detail]).toEqual(['closed', 'signal SIGKILL'])
    expect(await alive(f.pids()[0]!)).toBe(false)
  })
})
