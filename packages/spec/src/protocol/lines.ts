// Bytes in, answer lines out, with bounded memory: a splitter that never buffers more than one
// line's limit, and an inbox that hands lines to requests (keeping a few that nobody asked for).
import { TransportError } from './connection.js'
import { timerMs } from './timer-limit.js'

/** What the splitter found: a complete line, or the start of a line that went over the limit. */
export type LineEvent =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'oversize'; readonly head: string }

/** How much of an oversize line is kept to show in the error. */
const HEAD_BYTES = 200
const NEWLINE = 0x0a

/**
 * Splits a byte stream into lines. A line longer than `maxBytes` (newline excluded) is reported
 * once, as soon as it crosses the limit, and the rest of it is dropped up to its newline.
 * Whitespace-only lines are skipped: they carry nothing and would shift answers by one.
 */
export class LineSplitter {
  private parts: Uint8Array[] = []
  private size = 0
  private skipping = false
  private readonly decoder = new TextDecoder()

  constructor(readonly maxBytes: number) {}

  push(chunk: Uint8Array): LineEvent[] {
    const events: LineEvent[] = []
    let start = 0
    while (start < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, start)
      const stop = nl === -1 ? chunk.length : nl
      const piece = chunk.subarray(start, stop)
      if (!this.skipping) {
        if (this.size + piece.length > this.maxBytes) {
          events.push({ kind: 'oversize', head: this.head(piece) })
          this.reset()
          this.skipping = true
        } else if (piece.length > 0) {
          // Copied: the caller may reuse its buffer.
          this.parts.push(piece.slice())
          this.size += piece.length
        }
      }
      if (nl === -1) break
      if (!this.skipping) {
        const text = this.take()
        if (text.trim() !== '') events.push({ kind: 'line', text })
      }
      this.skipping = false
      start = nl + 1
    }
    return events
  }

  /** End of input: the unterminated rest, if any. It is not a line (the protocol needs the newline). */
  end(): string | undefined {
    const skipped = this.skipping
    this.skipping = false
    const rest = this.take()
    return skipped || rest === '' ? undefined : rest
  }

  private take(): string {
    const text = this.decoder.decode(Buffer.concat(this.parts, this.size))
    this.reset()
    return text
  }

  private reset(): void {
    this.parts = []
    this.size = 0
  }

  private head(piece: Uint8Array): string {
    const start: Uint8Array[] = []
    let n = 0
    for (const part of [...this.parts, piece]) {
      if (n >= HEAD_BYTES) break
      const some = part.subarray(0, HEAD_BYTES - n)
      start.push(some)
      n += some.length
    }
    return this.decoder.decode(Buffer.concat(start, n))
  }
}

/** Unanswered lines kept for the next request; more are dropped (a spewing implementation answers wrongly anyway). */
export const KEEP_UNASKED_LINES = 8

interface Waiter {
  resolve(line: string): void
  reject(error: Error): void
  timer: NodeJS.Timeout
}

/**
 * Hands the lines of one connection to its requests, one request at a time. Lines that arrive
 * with no request pending wait (in order, at most `keep`); once the stream has ended, the
 * remaining lines are still handed out before the end's error.
 */
export class LineInbox {
  private readonly splitter: LineSplitter
  private readonly items: LineEvent[] = []
  private waiter: Waiter | undefined
  private ending: TransportError | undefined
  /** Lines dropped because nobody asked for them and the queue was full. */
  dropped = 0

  constructor(
    readonly maxLineBytes: number,
    private readonly keep = KEEP_UNASKED_LINES,
  ) {
    this.splitter = new LineSplitter(maxLineBytes)
  }

  /** Feeds bytes read from the implementation. Ignored after `finish`. */
  push(chunk: Uint8Array): void {
    if (this.ending) return
    for (const event of this.splitter.push(chunk)) this.deliver(event)
  }

  /** The byte stream ended: the unterminated rest, if any (for the error message). */
  end(): string | undefined {
    return this.splitter.end()
  }

  /** No more lines will come: pending and later reads fail with `error` once the queue is empty. */
  finish(error: TransportError): void {
    if (this.ending) return
    this.ending = error
    const waiter = this.waiter
    if (waiter && this.items.length === 0) {
      this.waiter = undefined
      clearTimeout(waiter.timer)
      waiter.reject(error)
    }
  }

  get finished(): boolean {
    return this.ending !== undefined
  }

  /** The next line, or a TransportError: 'oversize', 'closed' (after `finish`), 'timeout'. */
  next(timeoutMs: number): Promise<string> {
    if (this.waiter) return Promise.reject(new Error('one request at a time: the previous one is still waiting'))
    const item = this.items.shift()
    if (item) return settle(item, this.maxLineBytes)
    if (this.ending) return Promise.reject(this.ending)
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined
        reject(new TransportError('timeout', `no answer within ${timerMs(timeoutMs)} ms`))
      }, timerMs(timeoutMs))
      this.waiter = { resolve, reject, timer }
    })
  }

  private deliver(event: LineEvent): void {
    const waiter = this.waiter
    if (waiter) {
      this.waiter = undefined
      clearTimeout(waiter.timer)
      settle(event, this.maxLineBytes).then(waiter.resolve, waiter.reject)
    } else if (this.items.length < this.keep) {
      this.items.push(event)
    } else {
      this.dropped++
    }
  }
}

function settle(event: LineEvent, maxLineBytes: number): Promise<string> {
  if (event.kind === 'line') return Promise.resolve(event.text)
  return Promise.reject(
    new TransportError('oversize', `the implementation wrote a line longer than ${maxLineBytes} bytes`, event.head),
  )
}
