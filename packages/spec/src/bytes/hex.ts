// Bytes as the lower-case hex our formats carry (observations, protocol requests, record JSON):
// the one hex codec of the project. Hex text is read by one table-driven reader, whole
// (fromHex) or as it streams in (HexReader, for `watchq decode --hex`). Nothing here needs Node:
// the layouts' codec runs in browsers too.

/** Each byte's two digits, so that toHex needs neither Node's Buffer nor a number format per byte (browsers too). */
const PAIRS: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

export function toHex(b: Uint8Array): string {
  let out = ''
  for (let i = 0; i < b.length; i++) out += PAIRS[b[i]!]
  return out
}

/** Hex text as our formats write it: lower case, no white space (for comparing two hex texts). */
export const canonicalHex = (hex: string): string => hex.replace(/\s+/g, '').toLowerCase()

/** Class of an ASCII code in hex text: a digit's value (0…15), white space, or neither. */
const SPACE = 16
const BAD = 17
const ASCII: Uint8Array = (() => {
  const t = new Uint8Array(128).fill(BAD)
  for (let d = 0; d < 16; d++) {
    t[d.toString(16).charCodeAt(0)] = d
    t[d.toString(16).toUpperCase().charCodeAt(0)] = d
  }
  // JavaScript's \s within ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
  for (const c of '\t\n\v\f\r ') t[c.charCodeAt(0)] = SPACE
  return t
})()
const LINE_FEED = 10

/** White space as JavaScript's `\s` has it (what canonicalHex removes), beyond ASCII. */
const WIDE_SPACE = /^\s$/

/** Where hex text stopped being hex: its line and column (both from 1), and the byte it would start. */
export class HexSyntaxError extends Error {
  override readonly name = 'HexSyntaxError'
  constructor(
    /** A character that is neither a hex digit nor white space, or a digit without its pair at the end. */
    readonly code: 'not-hex' | 'odd-digits',
    /** What is wrong, without the position ('"z" is not a hex digit'). */
    readonly reason: string,
    /** Line of the bad character (of the end of the text, for an odd digit count). */
    readonly line: number,
    /** Column (in characters) of the bad character (of the last character, for an odd digit count). */
    readonly column: number,
    /** Offset of the byte the bad character would have been part of, in the decoded bytes. */
    readonly offset: number,
  ) {
    super(`line ${line}, column ${column}: ${reason} (at byte offset ${offset})`)
  }
}

/**
 * Hex text in, bytes out, in chunks of any size and split anywhere (inside a digit pair, inside a
 * UTF-8 sequence): digits of either case, white space anywhere, as `fromHex` reads a whole text.
 * Memory is the chunk's, never the stream's. `push` returns the bytes completed so far; at the
 * first character that is neither a digit nor white space it returns the bytes before it and
 * keeps a HexSyntaxError in `error`, which every later `push` and `end` throw.
 */
export class HexReader {
  /** UTF-8 decoding of byte chunks, carrying a sequence split between chunks. */
  readonly #utf8 = new TextDecoder('utf-8')
  /** Value of a first digit waiting for its second, or -1. */
  #high = -1
  #line = 1
  /** Column of the last character read on the current line (0 before the first). */
  #column = 0
  /** Bytes completed so far. */
  #offset = 0
  #error: HexSyntaxError | undefined

  /** The first bad character met, if any. */
  get error(): HexSyntaxError | undefined {
    return this.#error
  }

  /** Bytes completed so far (the offset of the next byte). */
  get offset(): number {
    return this.#offset
  }

  /** Reads a chunk of text, or of its UTF-8 bytes; returns the bytes it completed. */
  push(chunk: string | Uint8Array): Uint8Array {
    if (this.#error) throw this.#error
    return this.#read(typeof chunk === 'string' ? chunk : this.#utf8.decode(chunk, { stream: true }))
  }

  /** Ends the text: throws the bad character met, or a HexSyntaxError for an odd digit count. */
  end(): void {
    if (this.#error) throw this.#error
    const rest = this.#read(this.#utf8.decode())
    if (this.#error) throw this.#error
    if (rest.length !== 0) throw new Error('internal: bytes completed by the end of the text')
    if (this.#high !== -1) {
      throw new HexSyntaxError(
        'odd-digits',
        `odd number of hex digits (${2 * this.#offset + 1}); the last byte lacks its second digit`,
        this.#line,
        this.#column,
        this.#offset,
      )
    }
  }

  #read(text: string): Uint8Array {
    const out = new Uint8Array((text.length + 1) >>> 1)
    let n = 0
    let high = this.#high
    let column = this.#column
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      column++
      const kind = code < 128 ? ASCII[code]! : WIDE_SPACE.test(text[i]!) ? SPACE : BAD
      if (kind < 16) {
        if (high === -1) high = kind
        else {
          out[n++] = (high << 4) | kind
          high = -1
        }
      } else if (code === LINE_FEED) {
        this.#line++
        column = 0
      } else if (kind === BAD) {
        // One character, as a code point (a surrogate pair is one character too).
        const ch = String.fromCodePoint(text.codePointAt(i)!)
        this.#error = new HexSyntaxError(
          'not-hex',
          `${JSON.stringify(ch)} is not a hex digit`,
          this.#line,
          column,
          this.#offset + n,
        )
        break
      }
    }
    this.#high = high
    this.#column = column
    this.#offset += n
    return out.subarray(0, n)
  }
}

/**
 * Hex digit pairs (either case, white space ignored) as bytes. Throws on anything else: callers
 * have checked the text against the formats' hex pattern, so a bad digit here is a bug.
 */
export function fromHex(hex: string): Uint8Array {
  const reader = new HexReader()
  try {
    const bytes = reader.push(hex)
    reader.end()
    return bytes
  } catch (e) {
    if (e instanceof HexSyntaxError) throw new Error(`not hex digit pairs: ${JSON.stringify(hex.slice(0, 40))}`)
    throw e
  }
}
