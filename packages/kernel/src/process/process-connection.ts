// A child process speaking JSON lines on stdin/stdout: `cmd:` adapters, the agent on this host,
// and QEMU with the agent as /init all are one. The child runs in its own process group, is
// tracked by the reaper while it lives, and is shut down by one sequence: end of stdin, up to
// `graceMs` for it to exit by itself, then SIGKILL to the whole group (LineConnection's shutdown).
import { type ChildProcess, spawn } from 'node:child_process'
import { LineConnection, LineInbox, MAX_LINE_BYTES, STDERR_KEEP_BYTES, TransportError } from '@watchq/spec'
import { killGroup, track, untrack } from './reaper.js'
import { StderrTail } from './stderr-tail.js'

export interface ProcessConnectionOptions {
  /** Longest accepted stdout line (default the protocol's MAX_LINE_BYTES). */
  readonly maxLineBytes?: number
  /** Newest stderr bytes kept between two `takeStderr` calls (default STDERR_KEEP_BYTES). */
  readonly stderrKeepBytes?: number
  /** How long `close` waits for the exit after `stop` when not told. */
  readonly graceMs?: number
  /** What the child is called in messages ("the implementation", "the VM"). */
  readonly name?: string
}

export interface ExitStatus {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** How long `close` waits for the process to exit after `stop` when not told. */
export const DEFAULT_GRACE_MS = 2000
/** After the process exits, how long its pipes may stay open (held by something it started) before we stop reading. */
const DRAIN_MS = 500

/**
 * Starts `command` in a process group of its own with piped stdio; rejects with a TransportError
 * when it cannot be started.
 */
export async function spawnGroup(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv; readonly what?: string } = {},
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve)
    child.once('error', (e) =>
      reject(new TransportError('closed', `cannot start ${options.what ?? command}: ${e.message}`)),
    )
  })
  return child
}

export class ProcessConnection extends LineConnection {
  protected readonly stderr: StderrTail
  protected readonly name: string
  private exit: ExitStatus | undefined
  protected readonly gone: Promise<void>

  constructor(
    protected readonly child: ChildProcess,
    options: ProcessConnectionOptions = {},
  ) {
    super(new LineInbox(options.maxLineBytes ?? MAX_LINE_BYTES), options.graceMs ?? DEFAULT_GRACE_MS)
    this.name = options.name ?? 'the implementation'
    const pid = child.pid!
    this.stderr = new StderrTail(options.stderrKeepBytes ?? STDERR_KEEP_BYTES)
    track(pid)
    // A child that dies early makes writes fail with EPIPE; no stream error may become an uncaught one.
    for (const stream of [child, child.stdin!, child.stdout!, child.stderr!]) stream.on('error', () => {})
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk))
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk))
    this.gone = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal }
        untrack(pid)
        // Whatever the shell or the implementation left running goes with it.
        killGroup(pid)
        // Pipes inherited by an escaped grandchild would keep 'close' from ever coming.
        setTimeout(() => {
          child.stdout!.destroy()
          child.stderr!.destroy()
        }, DRAIN_MS).unref()
        resolve()
      })
    })
    // 'close' comes after the exit and the end of stdout and stderr: every line has been read.
    child.once('close', () => {
      const rest = this.inbox.end()
      const status = this.status()
      const tail = rest === undefined ? '' : `; its last output had no newline: ${JSON.stringify(rest.slice(0, 200))}`
      this.inbox.finish(new TransportError('closed', `${this.name} exited (${status})${this.why()}${tail}`, status))
      this.onClosed()
    })
  }

  get closed(): boolean {
    return this.closing !== undefined || this.exit !== undefined || this.inbox.finished
  }

  /** The child's process id (also its process group's). */
  get pid(): number {
    return this.child.pid!
  }

  /** How the child ended, once it has: a signal means it was killed. */
  get exitStatus(): ExitStatus | undefined {
    return this.exit
  }

  takeStderr(): string {
    return this.stderr.take()
  }

  /** Stdout bytes: answer lines by default. */
  protected receive(chunk: Buffer): void {
    this.inbox.push(chunk)
  }

  /** Whether a line may be written now. */
  protected writable(): boolean {
    return true
  }

  /** More of why the child exited, for the closed message (e.g. a kernel panic line). */
  protected why(): string {
    return ''
  }

  /** Called once the child has exited and its output has been read. */
  protected onClosed(): void {}

  protected endInput(): void {
    this.child.stdin!.end()
  }

  /** The whole group: whatever the shell or the implementation started goes too. */
  protected force(): void {
    killGroup(this.child.pid!)
  }

  protected write(line: string): void {
    const stdin = this.child.stdin!
    if (!this.writable() || this.exit || stdin.destroyed || stdin.writableEnded) return
    try {
      stdin.write(line)
    } catch {
      // Never throws: a failed write shows up as the process having exited.
    }
  }

  protected status(): string {
    const exit = this.exit
    if (!exit) return 'status unknown'
    return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`
  }
}
