// A raw client of `watchq serve` for tests: sends lines, collects answer lines; it can also hold
// its socket paused (a client that never reads) or keep its side open after the server's end.
import { connect, type Socket } from 'node:net'

export interface RawClient {
  readonly socket: Socket
  send(text: string): boolean
  /** The first `n` answer lines, or as many as came within `ms`. */
  answers(n: number, ms?: number): Promise<string[]>
  /** Every line received so far. */
  readonly lines: string[]
  /** Settles when the socket closes, with whether it closed within `ms` (never rejects). */
  closedWithin(ms: number): Promise<boolean>
  readonly closed: Promise<void>
  /** Starts reading (for a client made with `paused`). */
  read(): void
  end(): void
  destroy(): void
}

export interface RawClientOptions {
  /** Never read until read() is called. */
  readonly paused?: boolean
  /** Keep our side open when the server ends its side (as clients in other languages may). */
  readonly allowHalfOpen?: boolean
}

export function rawClient(address: string, o: RawClientOptions = {}): RawClient {
  const allowHalfOpen = o.allowHalfOpen ?? false
  const socket = address.startsWith('unix:')
    ? connect({ path: address.slice(5), allowHalfOpen })
    : connect({ port: Number(address.slice(address.lastIndexOf(':') + 1)), host: '127.0.0.1', allowHalfOpen })
  socket.on('error', () => {})
  const lines: string[] = []
  let buf = ''
  const onData = (d: Buffer) => {
    buf += d.toString()
    let i = buf.indexOf('\n')
    while (i !== -1) {
      lines.push(buf.slice(0, i))
      buf = buf.slice(i + 1)
      i = buf.indexOf('\n')
    }
  }
  if (o.paused) socket.pause()
  else socket.on('data', onData)
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  return {
    socket,
    lines,
    send: (s: string) => socket.write(s),
    async answers(n: number, ms = 3000): Promise<string[]> {
      const t0 = Date.now()
      while (lines.length < n && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 5))
      return lines.slice(0, n)
    },
    closedWithin: (ms: number) =>
      Promise.race([closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
    closed,
    read: () => {
      socket.on('data', onData)
      socket.resume()
    },
    end: () => socket.end(),
    destroy: () => socket.destroy(),
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Waits until `f()` is true or `ms` passed; returns its last value. */
export async function until(f: () => boolean, ms = 3000): Promise<boolean> {
  const t0 = Date.now()
  while (!f() && Date.now() - t0 < ms) await sleep(10)
  return f()
}
