// One client of `watchq serve`: request lines in, one answer line per request, in order, with its
// memory bounded. Requests are read only while few are queued and the client drains its replies:
// a client that pipelines and never reads stops being read (its socket is paused, so the kernel's
// buffers and then the client itself hold what it sends), and is answered only while little of
// what it was sent is still unsent. A client that neither sends nor reads for the idle timeout is
// closed, and so is one whose replies wait unread that long, whatever it keeps sending.
import type { Socket } from 'node:net'
import type { InProcessImplementation } from '@watchq/spec'
import { LineSplitter } from '@watchq/spec'
import type { Pool, PoolMember } from './pool.js'

export interface ConnectionLimits {
  /** The protocol's line limit: a longer request is answered with an error and dropped. */
  readonly maxLineBytes: number
  /** Reading stops while this many bytes of requests wait to be answered … */
  readonly maxQueuedBytes: number
  /** … or this many requests. */
  readonly maxQueuedRequests: number
  /** Reading and answering stop while this many bytes of replies are unsent (the client is not reading). */
  readonly maxUnsentBytes: number
  /** A connection silent both ways, or whose replies wait unread, for this long is closed; 0 never. */
  readonly idleTimeoutMs: number
}

/** After the last line to a client we close (idle, refused), how long it has to read it before the socket goes. */
export const GOODBYE_GRACE_MS = 1000

const NEWLINE = 0x0a

type Queued = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'oversize' }

/** A protocol error line (seq 0: it answers no request in particular). */
export const noticeLine = (message: string): string => `${JSON.stringify({ seq: 0, error: { message } })}\n`

/** Ends `socket` after `line`, destroying it if the client has not closed its side within the grace. */
export function sayGoodbye(socket: Socket, line: string): void {
  if (socket.destroyed) return
  if (socket.writableLength > 0 || socket.writableEnded) {
    // It is not reading what it was sent already: it would never read this either.
    socket.destroy()
    return
  }
  socket.end(line)
  setTimeout(() => socket.destroy(), GOODBYE_GRACE_MS).unref()
}

