// `watchq serve`: an implementation (the simulator) as a daemon speaking protocol v1 on a Unix or
// TCP socket. Safe by default: the Unix socket is created 0600 (umask held while it is made) and
// never replaces a live server's socket nor anything that is not a socket; TCP binds to loopback
// unless an address is given; every connection gets its own implementation state; lines,
// connections, idle time and the memory held for clients are bounded (connection.ts, pool.ts), and
// nothing a client sends can stop the server.
import { chmodSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import type { InProcessImplementation } from '@watchq/spec'
import { MAX_LINE_BYTES } from '@watchq/spec'
import { ClientConnection, type ConnectionLimits, noticeLine, sayGoodbye } from './connection.js'
import { Pool, type ServeStats } from './pool.js'
import { clearUnixPath, removeOwnSocket, socketIdentity, unixPathProblem } from './unix-socket.js'

export type { ServeStats } from './pool.js'
export { ListenError, MAX_UNIX_PATH_BYTES } from './unix-socket.js'

export type ListenAddress =
  | { readonly kind: 'unix'; readonly path: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }

export interface ServeOptions {
  readonly listen: ListenAddress
  /** Called once per connection: each client gets a fresh implementation (its own kernel state). */
  readonly implementation: () => InProcessImplementation
  readonly maxConnections?: number
  readonly maxLineBytes?: number
  /** Per connection: reading stops while this many bytes of requests are queued (default 1 MiB) … */
  readonly maxQueuedBytes?: number
  /** … or this many requests (default 256). */
  readonly maxQueuedRequests?: number
  /** Per connection: reading and answering stop while this many reply bytes are unsent (default 1 MiB). */
  readonly maxUnsentBytes?: number
  /** All connections together (default 64 MiB); see DEFAULT_MAX_BUFFERED_BYTES. */
  readonly maxBufferedBytes?: number
  /** Close a connection with no traffic either way for this long (default 300 s); 0 never. */
  readonly idleTimeoutMs?: number
  /** Connection events, for a log. */
  readonly log?: (line: string) => void
}

export interface RunningServer {
  /** Where it listens, as an --impl spec (`unix:/path`, `tcp:127.0.0.1:PORT`). */
  readonly address: string
  readonly connections: () => number
  /** What the server holds for its clients now and at most so far (the memory bounds, observed). */
  readonly stats: () => ServeStats
  close(): Promise<void>
}

export const DEFAULT_MAX_CONNECTIONS = 64
export const DEFAULT_MAX_QUEUED_BYTES = 1 << 20
export const DEFAULT_MAX_QUEUED_REQUESTS = 256
export const DEFAULT_MAX_UNSENT_BYTES = 1 << 20
/**
 * Past this total, a connection reads only while it holds less than its share (the total over
 * --max-connections), and is answered only when it has read every earlier reply.
 */
export const DEFAULT_MAX_BUFFERED_BYTES = 64 << 20
export const DEFAULT_IDLE_TIMEOUT_MS = 300_000

/** Parses `unix:PATH`, `tcp:PORT` (loopback), `tcp:HOST:PORT`. */
export function parseListen(spec: string): ListenAddress {
  const bad = (why: string) =>
    new Error(`bad --listen "${spec}": ${why}; expected unix:PATH, tcp:PORT (loopback) or tcp:HOST:PORT`)
  if (spec.startsWith('unix:')) {
    const path = spec.slice(5)
    const problem = unixPathProblem(path)
    if (problem) throw bad(problem)
    return { kind: 'unix', path }
  }
  if (spec.startsWith('tcp:')) {
    const rest = spec.slice(4)
    const at = rest.lastIndexOf(':')
    const host = at === -1 ? '127.0.0.1' : rest.slice(0, at).replace(/^\[(.*)\]$/, '$1')
    const portText = at === -1 ? rest : rest.slice(at + 1)
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port > 65535) throw bad('the port must be a number from 0 to 65535')
    if (host === '') throw bad('the host is empty')
    return { kind: 'tcp', host, port }
  }
  throw bad('unknown kind')
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host)
}

export async function serve(o: ServeOptions): Promise<RunningServer> {
  const maxConnections = o.maxConnections ?? DEFAULT_MAX_CONNECTIONS
  const limits: ConnectionLimits = {
    maxLineBytes: o.maxLineBytes ?? MAX_LINE_BYTES,
    maxQueuedBytes: o.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES,
    maxQueuedRequests: o.maxQueuedRequests ?? DEFAULT_MAX_QUEUED_REQUESTS,
    maxUnsentBytes: o.maxUnsentBytes ?? DEFAULT_MAX_UNSENT_BYTES,
    idleTimeoutMs: o.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
  }
  const maxBuffered = o.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES
  const pool = new Pool(maxBuffered, Math.floor(maxBuffered / maxConnections))
  // Half-open: a client that sends its requests and ends its side still gets every answer.
  // Every open socket, refused ones too, for close().
  const sockets = new Set<Socket>()
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    if (pool.members.size >= maxConnections) {
      pool.refused++
      o.log?.(`refused a connection: ${maxConnections} already`)
      sayGoodbye(socket, noticeLine(`too many connections (${maxConnections})`))
      return
    }
    socket.setNoDelay(true)
    pool.members.add(new ClientConnection(socket, o.implementation(), limits, pool))
    o.log?.(`connection ${pool.members.size}/${maxConnections}`)
  })
  // Refused clients get their line and are gone within GOODBYE_GRACE_MS; only past this many
  // sockets at once (a storm of connections) is one closed without a word.
  server.maxConnections = Math.max(2 * maxConnections, maxConnections + 64)
  let identity: ReturnType<typeof socketIdentity>
  const address = await listen(server, o.listen).then(
    (a) => {
      if (o.listen.kind === 'unix') identity = socketIdentity(o.listen.path)
      return a
    },
    (e: unknown) => {
      server.close()
      throw e
    },
  )
  let closing: Promise<void> | undefined
  return {
    address,
    connections: () => pool.members.size,
    stats: () => pool.stats(),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        pool.stop()
        server.close(() => {
          if (o.listen.kind === 'unix') removeOwnSocket(o.listen.path, identity)
          resolve()
        })
        for (const s of sockets) s.destroy()
      })
      return closing
    },
  }
}

async function listen(server: Server, at: ListenAddress): Promise<string> {
  if (at.kind === 'unix') {
    await clearUnixPath(at.path)
    const old = process.umask(0o177) // the socket is born 0600: no window in which others can connect
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(at.path, () => resolve())
      })
    } finally {
      process.umask(old)
    }
    chmodSync(at.path, 0o600)
    return `unix:${at.path}`
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(at.port, at.host, () => resolve())
  })
  const a = server.address()
  const port = typeof a === 'object' && a ? a.port : at.port
  return `tcp:${at.host.includes(':') ? `[${at.host}]` : at.host}:${port}`
}
