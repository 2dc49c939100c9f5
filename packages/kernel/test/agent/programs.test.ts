// The agent's ops on programs (feature exec) on this host: spawn with stdout/stderr collected and a
// clean start (no inherited fds, signals or environment), wait_output with its probe, wait_exit,
// output and kill, and that no program outlives its case — also when the case process dies.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Connection } from '@watchq/spec'
import { type ImplementationInfo, type Observation, PROGRAM_OPS, PROGRAM_SIGNALS } from '@watchq/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AgentSession, agentSession, type Step } from './harness.js'

let agent: AgentSession
let conn: Connection
let info: ImplementationInfo
const run = (steps: Step[]) => agent.run(steps)
const observe = (steps: Step[]) => agent.observe(steps)

const text = (o: Observation | undefined) => Buffer.from(o?.bytes ?? '', 'hex').toString('utf8')
const sh = (script: string, ...args: string[]) => ['sh', '-c', script, 'sh', ...args]

/** Whether a process exists (a zombie counts as gone: it is only waiting to be reaped). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
}

async function gone(pid: number, withinMs = 3000): Promise<boolean> {
  const end = Date.now() + withinMs
  while (alive(pid)) {
    if (Date.now() > end) return false
    await new Promise((r) => setTimeout(r, 20))
  }
  return true
}

beforeAll(async () => {
  agent = await agentSession('programs-test', 20000)
  conn = agent.conn
  info = agent.info
}, 120_000)

afterAll(async () => {
  await conn?.close(2000)
})

describe('hello', () => {
  it('announces the exec feature and every op on programs', () => {
    expect(info.features).toContain('exec')
    for (const op of PROGRAM_OPS) expect(info.ops).toContain(op)
  })
})

describe('spawn, wait_exit and output', () => {
  it('collects stdout and stderr apart; ret is the exit status; handles in argv become decimal', async () => {
    const obs = await observe([
      { op: 'pipe2', flags: [], bind: ['$r', '$w'] },
      { op: 'spawn', argv: sh('echo "out $1"; echo err >&2; echo two; exit 3', '$w'), bind: '$p' },
      { op: 'wait_exit', proc: '$p', timeoutMs: 5000 },
      { op: 'output', proc: '$p', stream: 'stderr' },
      { op: 'output', proc: '$p', stream: 'stdout' },
    ])
    expect(obs[1]!.ret).toBeGreaterThan(1)
    expect(obs[2]).toMatchObject({ ret: 3 })
    expect(text(obs[2])).toBe('out 4\ntwo\n')
    expect(obs[2]!.elapsedMs).toBeGreaterThanOrEqual(0)
    expect(obs[3]).toEqual({ ret: 4, bytes: Buffer.from('err\n').toString('hex') })
    expect(obs[4]).toEqual({ ret: 10, bytes: obs[2]!.bytes })
  })

  it('starts a program clean: stdin /dev/null, only fds 0-2, no ignored or blocked signals, only PATH', async () => {
    const obs = await observe([
      { op: 'pipe2', flags: [], bind: ['$r', '$w'] },
      { op: 'open_file', content: 'x', bind: '$f' },
      { op: 'spawn', argv: ['ls', '/proc/self/fd'], bind: '$ls' },
      { op: 'wait_exit', proc: '$ls', timeoutMs: 5000 },
      { op: 'spawn', argv: ['grep', '-E', '^Sig(Ign|Blk)', '/proc/self/status'], bind: '$sig' },
      { op: 'wait_exit', proc: '$sig', timeoutMs: 5000 },
      { op: 'spawn', argv: ['env'], bind: '$env' },
      { op: 'wait_exit', proc: '$env', timeoutMs: 5000 },
      { op: 'spawn', argv: sh('cat; echo "stdin done"'), bind: '$cat' },
      { op: 'wait_exit', proc: '$cat', timeoutMs: 5000 },
    ])
    // 3 is ls's own directory fd: the case's pipe (3, 4) and file (5) did not leak.
    expect(text(obs[3])).toBe('0\n1\n2\n3\n')
    expect(text(obs[5])).toBe('SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n')
    expect(text(obs[7])).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n')
    expect(text(obs[9])).toBe('stdin done\n')
  })

  it('env is the whole environment, and its PATH is where a bare name is looked up', async () => {
    const obs = await observe([
      { op: 'spawn', argv: ['sh', '-c', 'echo "$FOO"'], env: ['PATH=/usr/bin:/bin', 'FOO=bar'], bind: '$p' },
      { op: 'wait_exit', proc: '$p', timeoutMs: 5000 },
      { op: 'spawn', argv: ['sh', '-c', 'true'], env: ['PATH=/nonexistent'] },
    ])
    expect(text(obs[1])).toBe('bar\n')
    expect(obs[2]).toEqual({ errno: 'ENOENT' })
  })

  it('a program that cannot be executed is the errno of execve, and binds nothing', async () => {
    const obs = await observe([
      { op: 'spawn', argv: ['/nonexistent/program'], bind: '$p' },
      { op: 'spawn', argv: ['/dev/null'] },
      { op: 'spawn', argv: ['watchq-no-such-program-anywhere'] },
      { op: 'wait_exit', proc: '$p', timeoutMs: 10 },
    ])
    expect(obs.slice(0, 3)).toEqual([{ errno: 'ENOENT' }, { errno: 'EACCES' }, { errno: 'ENOENT' }])
    expect(obs[3]!.error).toMatch(/handle \$p is not bound/)
  })

  it('wait_exit: minus the signal that killed it; ETIMEDOUT (and killed) when it runs too long', async () => {
    const obs = await observe([
      { op: 'spawn', argv: ['sleep', '30'], bind: '$a' },
      { op: 'kill', proc: '$a', signal: 'SIGTERM' },
      { op: 'wait_exit', proc: '$a', timeoutMs: 5000 },
      { op: 'spawn', argv: sh('echo started; exec sleep 30'), bind: '$b' },
      { op: 'wait_exit', proc: '$b', timeoutMs: 200 },
      { op: 'output', proc: '$b', stream: 'stdout' },
      { op: 'kill', proc: '$b', signal: 'SIGCONT' },
    ])
    expect(obs[2]).toMatchObject({ ret: -15, bytes: '' })
    expect(obs[4]).toMatchObject({ errno: 'ETIMEDOUT' })
    expect(obs[4]!.elapsedMs).toBeGreaterThanOrEqual(200)
    expect(text(obs[5])).toBe('started\n')
    // Killed and reaped by the timeout: its pid is not signalled any more.
    expect(obs[6]).toEqual({ errno: 'ESRCH' })
  })

  it('keeps at most 1 MiB of a stream and never blocks the program on a full pipe', async () => {
    const obs = await observe([
      { op: 'spawn', argv: sh('head -c 3000000 /dev/zero; echo tail >&2'), bind: '$p' },
      { op: 'wait_exit', proc: '$p', timeoutMs: 10000 },
      { op: 'output', proc: '$p', stream: 'stderr' },
    ])
    expect(obs[0]!.ret).toBeGreaterThan(1)
    expect(obs[1]!.ret).toBe(0)
    expect(obs[1]!.bytes!.length).toBe(2 << 20)
    expect(text(obs[2])).toBe('tail\n')
  })

  it('only the case’s own programs: any other pid is refused', async () => {
    const obs = await observe([{ op: 'kill', proc: process.pid, signal: 'SIGTERM' }])
    expect(obs[0]!.error).toMatch(new RegExp(`${process.pid} is not a program this case started`))
  })

  it('kill takes only the spec’s signals, and says which', async () => {
    const obs = await observe([
      { op: 'spawn', argv: ['sleep', '30'], bind: '$p' },
      { op: 'kill', proc: '$p', signal: 'SIGSEGV' },
    ])
    expect(obs[1]!.error).toBe(`step 1 (kill): argument signal: expected one of ${PROGRAM_SIGNALS.join(', ')}`)
  })
})

describe('wait_output', () => {
  it('waits for the lines, repeating the probe meanwhile: ret the lines, value the probes', async () => {
    const obs = await observe([
      { op: 'spawn', argv: sh('sleep 0.3; echo a; echo b'), bind: '$p' },
      { op: 'wait_output', proc: '$p', lines: 2, timeoutMs: 5000, intervalMs: 50, probe: { op: 'sleep', ms: 0 } },
      { op: 'wait_exit', proc: '$p', timeoutMs: 5000 },
    ])
    expect(obs[1]).toMatchObject({ ret: 2 })
    // About 300 ms at one probe per 50 ms; not once per pause.
    expect(obs[1]!.value).toBeGreaterThanOrEqual(4)
    expect(obs[1]!.value).toBeLessThanOrEqual(12)
    expect(obs[1]!.elapsedMs).toBeGreaterThanOrEqual(250)
    expect(obs[2]).toMatchObject({ ret: 0 })
    expect(text(obs[2])).toBe('a\nb\n')
  })

  it.skipIf(!existsSync('/proc/keys'))(
    'the probe is what the program waits for: a setperm it sees in /proc/keys',
    async () => {
      // The program prints once the key's permissions are 3f3f0000, which only the probe sets.
      const script = 'while ! grep -q "^$(printf %08x "$1") .* 3f3f0000 " /proc/keys; do sleep 0.02; done; echo seen'
      const obs = await observe([
        {
          op: 'add_key',
          type: 'user',
          description: `watchq:programs:${process.pid}`,
          payload: 'a',
          keyring: '@s',
          bind: '$k',
        },
        { op: 'setperm', key: '$k', perm: 0x3f010000 },
        { op: 'spawn', argv: sh(script, '$k'), bind: '$p' },
        { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 300, probe: { op: 'sleep', ms: 0 } },
        {
          op: 'wait_output',
          proc: '$p',
          lines: 1,
          timeoutMs: 5000,
          probe: { op: 'setperm', key: '$k', perm: 0x3f3f0000 },
        },
        { op: 'wait_exit', proc: '$p', timeoutMs: 5000 },
      ])
      expect(obs[3]).toMatchObject({ errno: 'ETIMEDOUT' })
      expect(obs[4]).toMatchObject({ ret: 1 })
      expect(obs[4]!.value).toBeGreaterThanOrEqual(1)
      expect(text(obs[5])).toBe('seen\n')
    },
  )

  it('EPIPE when stdout closes first, ETIMEDOUT when time runs out', async () => {
    const obs = await observe([
      { op: 'spawn', argv: sh('echo one'), bind: '$p' },
      { op: 'wait_output', proc: '$p', lines: 2, timeoutMs: 5000 },
      { op: 'spawn', argv: ['sleep', '30'], bind: '$q' },
      { op: 'wait_output', proc: '$q', lines: 1, timeoutMs: 150 },
    ])
    expect(obs[1]).toMatchObject({ errno: 'EPIPE' })
    expect(obs[3]).toMatchObject({ errno: 'ETIMEDOUT' })
    expect(obs[3]!.elapsedMs).toBeGreaterThanOrEqual(150)
  })

  it('a probe that fails, binds or waits on programs ends the case with an error', async () => {
    const spawn = { op: 'spawn', argv: ['sleep', '30'], bind: '$p' }
    const wait = (probe: object) => ({ op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 1000, probe })
    const failed = await observe([spawn, wait({ op: 'close', fd: 999 }), { op: 'sleep', ms: 0 }])
    expect(failed).toHaveLength(2)
    expect(failed[1]!.error).toMatch(/step 1 \(wait_output\): the probe failed with EBADF/)
    const binds = await observe([spawn, wait({ op: 'dup', fd: 0, bind: '$d' })])
    expect(binds[1]!.error).toMatch(/cannot run inside another step/)
    const nested = await observe([spawn, wait({ op: 'wait_exit', proc: '$p', timeoutMs: 1 })])
    expect(nested[1]!.error).toMatch(/op wait_exit cannot run inside another step/)
  })
})

describe('kill', () => {
  it('SIGSTOP returns once the program is stopped; it writes nothing until SIGCONT', async () => {
    const obs = await observe([
      { op: 'spawn', argv: sh('sleep 0.1; echo done'), bind: '$p' },
      { op: 'kill', proc: '$p', signal: 'SIGSTOP' },
      { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 400 },
      { op: 'kill', proc: '$p', signal: 'SIGCONT' },
      { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 5000 },
    ])
    expect(obs[1]).toEqual({ ret: 0 })
    expect(obs[2]).toMatchObject({ errno: 'ETIMEDOUT' })
    expect(obs[3]).toEqual({ ret: 0 })
    expect(obs[4]).toMatchObject({ ret: 1 })
  })
})

describe('no program outlives its case', () => {
  it('a program still running when the case ends is killed, with what it started', async () => {
    const obs = await observe([
      { op: 'spawn', argv: sh('sleep 30 & echo $!; wait'), bind: '$p' },
      { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 5000 },
      { op: 'output', proc: '$p', stream: 'stdout' },
    ])
    const grandchild = Number(text(obs[2]).trim())
    expect(grandchild).toBeGreaterThan(1)
    expect(await gone(obs[0]!.ret!)).toBe(true)
    expect(await gone(grandchild)).toBe(true)
  })

  it('also when the case process crashes or exits without cleaning up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-programs-'))
    try {
      for (const [i, end] of [{ op: '__crash' }, { op: '__exit', status: 2 }].entries()) {
        // The answer is an error without observations: the program tells its pid through a file.
        const file = join(dir, `pid${i}`)
        const answer = await run([
          { op: 'spawn', argv: sh('echo $$ > "$1"; exec sleep 30', file), bind: '$p' },
          { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 300 },
          end,
        ])
        expect(answer).toMatchObject({ error: { message: expect.stringMatching(/^case process (killed|exited)/) } })
        const pid = Number(readFileSync(file, 'utf8').trim())
        expect(pid).toBeGreaterThan(1)
        expect(await gone(pid)).toBe(true)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
