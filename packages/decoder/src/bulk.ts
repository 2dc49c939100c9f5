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
export function hostWords(bytes: Uint8Array, little: boolean): Uint32Array | null {
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
