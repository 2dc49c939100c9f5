// Driving an agent binary directly: raw lines in, lines out, and its exit status. The protocol
// tests use the real connectors; these are for what they hide (malformed input, exit codes).
import { spawn } from 'node:child_process'
import type { Connection } from '@watchq/spec'
import { createAjv, type ImplementationInfo, type Observation, RunResponse } from '@watchq/spec'
import { expect } from 'vitest'
import { buildAgent, hostAgentArch } from '../../src/agent/build.js'
import { hostAgentConnector } from '../../src/agent/host.js'

export interface RawAgent {
  /** Writes text as it is (add the newline yourself). */
  write(text: string): void
  /** The next line the agent writes, parsed as JSON. */
  next(timeoutMs?: number): Promise<unknown>
  /** Ends stdin. */
  end(): void
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr(): string
  kill(): void
}

export function spawnRaw(file: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): RawAgent {
  const child = spawn(file, [...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  const lines: string[] = []
  const waiters: ((line: string) => void)[] = []
  let partial = ''
  let err = ''
  child.stdin.on('error', () => {})
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n')
    partial = parts.pop()!
    for (const line of parts) {
      const w = waiters.shift()
      if (w) w(line)
      else lines.push(line)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8')
  })
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return {
    write: (text) => child.stdin.write(text),
    next(timeoutMs = 10000) {
      const ready = lines.shift()
      if (ready !== undefined) return Promise.resolve(JSON.parse(ready))
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs)
        waiters.push((line) => {
          clearTimeout(timer)
          resolve(JSON.parse(line))
        })
      })
    },
    end: () => child.stdin.end(),
    exit,
    stderr: () => err,
    kill: () => child.kill('SIGKILL'),
  }
}

/** The agent for this host, built once (cached under the user's cache dir). */
export function hostAgent(): Promise<string> {
  const arch = hostAgentArch()
  if (!arch) throw new Error(`no agent for ${process.arch}`)
  return buildAgent({ arch })
}

export type Step = Record<string, unknown> & { op: string }
export type Answer =
  | { seq: number; observations: Observation[] }
  | { seq: number; skipped: string }
  | { seq: number; error: { message: string; detail?: string } }

const validRun = createAjv().compile(RunResponse)

/** The host agent over the real stdio connector, hello done: runs cases and checks every answer. */
export interface AgentSession {
  readonly conn: Connection
  readonly info: ImplementationInfo
  /** The hello line, parsed (for schema checks of the hello itself). */
  readonly hello: unknown
  /** One case; the answer is checked against the protocol schema and its seq. */
  run(steps: Step[]): Promise<Answer>
  /** The observations of a case that ran (throws on a case-level error or skip). */
  observe(steps: Step[]): Promise<Observation[]>
}

export async function agentSession(casePrefix: string, timeoutMs: number): Promise<AgentSession> {
  await hostAgent() // builds (or finds) the binary outside the connect timeout
  const conn = await hostAgentConnector({ env: { ...process.env, WATCHQ_AGENT_TEST_OPS: '1' } }).connect()
  const line = await conn.request({ cmd: 'hello', protocol: 1 }, 10000)
  const hello = JSON.parse(line) as { implementation: ImplementationInfo }
  let seq = 0
  const run = async (steps: Step[]): Promise<Answer> => {
    const n = ++seq
    const answerLine = await conn.request({ cmd: 'run', seq: n, case: `${casePrefix}/${n}`, steps }, timeoutMs)
    const answer = JSON.parse(answerLine) as Answer
    expect(validRun(answer), `${answerLine}\n${JSON.stringify(validRun.errors)}`).toBe(true)
    expect(answer.seq).toBe(n)
    return answer
  }
  return {
    conn,
    info: hello.implementation,
    hello,
    run,
    async observe(steps) {
      const answer = await run(steps)
      if (!('observations' in answer)) throw new Error(`expected observations, got ${JSON.stringify(answer)}`)
      return answer.observations
    },
  }
}
