// Drives a decoder-protocol program directly (no runner): one JSON line out, one line back.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

export class ProtocolProcess {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly waiting: ((line: string) => void)[] = []
  private readonly lines: string[] = []
  private stderr = ''
  readonly exited: Promise<Exit>

  constructor(binary: string) {
    this.child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.child.stderr.on('data', (c: Buffer) => {
      this.stderr += c.toString('utf8')
    })
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const w = this.waiting.shift()
      if (w) w(line)
      else this.lines.push(line)
    })
    this.exited = new Promise((resolve, reject) => {
      this.child.once('error', reject)
      this.child.once('close', (code, signal) => resolve({ code, signal, stderr: this.stderr }))
    })
  }

  /** Sends one request and resolves with the parsed answer line. */
  request(req: unknown): Promise<unknown> {
    const answer = new Promise<string>((resolve, reject) => {
      const ready = this.lines.shift()
      if (ready !== undefined) resolve(ready)
      else {
        this.waiting.push(resolve)
        this.exited.then(
          (e) => reject(new Error(`decoder exited (${e.code ?? e.signal}) before answering: ${e.stderr}`)),
          reject,
        )
      }
    })
    this.child.stdin.write(`${JSON.stringify(req)}\n`)
    return answer.then((line) => JSON.parse(line) as unknown)
  }

  /** Closes stdin and waits for the exit. */
  close(): Promise<Exit> {
    this.child.stdin.end()
    return this.exited
  }
}

/** Runs the program on `input` (stdin then EOF) and collects everything. */
export function runWithInput(binary: string, input: string): Promise<Exit & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8')
    })
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8')
    })
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stderr, stdout }))
    // The program may exit before reading everything: a broken pipe is its answer, not an error.
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}
