// `cmd:COMMAND`: the implementation is a child process (`/bin/sh -c COMMAND`) speaking JSON lines
// on stdin/stdout. It runs in its own process group so that closing it also ends whatever the
// shell started, and every live group is killed when the runner exits.
import { type ChildProcess, spawn } from 'node:child_process'
import { MAX_LINE_BYTES } from '@watchq/spec'
import { LineConnection } from './line-connection.js'
import { LineInbox } from './lines.js'
import { type Connection, type Connector, STDERR_KEEP_BYTES, TransportError } from './transport.js'
import { within } from './within.js'

export interface StdioOptions {
  /** Longest accepted stdout line (default the protocol's MAX_LINE_BYTES). */
  readonly maxLineBytes?: number
  /** Newest stderr bytes kept between two `takeStderr` calls (default STDERR_KEEP_BYTES). */
  readonly stderrKeepBytes?: number
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
}

/** How long `close` waits for the process to exit after `stop` when not told. */
export const DEFAULT_GRACE_MS = 2000
/** After SIGKILL, how long to wait for the exit before giving up on it. */
const KILL_WAIT_MS = 2000
/** After the process exits, how long its pipes may stay open (held by something it started) before we stop reading. */
const DRAIN_MS = 500

export function stdioConnector(command: string, options: StdioOptions = {}): Connector {
  const spec = `cmd:${command}`
  return {
    spec,
    async connect(): Promise<Connection> {
      const child = spawn('/bin/sh', ['-c', command], {
        cwd: options.cwd,
        env: options.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      })
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve)
        child.once('error', (e) => reject(new TransportError('closed', `cannot start ${spec}: ${e.message}`)))
      })
      return new StdioConnection(child, options)
    },
  }
}

class StdioConnection extends LineConnection {
  private readonly stderr: StderrTail
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined
  private readonly exited: Promise<void>

  constructor(
    private readonly child: ChildProcess,
    options: StdioOptions,
  ) {
    super(new LineInbox(options.maxLineBytes ?? MAX_LINE_BYTES), DEFAULT_GRACE_MS)
    const pid = child.pid!
    this.stderr = new StderrTail(options.stderrKeepBytes ?? STDERR_KEEP_BYTES)
    track(pid)
    // A child that dies early makes writes fail with EPIPE; no stream error may become an uncaught one.
    for (const stream of [child, child.stdin!, child.stdout!, child.stderr!]) stream.on('error', () => {})
    child.stdout!.on('data', (chunk: Buffer) => this.inbox.push(chunk))
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk))
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal }
        untrack(pid)
        // Whatever the shell or the implementation left running goes with it.
        killGroup(pid, 'SIGKILL')
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
      this.inbox.finish(new TransportError('closed', `the implementation exited (${status})${tail}`, status))
    })
  }

  get closed(): boolean {
    return this.closing !== undefined || this.exit !== undefined || this.inbox.finished
  }

  takeStderr(): string {
    return this.stderr.take()
  }

  protected async shutdown(graceMs: number): Promise<void> {
    const pid = this.child.pid!
    // End of input is no message, but it lets an implementation that reads to EOF stop by itself.
    this.child.stdin!.end()
    // The exit handler kills what is left of the group.
    if (!this.exit && !(await within(this.exited, graceMs))) {
      killGroup(pid, 'SIGKILL')
      await within(this.exited, KILL_WAIT_MS)
    }
    this.inbox.finish(new TransportError('closed', 'the connection was closed'))
  }

  protected write(line: string): void {
    const stdin = this.child.stdin!
    if (this.exit || stdin.destroyed || stdin.writableEnded) return
    try {
      stdin.write(line)
    } catch {
      // Never throws: a failed write shows up as the process having exited.
    }
  }

  private status(): string {
    const exit = this.exit
    if (!exit) return 'status unknown'
    return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`
  }
}

/** The newest stderr bytes, at most `keep` of them, with a note of how many older ones were dropped. */
export class StderrTail {
  private chunks: Buffer[] = []
  private size = 0
  private dropped = 0

  constructor(private readonly keep: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.keep) {
      const first = this.chunks[0]!
      const excess = this.size - this.keep
      if (first.length <= excess) {
        this.chunks.shift()
        this.size -= first.length
        this.dropped += first.length
      } else {
        this.chunks[0] = first.subarray(excess)
        this.size -= excess
        this.dropped += excess
      }
    }
  }

  /** Everything since the last call, then forgets it. */
  take(): string {
    const text = Buffer.concat(this.chunks, this.size).toString('utf8')
    const note = this.dropped > 0 ? `[${this.dropped} earlier bytes of stderr dropped]\n` : ''
    this.chunks = []
    this.size = 0
    this.dropped = 0
    return note + text
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is already gone.
  }
}

// Live process groups, killed if the runner exits first. 'exit' is not emitted when a signal
// kills the runner, so while children live we also catch the usual signals, kill them, and
// then let the signal take its course.
const live = new Set<number>()
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** Kills every child process group still running (the runner is going away). */
export function killLiveChildren(): void {
  for (const pid of live) killGroup(pid, 'SIGKILL')
  live.clear()
  unhook()
}

function onSignal(signal: NodeJS.Signals): void {
  killLiveChildren()
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

function track(pid: number): void {
  if (live.size === 0) {
    process.on('exit', killLiveChildren)
    for (const s of SIGNALS) process.on(s, onSignal)
  }
  live.add(pid)
}

function untrack(pid: number): void {
  if (live.delete(pid) && live.size === 0) unhook()
}

function unhook(): void {
  process.removeListener('exit', killLiveChildren)
  for (const s of SIGNALS) process.removeListener(s, onSignal)
}
