// Streaming decode: chunks of any size in, whole records out. A record split across chunks is
// kept until its last byte arrives; offsets count from the start of the stream.
import { decodeAt } from './decode.js'
import { DecodeError } from './errors.js'
import { copyBytes } from './fields.js'
import { recordLengthAt } from './header.js'
import { bytesArgument, type DecodeOptions, iterableArgument, type Resolved, resolve } from './options.js'
import type { WatchRecord } from './record.js'

export class StreamDecoder {
  readonly #r: Resolved
  /** Bytes of an incomplete record carried over from earlier chunks. */
  #pending: Uint8Array = new Uint8Array(0)
  /** Stream offset of the first pending byte. */
  #offset = 0

  constructor(opts: DecodeOptions = {}) {
    this.#r = resolve(opts)
  }

  /** Stream offset of the next byte not yet returned as part of a record. */
  get offset(): number {
    return this.#offset
  }

  /**
   * Feeds a chunk; returns the records it completed (possibly none). A bad record throws a
   * DecodeError, but only once the good records before it have been returned.
   */
  push(chunk: Uint8Array): WatchRecord[] {
    bytesArgument(chunk, 'chunk')
    const bytes = this.#pending.length ? concat(this.#pending, chunk) : chunk
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const base = this.#offset // stream offset of bytes[0]
    const out: WatchRecord[] = []
    let at = 0
    try {
      while (bytes.length - at >= 8) {
        // Validate the header now (bad lengths fail at once); a record that runs past the chunk waits.
        const length = recordLengthAt(this.#r, view, at, Number.MAX_SAFE_INTEGER, base)
        if (bytes.length - at < length) break
        out.push(decodeAt(this.#r, view, bytes, at, at + length, base))
        at += length
      }
    } catch (e) {
      // The records before a bad one are returned first; the bad one stays pending, so the next
      // push (or end) meets it again and throws then, at the same offset.
      if (out.length === 0) throw e
    }
    this.#offset = base + at
    this.#pending = copyBytes(bytes, at, bytes.length)
    return out
  }

  /** Ends the stream; throws if an incomplete record is left. */
  end(): void {
    if (this.#pending.length === 0) return
    const p = this.#pending
    // A complete header with a bad length is reported as such; anything else is a cut-off record.
    if (p.length >= 8)
      recordLengthAt(
        this.#r,
        new DataView(p.buffer, p.byteOffset, p.byteLength),
        0,
        Number.MAX_SAFE_INTEGER,
        this.#offset,
      )
    throw new DecodeError('truncated', this.#offset, `stream ended ${p.length} bytes into a record`)
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/**
 * Decodes an async iterable of chunks (a Node Readable, a web ReadableStream reader, …). Its
 * arguments are checked at the call, not at the first record.
 */
export function decodeStream(
  source: AsyncIterable<Uint8Array>,
  opts: DecodeOptions = {},
): AsyncGenerator<WatchRecord, void, undefined> {
  const d = new StreamDecoder(opts)
  return records(d, iterableArgument(source, 'source'))
}

async function* records(d: StreamDecoder, source: AsyncIterable<Uint8Array>) {
  for await (const chunk of source) yield* d.push(chunk)
  d.end()
}
