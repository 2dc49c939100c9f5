// The agent's protocol loop against malformed input, and how it ends: it answers every bad line
// and keeps serving; `stop` and end of input exit 0.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createAjv, HelloResponse } from '@watchq/spec'
import { beforeAll, describe, expect, it } from 'vitest'
import { hostAgent, type RawAgent, spawnRaw } from './harness.js'

const validHello = createAjv().compile(HelloResponse)
const HELLO = '{"cmd":"hello","protocol":1}\n'
let binary: string

beforeAll(async () => {
  binary = await hostAgent()
}, 120_000)

async function stopped(agent: RawAgent): Promise<void> {
  agent.write('{"cmd":"stop"}\n')
  expect(await agent.exit).toEqual({ code: 0, signal: null })
}

describe('the protocol loop', () => {
  it('answers malformed lines with errors and keeps serving', async () => {
    const agent = spawnRaw(binary)
    agent.write('this is not json\n')
    expect(await agent.next()).toEqual({ error: { message: expect.stringMatching(/^the request is not JSON/) } })
    // The seq is recovered from a line that does not parse.
    agent.write('{"cmd":"run","seq":41,"steps":[}\n')
    expect(await agent.next()).toMatchObject({ seq: 41, error: { message: expect.stringMatching(/not JSON/) } })
    agent.write('{"cmd":"run","seq":42}\n')
    expect(await agent.next()).toEqual({ seq: 42, error: { message: 'run: steps must be an array' } })
    agent.write('{"cmd":"run","seq":-1,"steps":[]}\n')
    expect(await agent.next()).toEqual({ error: { message: 'run: seq must be a non-negative integer' } })
    agent.write('{"cmd":"dance"}\n')
    expect(await agent.next()).toMatchObject({ error: { message: expect.stringMatching(/unknown cmd/) } })
    agent.write('[1,2]\n')
    expect(await agent.next()).toMatchObject({ error: { message: 'the request has no cmd' } })
    agent.write('{"cmd":"hello","protocol":2}\n')
    expect(await agent.next()).toMatchObject({ error: { message: expect.stringMatching(/protocol 1 only/) } })
    // Nesting deep enough to overflow a naive recursive parser.
    agent.write(`${'['.repeat(100000)}\n`)
    expect(await agent.next()).toMatchObject({ error: { message: expect.stringMatching(/nested too deeply/) } })
    agent.write(`{"cmd":"run","seq":43,"case":"x","steps":[1,"two",{"op":7}]}\n`)
    expect(await agent.next()).toEqual({
      seq: 43,
      observations: [{ error: 'step 0 (?): a step is an object with an op name' }],
    })
    // Blank lines are ignored; CRLF line ends are accepted.
    agent.write(`\n   \r\n${HELLO.replace('\n', '\r\n')}`)
    expect(validHello(await agent.next())).toBe(true)
    await stopped(agent)
  })

  it('discards a line over 16 MiB without buffering it, then serves the next', async () => {
    const agent = spawnRaw(binary)
    const chunk = 'x'.repeat(1 << 20)
    for (let i = 0; i < 17; i++) agent.write(chunk)
    agent.write('\n')
    expect(await agent.next()).toEqual({ error: { message: 'a request line is longer than 16 MiB; discarded' } })
    agent.write(HELLO)
    expect(validHello(await agent.next())).toBe(true)
    await stopped(agent)
  })

  it('parses numbers as 64-bit integers, escapes and unicode in strings', async () => {
    const agent = spawnRaw(binary)
    const desc = 'watchq:agent-test:\u00e9\\"\u{1F600}\t'
    const steps = [
      { op: 'pipe2', flags: [], bind: ['$r', '$w'] },
      // 2^53 - 1 notes: passed untruncated (ENOTTY or EINVAL, never a parse error).
      { op: 'set_size', fd: '$r', notes: Number.MAX_SAFE_INTEGER },
      { op: 'write', fd: '$w', bytes: Buffer.from(desc).toString('hex') },
      { op: 'read', fd: '$r', len: 1e3 },
      { op: 'add_key', type: 'user', description: desc, payload: '\u0000\u0001', keyring: '@s', bind: '$k' },
    ]
    agent.write(`${JSON.stringify({ cmd: 'run', seq: 9007199254740991, case: 'n', steps })}\n`)
    const answer = (await agent.next()) as { seq: number; observations: { ret?: number; bytes?: string }[] }
    expect(answer.seq).toBe(9007199254740991)
    expect(answer.observations[1]).toHaveProperty('errno')
    expect(Buffer.from(answer.observations[3]!.bytes!, 'hex').toString('utf8')).toBe(desc)
    expect(answer.observations[4]!.ret).toBeGreaterThan(0)
    await stopped(agent)
  })

  it('kills a case process that overruns its time, also one that closed its answer pipe', async () => {
    const agent = spawnRaw(binary, [], { WATCHQ_AGENT_CASE_GRACE_MS: '300' })
    const blocked = [
      { op: 'pipe2', flags: [], bind: ['$r', '$w'] },
      { op: 'read', fd: '$r', len: 1 },
    ]
    const started = Date.now()
    agent.write(`${JSON.stringify({ cmd: 'run', seq: 1, case: 'hang', steps: blocked })}\n`)
    expect(await agent.next()).toEqual({
      seq: 1,
      error: { message: 'case process did not finish within 300 ms (its waits plus 300 ms); killed' },
    })
    // The answer pipe sits at fd 1000: closing it leaves the parent only the process to watch.
    const closed = [blocked[0], { op: 'close', fd: 1000 }, blocked[1]]
    agent.write(`${JSON.stringify({ cmd: 'run', seq: 2, case: 'hang', steps: closed })}\n`)
    expect(await agent.next()).toMatchObject({ seq: 2, error: { message: expect.stringMatching(/within 300 ms/) } })
    // A poll's timeout counts as a wait of the case.
    const poll = [blocked[0], { op: 'poll', fd: '$r', events: ['POLLIN'], timeoutMs: 400 }]
    agent.write(`${JSON.stringify({ cmd: 'run', seq: 3, case: 'wait', steps: poll })}\n`)
    expect(await agent.next()).toMatchObject({ seq: 3, observations: [{ ret: 0 }, { ret: 0, revents: [] }] })
    expect(Date.now() - started).toBeLessThan(5000)
    await stopped(agent)
  })

  it('exits 0 at the end of its input, and on stop', async () => {
    const agent = spawnRaw(binary)
    agent.write(HELLO)
    await agent.next()
    agent.end()
    expect(await agent.exit).toEqual({ code: 0, signal: null })
    const again = spawnRaw(binary)
    await stopped(again)
  })

  it('prints its usage, its version, and refuses unknown arguments', async () => {
    const run = promisify(execFile)
    expect((await run(binary, ['--version'])).stdout).toMatch(/^watchq-agent \S+ \(revision mainline\)\n$/)
    expect((await run(binary, ['--help'])).stdout).toMatch(/--channel PATH/)
    await expect(run(binary, ['--frob'])).rejects.toMatchObject({ code: 2 })
  })
})
