// The bulk path: walk records without allocating an object per record. `scan` hands each record's
// header fields to a visitor; `decodeColumns` fills typed arrays, one entry per record.
//
// Both validate lengths exactly as `decode` does: the common case is checked inline, and anything
// odd is handed to the shared validator (`recordLengthAt`), which throws the same DecodeError (its
// return value is used all the same, so that no disagreement could ever make the walk stall).
// When the input is 4-byte aligned and in the host's byte order, header and payload words are
// read from a Uint32Array over the same memory (a record at an unaligned offset, which only a
// record length that is not a multiple of 4 can produce, is read through the DataView instead).
// The layout's shifts, masks and length unit are copied into locals coerced with `| 0` before the
// loops: TurboFan then keeps them as untagged int32s in registers, where values loaded from the
// resolved options would be re-checked (Smi or HeapNumber?) on every record.
import { recordLengthAt } from './decode.js'
import { type DecodeOptions, HOST_ENDIAN, resolve } from './options.js'

/** Called once per record with its header fields; payload words are read through `view`. */
export type RecordVisitor = (offset: number, length: number, type: number, subtype: number, info: number) => void

const HOST_LITTLE = HOST_ENDIAN === 'little'

/**
 * `bytes` as host-order u32 words, when its start is 4-byte aligned and its byte order is the
 * host's (and it is under 4 GiB, so that `at >>> 2` is exact).
 */
function hostWords(bytes: Uint8Array, little: boolean): Uint32Array | null {
  if (little !== HOST_LITTLE || bytes.byteOffset % 4 !== 0 || bytes.byteLength > 0xffffffff) return null
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2)
}

/** Walks every record, validating lengths exactly as `decode` does; returns the record count. */
export function scan(bytes: Uint8Array, opts: DecodeOptions, visit: RecordVisitor): number {
  const r = resolve(opts)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const little = r.little
  // Layout constants as int32 locals (see the note at the top).
  const typeShift = r.typeShift | 0
  const typeMask = r.typeMask | 0
  const subtypeShift = r.subtypeShift | 0
  const subtypeMask = r.subtypeMask | 0
  const lengthMask = r.rev.lengthMask | 0
  const lengthShift = r.rev.lengthShift | 0
  const lengthUnit = r.rev.lengthUnit | 0
  const words = hostWords(bytes, little)
  const end = bytes.length
  let at = 0
  let count = 0
  while (at < end) {
    let w0: number
    let info: number
    if (words !== null && (at & 3) === 0 && end - at >= 8) {
      w0 = words[at >>> 2]!
      info = words[(at >>> 2) + 1]!
    } else {
      if (end - at < 8) recordLengthAt(r, view, at, end, 0) // throws short-header
      w0 = view.getUint32(at, little)
      info = view.getUint32(at + 4, little)
    }
    let length = ((info & lengthMask) >>> lengthShift) * lengthUnit
    if (length < 8 || length > end - at) length = recordLengthAt(r, view, at, end, 0) // throws
    visit(at, length, (w0 >>> typeShift) & typeMask, (w0 >>> subtypeShift) & subtypeMask, info)
    at += length
    count++
  }
  return count
}

/** Structure-of-arrays view of a record stream; entry i describes record i. */
export interface Columns {
  readonly count: number
  readonly offset: Uint32Array
  readonly length: Uint16Array
  readonly type: Uint32Array
  readonly subtype: Uint8Array
  readonly info: Uint32Array
  readonly watchId: Uint8Array
  /** u32 words 2 and 3 of each record (byte offsets 8 and 12), 0 where the record is shorter. For key records: keyId and aux. */
  readonly word2: Uint32Array
  readonly word3: Uint32Array
}

/** Decodes the header and the first two payload words of every record into typed arrays. */
export function decodeColumns(bytes: Uint8Array, opts: DecodeOptions = {}): Columns {
  const r = resolve(opts)
  const little = r.little
  const typeShift = r.typeShift | 0
  const typeMask = r.typeMask | 0
  const subtypeShift = r.subtypeShift | 0
  const subtypeMask = r.subtypeMask | 0
  const lengthMask = r.rev.lengthMask | 0
  const lengthShift = r.rev.lengthShift | 0
  const lengthUnit = r.rev.lengthUnit | 0
  const idMask = r.rev.idMask | 0 // 0xff000000 in the ring revisions: negative as int32, same bits
  const idShift = r.rev.idShift | 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const words = hostWords(bytes, little)
  const end = bytes.length
  // Pass 1: validate every record's length (throwing for the first bad one, as `decode` does) and
  // count the records, so that the columns are allocated at their exact size.
  let max = 0
  for (let at = 0; at < end; ) {
    let i: number
    if (words !== null && (at & 3) === 0 && end - at >= 8) i = words[(at >>> 2) + 1]!
    else {
      if (end - at < 8) recordLengthAt(r, view, at, end, 0) // throws short-header
      i = view.getUint32(at + 4, little)
    }
    let len = ((i & lengthMask) >>> lengthShift) * lengthUnit
    if (len < 8 || len > end - at) len = recordLengthAt(r, view, at, end, 0) // throws
    at += len
    max++
  }
  const offset = new Uint32Array(max)
  const length = new Uint16Array(max)
  const type = new Uint32Array(max)
  const subtype = new Uint8Array(max)
  const info = new Uint32Array(max)
  const watchId = new Uint8Array(max)
  const word2 = new Uint32Array(max)
  const word3 = new Uint32Array(max)
  // Pass 2: fill. Lengths are validated again, so that input changed in between (a shared buffer)
  // still cannot make the walk run past the end.
  let at = 0
  let n = 0
  while (at < end && n < max) {
    let w0: number
    let i: number
    let len: number
    if (words !== null && (at & 3) === 0 && end - at >= 8) {
      const k = at >>> 2
      w0 = words[k]!
      i = words[k + 1]!
      len = ((i & lengthMask) >>> lengthShift) * lengthUnit
      if (len < 8 || len > end - at) len = recordLengthAt(r, view, at, end, 0) // throws
      if (len >= 12) word2[n] = words[k + 2]!
      if (len >= 16) word3[n] = words[k + 3]!
    } else {
      if (end - at < 8) recordLengthAt(r, view, at, end, 0) // throws short-header
      w0 = view.getUint32(at, little)
      i = view.getUint32(at + 4, little)
      len = ((i & lengthMask) >>> lengthShift) * lengthUnit
      if (len < 8 || len > end - at) len = recordLengthAt(r, view, at, end, 0) // throws
      if (len >= 12) word2[n] = view.getUint32(at + 8, little)
      if (len >= 16) word3[n] = view.getUint32(at + 12, little)
    }
    offset[n] = at
    length[n] = len
    type[n] = (w0 >>> typeShift) & typeMask
    subtype[n] = (w0 >>> subtypeShift) & subtypeMask
    info[n] = i
    watchId[n] = (i & idMask) >>> idShift
    at += len
    n++
  }
  const cut = <T extends { readonly length: number; subarray(a: number, b: number): T }>(a: T) =>
    n === a.length ? a : a.subarray(0, n)
  return {
    count: n,
    offset: cut(offset),
    length: cut(length),
    type: cut(type),
    subtype: cut(subtype),
    info: cut(info),
    watchId: cut(watchId),
    word2: cut(word2),
    word3: cut(word3),
  }
}

