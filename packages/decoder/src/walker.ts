// A walker over the records of a buffer: the caller's loop keeps the current offset, and the walker
// holds only what never changes (the bytes and their layout). Nothing is written per record, so V8
// keeps the walker's fields in registers for the whole loop, where a cursor object stores and
// reloads its state every record (see BENCHMARKS.md).
//
// `openWalker` returns a subclass generated for the revision's layout and byte order
// (src/generated/walkers.ts) with the layout's constants as literals and small methods, so that
// TurboFan can inline all of them into the caller's loop; this class reads the layout from fields
// and is the reference the generated ones are tested against.
import { hostWords } from './bulk.js'
import { recordLengthAt } from './decode.js'
import type { DecodeError } from './errors.js'
import { type DecodeOptions, type Resolved, resolve } from './options.js'

export class RecordWalker {
  // `declare`d and assigned once in the constructor (see cursor.ts for why not class fields).
  declare protected readonly _r: Resolved
  declare protected readonly _view: DataView
  /** The input as host-order u32 words, or null (unaligned input, or the other byte order). */
  declare protected readonly _words: Uint32Array | null
  declare protected readonly _end: number
  declare protected readonly _little: boolean

  constructor(bytes: Uint8Array, opts: DecodeOptions = {}) {
    const r = resolve(opts)
    const self = this as unknown as Record<string, unknown>
    self._r = r
    self._view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    self._words = hostWords(bytes, r.little)
    self._end = bytes.length
    self._little = r.little
  }

  /** Offset of the first record (validated), or -1 for empty input. Throws DecodeError. */
  first(): number {
    return this._check(0)
  }

  /** Offset of the record after the one at `at` (validated), or -1 after the last. Throws DecodeError. */
  next(at: number): number {
    return this._check(at + this.length(at))
  }

  type(at: number): number {
    return (this._word(at) >>> this._r.typeShift) & this._r.typeMask
  }

  subtype(at: number): number {
    return (this._word(at) >>> this._r.subtypeShift) & this._r.subtypeMask
  }

  /** The raw info word. */
  info(at: number): number {
    return this._word(at + 4)
  }

  /** Record length in bytes. */
  length(at: number): number {
    const rev = this._r.rev
    return ((this._word(at + 4) & rev.lengthMask) >>> rev.lengthShift) * rev.lengthUnit
  }

  watchId(at: number): number {
    return (this._word(at + 4) & this._r.rev.idMask) >>> this._r.rev.idShift
  }

  /** Type-specific info bits, shifted down (WATCH_INFO_FLAG_n is bit n). */
  typeInfo(at: number): number {
    return (this._word(at + 4) & this._r.rev.typeInfoMask) >>> this._r.rev.typeInfoShift
  }

  /** The u32 at byte `rel` of the record at `at` (8 and 12: keyId and aux of a key record); 0 outside the record. */
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }

  /**
   * The u32 at byte `rel` of the record at `at` without `u32`'s check against the record's length,
   * for loops that check `length(at)` themselves, as C consumers check `len >= sizeof(struct …)`
   * before reading. `rel` must be in 0…length(at) − 4; outside the record the result is not
   * defined (the bytes of the next record, or not a number past the end of the input).
   */
  word(at: number, rel: number): number {
    return this._word(at + rel)
  }

  /** The u64 at byte `rel` of the record at `at` (8: the object id of a 16-byte removal); 0n outside the record. */
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, this._little)
  }

  /** The u32 at byte offset `p` of the input, in the records' byte order. */
  protected _word(p: number): number {
    const words = this._words
    return words !== null && (p & 3) === 0 ? words[p >>> 2]! : this._view.getUint32(p, this._little)
  }

  /** `at` if a whole, valid record starts there; -1 at the end of the input. */
  protected _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }

  /**
   * The DecodeError `decode` throws for the record at `at`. Callers `throw` it themselves: a call
   * that could return, in the loop, would make V8 reload the walker's fields after it every record.
   */
  protected _error(at: number): DecodeError {
    try {
      recordLengthAt(this._r, this._view, at, this._end, 0)
    } catch (e) {
      return e as DecodeError
    }
    throw new Error(`internal: the record at ${at} was rejected, but recordLengthAt accepts it`)
  }
}
