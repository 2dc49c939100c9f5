// Driving an agent binary directly: raw lines in, lines out, and its exit status. The protocol
// tests use the real connectors; these are for what they hide (malformed input, exit codes).
import { spawn } from 'node:child_process'
import { buildAgent, hostAgentArch } from '../../src/agent/build.js'

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