/**
 * A cursor over the records of a buffer: the caller writes the loop, nothing is allocated per
 * record, and the header fields of the current record are plain properties of one object.
 *
 *     const c = new RecordCursor(bytes, { endian: 'little' })
 *     while (c.next()) if (c.type === 1) use(c.subtype, c.u32(8), c.u32(12)) // key: keyId, aux
 *
 * Lengths are validated exactly as `decode` validates them (same DecodeError codes and offsets).
 */
export class RecordCursor {
  // Plain (TypeScript-private) properties, not #private fields: every #field access carries a
  // brand check, which in this loop cost about 40% (measured: ~9.5 vs ~5.9 ns per record).
  /** Byte offset of the current record. */
  readonly offset: number = 0
  readonly length: number = 0
  readonly type: number = 0
  readonly subtype: number = 0
  readonly info: number = 0
  private readonly _r: ReturnType<typeof resolve>
  private readonly _view: DataView
  private readonly _words: Uint32Array | null
  private readonly _end: number
  private readonly _little: boolean
  private readonly _typeShift: number
  private readonly _typeMask: number
  private readonly _subtypeShift: number
  private readonly _subtypeMask: number
  private readonly _lengthMask: number
  private readonly _lengthShift: number
  private readonly _lengthUnit: number
  private _next = 0

  constructor(bytes: Uint8Array, opts: DecodeOptions = {}) {
    const r = resolve(opts)
    this._r = r
    this._view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this._words = hostWords(bytes, r.little)
    this._end = bytes.length
    this._little = r.little
    this._typeShift = r.typeShift | 0
    this._typeMask = r.typeMask | 0
    this._subtypeShift = r.subtypeShift | 0
    this._subtypeMask = r.subtypeMask | 0
    this._lengthMask = r.rev.lengthMask | 0
    this._lengthShift = r.rev.lengthShift | 0
    this._lengthUnit = r.rev.lengthUnit | 0
  }

  /** Moves to the next record; false at the end. Throws DecodeError for a malformed record. */
  next(): boolean {
    const at = this._next
    const end = this._end
    if (at >= end) return false
    const words = this._words
    let w0: number
    let info: number
    if (words !== null && (at & 3) === 0 && end - at >= 8) {
      w0 = words[at >>> 2]!
      info = words[(at >>> 2) + 1]!
    } else {
      if (end - at < 8) recordLengthAt(this._r, this._view, at, end, 0) // throws short-header
      w0 = this._view.getUint32(at, this._little)
      info = this._view.getUint32(at + 4, this._little)
    }
    let length = ((info & this._lengthMask) >>> this._lengthShift) * this._lengthUnit
    if (length < 8 || length > end - at) length = recordLengthAt(this._r, this._view, at, end, 0) // throws
    // The public fields are read-only to callers; the cursor itself moves them.
    const self = this as { -readonly [K in 'offset' | 'length' | 'type' | 'subtype' | 'info']: number }
    self.offset = at
    self.length = length
    self.type = (w0 >>> this._typeShift) & this._typeMask
    self.subtype = (w0 >>> this._subtypeShift) & this._subtypeMask
    self.info = info
    this._next = at + length
    return true
  }

  /** The u32 at byte `rel` of the current record (8 and 12: keyId and aux of a key record); 0 past its end. */
  u32(rel: number): number {
    if (rel + 4 > this.length) return 0
    const p = this.offset + rel
    const words = this._words
    return words !== null && (p & 3) === 0 ? words[p >>> 2]! : this._view.getUint32(p, this._little)
  }

  /** The u64 at byte `rel` of the current record (8: the object id of a 16-byte removal); 0n past its end. */
  u64(rel: number): bigint {
    return rel + 8 > this.length ? 0n : this._view.getBigUint64(this.offset + rel, this._little)
  }
}
