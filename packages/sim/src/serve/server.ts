// `watchq serve`: an implementation (the simulator) as a daemon speaking protocol v1 on a Unix or
// TCP socket. Safe by default: the Unix socket is created 0600 (umask held while it is made), TCP
// binds to loopback unless an address is given, every connection gets its own implementation
// state, lines and connections are bounded, and nothing a client sends can stop the server.
import { chmodSync, existsSync, lstatSync, unlinkSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import type { InProcessImplementation } from '@watchq/spec'
import { LineSplitter, MAX_LINE_BYTES } from '@watchq/spec'

export type ListenAddress =
  | { readonly kind: 'unix'; readonly path: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }

export interface ServeOptions {
  readonly listen: ListenAddress
  /** Called once per connection: each client gets a fresh implementation (its own kernel state). */
  readonly implementation: () => InProcessImplementation
  readonly maxConnections?: number
  readonly maxLineBytes?: number
  /** Connection events, for a log. */
  readonly log?: (line: string) => void
}

export interface RunningServer {
  /** Where it listens, as an --impl spec (`unix:/path`, `tcp:127.0.0.1:PORT`). */
  readonly address: string
  readonly connections: () => number
  close(): Promise<void>
}

export const DEFAULT_MAX_CONNECTIONS = 64

/** Parses `unix:PATH`, `tcp:PORT` (loopback), `tcp:HOST:PORT`. */
export function parseListen(spec: string): ListenAddress {
  const bad = (why: string) =>
    new Error(`bad --listen "${spec}": ${why}; expected unix:PATH, tcp:PORT (loopback) or tcp:HOST:PORT`)
  if (spec.startsWith('unix:')) {
    if (spec.length === 5) throw bad('the path is empty')
    return { kind: 'unix', path: spec.slice(5) }
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
  const maxLine = o.maxLineBytes ?? MAX_LINE_BYTES
  const live = new Set<Socket>()
  const server: Server = createServer((socket) => {
    if (live.size >= maxConnections) {
      socket.end(`${JSON.stringify({ seq: 0, error: { message: `too many connections (${maxConnections})` } })}\n`)
      return
    }
    live.add(socket)
    o.log?.(`connection ${live.size}/${maxConnections}`)
    socket.on('close', () => live.delete(socket))
    socket.on('error', () => socket.destroy())
    serveConnection(socket, o.implementation(), maxLine)
  })
  server.maxConnections = maxConnections * 2 // refuse outright well past the polite limit
  const address = await listen(server, o.listen)
  return {
    address,
    connections: () => live.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of live) s.destroy()
        server.close(() => {
          if (o.listen.kind === 'unix' && existsSync(o.listen.path)) unlinkSync(o.listen.path)
          resolve()
        })
      }),
  }
}

async function listen(server: Server, at: ListenAddress): Promise<string> {
  if (at.kind === 'unix') {
    // A stale socket from an earlier run is replaced; anything else at the path is left alone.
    if (existsSync(at.path)) {
      if (!lstatSync(at.path).isSocket()) throw new Error(`${at.path} exists and is not a socket; not replacing it`)
      unlinkSync(at.path)
    }
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

/** One client: lines in, one answer line per request, in order; `stop` ends the connection. */
function serveConnection(socket: Socket, impl: InProcessImplementation, maxLine: number): void {
  const splitter = new LineSplitter(maxLine)
  let queue: Promise<void> = Promise.resolve()
  const reply = (obj: unknown) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(obj)}\n`)
  }
  const handleLine = async (text: string) => {
    let request: unknown
    try {
      request = JSON.parse(text)
    } catch {
      reply({ seq: 0, error: { message: 'the request is not JSON' } })
      return
    }
    if ((request as { cmd?: unknown } | null)?.cmd === 'stop') {
      socket.end()
      return
    }
    try {
      reply(await impl.handle(request))
    } catch (e) {
      // The implementation must answer errors itself; this is the last guard for the daemon.
      const seq = (request as { seq?: unknown } | null)?.seq
      reply({ seq: typeof seq === 'number' ? seq : 0, error: { message: `internal error: ${(e as Error).message}` } })
    }
  }
  socket.on('data', (chunk: Buffer) => {
    for (const ev of splitter.push(chunk)) {
      if (ev.kind === 'oversize') {
        queue = queue.then(() =>
          reply({ seq: 0, error: { message: `a request line is longer than ${maxLine} bytes` } }),
        )
      } else {
        const text = ev.text
        queue = queue.then(() => handleLine(text))
      }
    }
  })
}
