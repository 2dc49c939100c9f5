// What every line-based connection shares: one request at a time, answered by the next line; a
// send that never throws; close at most once, by one shutdown sequence for a process, a VM and a
// socket alike: end our side, give the other side `graceMs` to finish, then force it. Subclasses
// say how a line is written, how each of those steps is done, and what else they know (stderr).

import { type Connection, TransportError } from './connection.js'
import type { LineInbox } from './lines.js'
import { within } from './within.js'

/** After forcing the other side, how long to wait for it to be gone before giving up on it. */
const FORCE_WAIT_MS = 2000

export abstract class LineConnection implements Connection {
  protected closing: Promise<void> | undefined

  constructor(
    protected readonly inbox: LineInbox,
    /** How long close() waits for the other side before forcing it. */
    private readonly graceMs: number,
  ) {}

  abstract get closed(): boolean
  abstract takeStderr(): string
  /** Writes one line; never throws (a failed write shows up as the connection having closed). */
  protected abstract write(line: string): void
  /** Ends our side (end of input): an implementation that reads to the end may stop by itself. */
  protected abstract endInput(): void
  /** Ends the other side for sure (SIGKILL to a process group, destroying a socket). */
  protected abstract force(): void
  /** Settles once the other side is gone (the process exited, the socket closed). */
  protected abstract readonly gone: Promise<unknown>

  /** The shutdown sequence; a subclass that has more to clean up extends it. */
  protected async shutdown(graceMs: number): Promise<void> {
    this.endInput()
    if (!(await within(this.gone, graceMs))) {
      this.force()
      await within(this.gone, FORCE_WAIT_MS)
    }
    this.inbox.finish(new TransportError('closed', 'the connection was closed'))
  }

  request(message: object, timeoutMs: number): Promise<string> {
    if (this.closing) return Promise.reject(new TransportError('closed', 'the connection was closed'))
    // A message JSON cannot carry is the runner's bug: it rejects rather than waiting for nothing.
    let line: string
    try {
      line = `${JSON.stringify(message)}\n`
    } catch (e) {
      return Promise.reject(e)
    }
    this.write(line)
    return this.inbox.next(timeoutMs)
  }

  send(message: object): void {
    try {
      this.write(`${JSON.stringify(message)}\n`)
    } catch {
      // Never throws.
    }
  }

  close(graceMs = this.graceMs): Promise<void> {
    this.closing ??= this.shutdown(graceMs)
    return this.closing
  }
}
