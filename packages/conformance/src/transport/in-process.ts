// An implementation that lives in the runner's own process (the simulator, test doubles). Every
// request and reply goes through JSON text, so the runner parses and validates exactly what it
// would from a process, and a `handle` that throws is treated as a crash, not as a runner error.
import {
  type Connection,
  type Connector,
  type InProcessImplementation,
  MAX_LINE_BYTES,
  TransportError,
} from '@watchq/spec'

export type { InProcessImplementation }

export interface InProcessOptions {
  /** Default `in-process`. */
  readonly spec?: string
  /** Longest accepted reply line (default the protocol's MAX_LINE_BYTES). */
  readonly maxLineBytes?: number
}

/**
 * `implementation` is either one object, shared by every connection, or a factory called on each
 * `connect`, which gives a restart after a crash a fresh state, as a restarted process would have.
 */
export function inProcessConnector(
  implementation: InProcessImplementation | (() => InProcessImplementation),
  options: InProcessOptions = {},
): Connector {
  return {
    spec: options.spec ?? 'in-process',
    async connect(): Promise<Connection> {
      const impl = typeof implementation === 'function' ? implementation() : implementation
      return new InProcessConnection(impl, options.maxLineBytes ?? MAX_LINE_BYTES)
    },
  }
}

class InProcessConnection implements Connection {
  private crash: TransportError | undefined
  private stderr = ''
  private ended = false
  /** Fails the pending request, if there is one. */
  private abort: ((error: Error) => void) | undefined

  constructor(
    private readonly impl: InProcessImplementation,
    private readonly maxLineBytes: number,
  ) {}

  get closed(): boolean {
    return this.ended || this.crash !== undefined
  }

  request(message: object, timeoutMs: number): Promise<string> {
    if (this.crash) return Promise.reject(this.crash)
    if (this.ended) return Promise.reject(closedError())
    if (this.abort) return Promise.reject(new Error('one request at a time: the previous one is still waiting'))
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => fail(new TransportError('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs)
      // Whichever comes first (reply, crash, timeout, close) settles the request; the rest are ignored.
      const settled = (): boolean => {
        if (this.abort !== fail) return true
        this.abort = undefined
        clearTimeout(timer)
        return false
      }
      const fail = (error: Error): void => {
        if (!settled()) reject(error)
      }
      this.abort = fail
      this.call(message).then(
        (line) => {
          if (Buffer.byteLength(line) > this.maxLineBytes) {
            const error = `the implementation wrote a line longer than ${this.maxLineBytes} bytes`
            fail(new TransportError('oversize', error, line.slice(0, 200)))
          } else if (!settled()) {
            resolve(line)
          }
        },
        (e: unknown) => fail(this.crashed(e)),
      )
    })
  }

  send(message: object): void {
    if (this.closed) return
    this.call(message).catch((e: unknown) => this.crashed(e))
  }

  takeStderr(): string {
    const text = this.stderr
    this.stderr = ''
    return text
  }

  async close(): Promise<void> {
    this.ended = true
    // A reply that comes after the close is as lost as a dead process's output.
    this.abort?.(closedError())
  }

  /**
   * Runs `handle` on a copy of the message as it would arrive over the wire and serializes the reply
   * (`undefined` as `null`, which the runner rejects as an answer). A throw, also from serializing
   * a reply JSON cannot represent (a BigInt, a cycle), becomes a rejection.
   */
  private async call(message: object): Promise<string> {
    const reply = await this.impl.handle(JSON.parse(JSON.stringify(message)))
    return JSON.stringify(reply) ?? 'null'
  }

  /** The adapter threw: from now on the connection is a dead process; its stack is its stderr. */
  private crashed(e: unknown): TransportError {
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e)
    this.stderr += `${text}\n`
    const message = e instanceof Error ? e.message : String(e)
    this.crash ??= new TransportError('closed', `the in-process implementation threw: ${message}`, 'threw')
    this.abort?.(this.crash)
    return this.crash
  }
}

function closedError(): TransportError {
  return new TransportError('closed', 'the connection was closed')
}
