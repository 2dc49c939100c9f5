// `unix:PATH` and `tcp:HOST:PORT`: the implementation is a daemon that is already running; each
// connection is one session of the same JSON-lines protocol. There is no stderr to collect.
import { connect as netConnect, type Socket } from 'node:net'
import {
  type Connection,
  type Connector,
  LineConnection,
  LineInbox,
  MAX_LINE_BYTES,
  TransportError,
} from '@watchq/spec'

export type SocketAddress =
  | { readonly kind: 'unix'; readonly path: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }

export interface SocketOptions {
  /** As the user wrote it (default derived from the address). */
  readonly spec?: string
  /** Longest accepted line (default the protocol's MAX_LINE_BYTES). */
  readonly maxLineBytes?: number
  /** How long to wait for the connection to be made (default DEFAULT_CONNECT_TIMEOUT_MS). */
  readonly connectTimeoutMs?: number
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 5000
/** How long `close` waits for the peer to close its side when not told. */
const DEFAULT_GRACE_MS = 1000

export function socketConnector(address: SocketAddress, options: SocketOptions = {}): Connector {
  const spec =
    options.spec ?? (address.kind === 'unix' ? `unix:${address.path}` : `tcp:${address.host}:${address.port}`)
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  return {
    spec,
    async connect(): Promise<Connection> {
      const socket =
        address.kind === 'unix'
          ? netConnect({ path: address.path })
          : netConnect({ host: address.host, port: address.port })
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.destroy()
          reject(new TransportError('timeout', `cannot connect to ${spec}: no connection within ${timeoutMs} ms`))
        }, timeoutMs)
        socket.once('connect', () => {
          clearTimeout(timer)
          resolve()
        })
        socket.once('error', (e) => {
          clearTimeout(timer)
          reject(new TransportError('closed', `cannot connect to ${spec}: ${e.message}`))
        })
      })
      if (address.kind === 'tcp') socket.setNoDelay(true)
      return new SocketConnection(socket, options.maxLineBytes ?? MAX_LINE_BYTES)
    },
  }
}

class SocketConnection extends LineConnection {
  private error: string | undefined
  private ended = false
  protected readonly gone: Promise<void>

  constructor(
    private readonly socket: Socket,
    maxLineBytes: number,
  ) {
    super(new LineInbox(maxLineBytes), DEFAULT_GRACE_MS)
    // A reset or a write to a closed peer arrives as 'error', always followed by 'close'.
    socket.on('error', (e: NodeJS.ErrnoException) => {
      this.error ??= e.code ?? e.message
    })
    socket.on('data', (chunk: Buffer) => this.inbox.push(chunk))
    this.gone = new Promise((resolve) => {
      socket.once('close', () => {
        this.ended = true
        const rest = this.inbox.end()
        const why = this.error ? ` (${this.error})` : ''
        const tail = rest === undefined ? '' : `; its last output had no newline: ${JSON.stringify(rest.slice(0, 200))}`
        this.inbox.finish(
          new TransportError('closed', `the implementation closed the connection${why}${tail}`, this.error),
        )
        resolve()
      })
    })
  }

  get closed(): boolean {
    return this.closing !== undefined || this.ended
  }

  takeStderr(): string {
    return ''
  }

  /** Half-close: the daemon sees the end of the session and may close its side in its own time. */
  protected endInput(): void {
    this.socket.end()
  }

  protected force(): void {
    this.socket.destroy()
  }

  protected write(line: string): void {
    if (this.ended || this.socket.destroyed || this.socket.writableEnded) return
    try {
      this.socket.write(line)
    } catch {
      // Never throws: a failed write shows up as the connection having closed.
    }
  }
}
