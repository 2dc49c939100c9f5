// What every line-based connection shares: one request at a time, answered by the next line; a
// send that never throws; close at most once. Subclasses say how a line is written, how the
// connection shuts down, and what else they know (stderr, whether the other side is gone).

import { type Connection, TransportError } from './connection.js'
import type { LineInbox } from './lines.js'

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
  protected abstract shutdown(graceMs: number): Promise<void>

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