export class ClientConnection implements PoolMember {
  private readonly splitter: LineSplitter
  private readonly queue: Queued[] = []
  private queuedBytes = 0
  /** Bytes of the unfinished line the splitter holds (none while it skips an oversize line). */
  private partialBytes = 0
  /** Bytes of the line since the last newline, held or skipped. */
  private lineBytes = 0
  /** The request being answered. */
  private inHandBytes = 0
  private pumping = false
  private inputEnded = false
  /** Stopped, ended or closed: nothing more is read or answered. */
  private finished = false
  paused = false
  waitingOnPool = false
  /** When the client last sent bytes, and when a reply was last taken by the kernel (or started to wait). */
  private lastHeard = Date.now()
  private lastSent = Date.now()
  private idleTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly socket: Socket,
    private readonly impl: InProcessImplementation,
    private readonly limits: ConnectionLimits,
    private readonly pool: Pool,
  ) {
    this.splitter = new LineSplitter(limits.maxLineBytes)
    socket.on('data', (chunk: Buffer) => {
      this.lastHeard = Date.now()
      this.read(chunk)
    })
    socket.on('drain', () => {
      this.flow()
      this.pool.released()
    })
    socket.on('end', () => {
      this.inputEnded = true
      this.flow()
    })
    socket.on('error', () => socket.destroy())
    socket.on('close', () => this.closed())
    if (limits.idleTimeoutMs > 0) this.armIdle(limits.idleTimeoutMs)
  }

  get bufferedBytes(): number {
    const s = this.socket
    return this.partialBytes + this.queuedBytes + this.inHandBytes + s.writableLength + s.readableLength
  }

  private read(chunk: Buffer): void {
    if (this.finished) return
    const nl = chunk.lastIndexOf(NEWLINE)
    this.lineBytes = nl === -1 ? this.lineBytes + chunk.length : chunk.length - nl - 1
    this.partialBytes = this.lineBytes <= this.limits.maxLineBytes ? this.lineBytes : 0
    for (const event of this.splitter.push(chunk)) {
      if (event.kind === 'oversize') {
        this.queue.push({ kind: 'oversize' })
      } else {
        this.queue.push({ kind: 'line', text: event.text })
        this.queuedBytes += event.text.length
      }
    }
    this.flow()
  }

  /** Whether the next request may be answered now. */
  private mayAnswer(): boolean {
    const unsent = this.socket.writableLength
    if (unsent >= this.limits.maxUnsentBytes) return false
    // Past the total, only a client that has read every earlier reply gets another.
    return unsent === 0 || !this.pool.full()
  }

  /** Decides whether this connection reads and answers, from what it and the pool hold now. */
  flow(): void {
    if (this.finished) return
    const s = this.socket
    const full = this.pool.full()
    const queueFull =
      this.queue.length > 0 &&
      (this.queuedBytes >= this.limits.maxQueuedBytes || this.queue.length >= this.limits.maxQueuedRequests)
    const unsent = s.writableLength
    const repliesPending = unsent >= this.limits.maxUnsentBytes
    const overShare = full && this.bufferedBytes >= this.pool.shareBytes
    const read = !queueFull && !repliesPending && !overShare
    this.waitingOnPool = overShare || (full && unsent > 0 && this.queue.length > 0)
    if (!this.inputEnded) {
      if (read && this.paused) {
        this.paused = false
        s.resume()
      } else if (!read && !this.paused) {
        this.paused = true
        s.pause()
      }
    }
    if (this.waitingOnPool) this.pool.watch()
    if (this.pumping) return
    if (this.queue.length > 0 && this.mayAnswer()) void this.pump()
    else if (this.inputEnded && this.queue.length === 0) this.finish()
  }

  /** Answers queued requests in order while allowed, letting other connections in between. */
  private async pump(): Promise<void> {
    this.pumping = true
    try {
      while (!this.finished && this.queue.length > 0 && this.mayAnswer()) {
        const item = this.queue.shift()!
        if (item.kind === 'line') {
          this.queuedBytes -= item.text.length
          this.inHandBytes = item.text.length
        }
        try {
          await this.answer(item)
        } finally {
          this.inHandBytes = 0
        }
        this.flow()
        // One request at a time per turn of the event loop: a flood on one connection does not
        // starve the others.
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    } finally {
      this.pumping = false
    }
    this.flow()
    this.pool.released()
  }

  private async answer(item: Queued): Promise<void> {
    if (item.kind === 'oversize') {
      this.write(noticeLine(`a request line is longer than ${this.limits.maxLineBytes} bytes`))
      return
    }
    let request: unknown
    try {
      request = JSON.parse(item.text)
    } catch {
      this.write(noticeLine('the request is not JSON'))
      return
    }
    if ((request as { cmd?: unknown } | null)?.cmd === 'stop') {
      this.finish()
      return
    }
    let reply: unknown
    try {
      reply = await this.impl.handle(request)
    } catch (e) {
      // The implementation must answer errors itself; this is the last guard for the daemon.
      const seq = (request as { seq?: unknown } | null)?.seq
      reply = { seq: typeof seq === 'number' ? seq : 0, error: { message: `internal error: ${(e as Error).message}` } }
    }
    this.write(`${JSON.stringify(reply)}\n`)
  }

  private write(line: string): void {
    const s = this.socket
    if (s.destroyed || s.writableEnded) return
    // Replies wait from now if nothing did; each one the kernel takes is progress.
    if (s.writableLength === 0) this.lastSent = Date.now()
    s.write(line, () => {
      this.lastSent = Date.now()
    })
  }

  /** No more requests (stop, or the client ended its side and every request is answered). */
  private finish(): void {
    if (this.finished) return
    this.drop()
    this.paused = false
    this.socket.end()
    // Whatever else the client sends is read and dropped, so its end reaches us and the socket closes.
    this.socket.resume()
  }

  private drop(): void {
    this.finished = true
    this.waitingOnPool = false
    this.queue.length = 0
    this.queuedBytes = 0
    this.partialBytes = 0
  }

  private armIdle(ms: number): void {
    this.idleTimer = setTimeout(() => this.checkIdle(), ms)
    this.idleTimer.unref()
  }

  /**
   * Idle: nothing heard nor sent for the timeout; or replies waiting and none taken for the
   * timeout (bytes it keeps sending do not count then: a client must read to be served). A
   * request still being answered (an implementation that answers slowly) is not idleness.
   */
  private checkIdle(): void {
    const timeout = this.limits.idleTimeoutMs
    const since = this.socket.writableLength > 0 ? this.lastSent : Math.max(this.lastHeard, this.lastSent)
    const left = since + timeout - Date.now()
    if (this.pumping && this.inHandBytes > 0) this.armIdle(timeout)
    else if (left > 0) this.armIdle(left)
    else this.idle()
  }

  private idle(): void {
    this.pool.idleClosed++
    const wasFinished = this.finished
    this.drop()
    if (wasFinished) this.socket.destroy()
    else
      sayGoodbye(
        this.socket,
        noticeLine(`idle for ${this.limits.idleTimeoutMs / 1000} s: the server closes the connection`),
      )
    this.pool.released()
  }

  private closed(): void {
    clearTimeout(this.idleTimer)
    this.drop()
    this.pool.members.delete(this)
    this.pool.released()
  }
}
