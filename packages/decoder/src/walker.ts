// The bulk API: a walker over the records of a buffer. The caller's loop keeps the current offset,
// and the walker holds only what never changes (the bytes and their layout). Nothing is written per
// record, so V8 keeps the walker's fields in registers for the whole loop, where a cursor object
// would store and reload its state every record (see BENCHMARKS.md).
//
// Every walker is an instance of a class generated per layout and byte order
// (src/generated/walkers.ts, from scripts/tables.ts), with the layout's constants as literals and
// methods small enough for TurboFan to inline all of them into the caller's loop. This file holds
// what those classes share and nothing that walks: the public type, the state and the constructor,
// and the error path (src/header.ts, the same check and errors as decode()).
import type { DecodeError } from './errors.js'
import { recordLengthAt } from './header.js'
import { HOST_ENDIAN, type Resolved } from './options.js'

/**
 * Reads the records of a buffer by offset (see `openWalker`). Records are validated as `decode`
 * validates them, and a malformed one throws the same DecodeError, at the same offset.
 */
export interface Walker {
  /** Offset of the first record (validated), or -1 for empty input. Throws DecodeError. */
  first(): number
  /** Offset of the record after the one at `at` (validated), or -1 after the last. Throws DecodeError. */
  next(at: number): number
  type(at: number): number
  subtype(at: number): number
  /** The raw info word. */
  info(at: number): number
  /** Record length in bytes. */
  length(at: number): number
  watchId(at: number): number
  /** Type-specific info bits, shifted down (WATCH_INFO_FLAG_n is bit n). */
  typeInfo(at: number): number
  /** The u32 at byte `rel` of the record at `at` (8 and 12: keyId and aux of a key record); 0 outside the record. */
  u32(at: number, rel: number): number
  /**
   * The u32 at byte `rel` of the record at `at` without `u32`'s check against the record's length,
   * for loops that check `length(at)` themselves, as C consumers check `len >= sizeof(struct …)`
   * before reading. `rel` must be in 0…length(at) − 4; outside the record the result is not
   * defined (the bytes of the next record, or not a number past the end of the input).
   */
  word(at: number, rel: number): number
  /** The u64 at byte `rel` of the record at `at` (8: the object id of a 16-byte removal); 0n outside the record. */
  u64(at: number, rel: number): bigint
}

/** A generated walker class: `words` is `hostWords(bytes, r.little)`, non-null for the `…Words` classes. */
export type WalkerClass = new (bytes: Uint8Array, r: Resolved, words: Uint32Array | null) => Walker

const HOST_LITTLE = HOST_ENDIAN === 'little'

/**
 * `bytes` as host-order u32 words, when its start is 4-byte aligned and its byte order is the
 * host's (and it is under 4 GiB, so that `at >>> 2` is exact); null otherwise.
 */
export function hostWords(bytes: Uint8Array, little: boolean): Uint32Array | null {
  if (little !== HOST_LITTLE || bytes.byteOffset % 4 !== 0 || bytes.byteLength > 0xffffffff) return null
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2)
}

/** The state of the generated walker classes, and their error path. Walks nothing itself. */
export abstract class WalkerBase {
  // Every field is `declare`d and assigned in the constructor, in one order: class field
  // declarations (what es2022 emits for `x = 0` or a bare `x: T`) define each field as undefined
  // first, and cost a per-record loop over an object's fields about 10%. Plain (TypeScript-private)
  // properties rather than #private fields: every #field access carries a brand check.
  declare protected readonly _r: Resolved
  declare protected readonly _view: DataView
  /** The input as host-order u32 words (`…Words` classes), or null (`…View` classes). */
  declare protected readonly _words: Uint32Array | null
  declare protected readonly _end: number

  constructor(bytes: Uint8Array, r: Resolved, words: Uint32Array | null) {
    const self = this as unknown as Record<string, unknown>
    self._r = r
    self._view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    self._words = words
    self._end = bytes.length
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
