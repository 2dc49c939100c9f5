// The bulk path: walk records without allocating an object per record. `scan` hands each record's
// header fields to a visitor; `decodeColumns` fills typed arrays, one entry per record.
import { recordLengthAt } from './decode.js'
import { type DecodeOptions, resolve } from './options.js'

/** Called once per record with its header fields; payload words are read through `view`. */
export type RecordVisitor = (offset: number, length: number, type: number, subtype: number, info: number) => void

/** Walks every record, validating lengths exactly as `decode` does; returns the record count. */
export function scan(bytes: Uint8Array, opts: DecodeOptions, visit: RecordVisitor): number {
  const r = resolve(opts)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const { typeShift, typeMask, subtypeShift, subtypeMask, little } = r
  const end = bytes.length
  let at = 0
  let count = 0
  while (at < end) {
    const length = recordLengthAt(r, view, at, end, 0)
    const w0 = view.getUint32(at, little)
    visit(
      at,
      length,
      (w0 >>> typeShift) & typeMask,
      (w0 >>> subtypeShift) & subtypeMask,
      view.getUint32(at + 4, little),
    )
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
  const { typeShift, typeMask, subtypeShift, subtypeMask, little, rev } = r
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const max = bytes.length >>> 3
  const offset = new Uint32Array(max)
  const length = new Uint16Array(max)
  const type = new Uint32Array(max)
  const subtype = new Uint8Array(max)
  const info = new Uint32Array(max)
  const watchId = new Uint8Array(max)
  const word2 = new Uint32Array(max)
  const word3 = new Uint32Array(max)
  const { lengthMask, lengthShift, lengthUnit, idMask, idShift } = rev
  const end = bytes.length
  let at = 0
  let n = 0
  while (at < end) {
    // The common case inline; anything odd goes through the shared validator for its error.
    if (end - at < 8) recordLengthAt(r, view, at, end, 0)
    const w0 = view.getUint32(at, little)
    const i = view.getUint32(at + 4, little)
    const len = ((i & lengthMask) >>> lengthShift) * lengthUnit
    if (len < 8 || len > end - at) recordLengthAt(r, view, at, end, 0)
    offset[n] = at
    length[n] = len
    type[n] = (w0 >>> typeShift) & typeMask
    subtype[n] = (w0 >>> subtypeShift) & subtypeMask
    info[n] = i
    watchId[n] = (i & idMask) >>> idShift
    if (len >= 12) word2[n] = view.getUint32(at + 8, little)
    if (len >= 16) word3[n] = view.getUint32(at + 12, little)
    at += len
    n++
  }
  const cut = <T extends { subarray(a: number, b: number): T }>(a: T) => a.subarray(0, n)
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
