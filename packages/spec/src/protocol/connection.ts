// How a runner talks to an implementation: JSON lines over some connection. The runner knows
// only this interface; `cmd:`, `unix:`, `tcp:` and in-process connectors implement it.

/** Why a request got no answer line. */
export type TransportFailure =
  /** No line within the time limit. */
  | 'timeout'
  /** The process exited or the connection closed (before or while waiting). */
  | 'closed'
  /** A line longer than the limit arrived (it is discarded, not buffered). */
  | 'oversize'

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    /** For 'oversize': the start of the line; for 'closed': the exit status if known. */
    readonly detail?: string,
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

export interface Connection {
  /**
   * Sends one message as a JSON line and resolves with the next line the implementation writes
   * (raw text, without the newline). Rejects with a TransportError. One request at a time.
   */
  request(message: object, timeoutMs: number): Promise<string>
  /** Sends a line that has no answer (`stop`). Never throws. */
  send(message: object): void
  /** What the implementation wrote to stderr since the last call (bounded, the newest kept). */
  takeStderr(): string
  /** Ends the connection: after `stop`, waits up to `graceMs` for the process to exit, then kills it. */
  close(graceMs?: number): Promise<void>
  readonly closed: boolean
}

export interface Connector {
  /** As the user wrote it: `cmd:…`, `unix:…`, `tcp:…`, `sim`. */
  readonly spec: string
  connect(): Promise<Connection>
  /** What else a capture should record of this implementation (kernel config hash, accelerator, …). */
  provenance?(): Readonly<Record<string, string>>
}

/** Longest line accepted from an implementation by default (the protocol's MAX_LINE_BYTES). */
export const STDERR_KEEP_BYTES = 64 * 1024
