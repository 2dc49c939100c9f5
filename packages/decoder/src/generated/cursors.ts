// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.
import { RecordCursor } from '../cursor.js'

class CursorUnits8Mask1f8LE extends RecordCursor {
  override next(): boolean {
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
      if (end - at < 8) this._fail(at)
      w0 = this._view.getUint32(at, true)
      info = this._view.getUint32(at + 4, true)
    }
    let length = ((info >>> 3) & 0x3f) * 8
    if (length < 8 || length > end - at) length = this._fail(at)
    this._set(at, length, w0 & 0xffffff, (w0 >>> 24), info)
    return true
  }
}

class CursorUnits8Mask1f8BE extends RecordCursor {
  override next(): boolean {
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
      if (end - at < 8) this._fail(at)
      w0 = this._view.getUint32(at, false)
      info = this._view.getUint32(at + 4, false)
    }
    let length = ((info >>> 3) & 0x3f) * 8
    if (length < 8 || length > end - at) length = this._fail(at)
    this._set(at, length, (w0 >>> 8), w0 & 0xff, info)
    return true
  }
}

class CursorUnits8Mask3fLE extends RecordCursor {
  override next(): boolean {
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
      if (end - at < 8) this._fail(at)
      w0 = this._view.getUint32(at, true)
      info = this._view.getUint32(at + 4, true)
    }
    let length = (info & 0x3f) * 8
    if (length < 8 || length > end - at) length = this._fail(at)
    this._set(at, length, w0 & 0xffffff, (w0 >>> 24), info)
    return true
  }
}

class CursorUnits8Mask3fBE extends RecordCursor {
  override next(): boolean {
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
      if (end - at < 8) this._fail(at)
      w0 = this._view.getUint32(at, false)
      info = this._view.getUint32(at + 4, false)
    }
    let length = (info & 0x3f) * 8
    if (length < 8 || length > end - at) length = this._fail(at)
    this._set(at, length, (w0 >>> 8), w0 & 0xff, info)
    return true
  }
}

class CursorBytesMask7fLE extends RecordCursor {
  override next(): boolean {
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
      if (end - at < 8) this._fail(at)
      w0 = this._view.getUint32(at, true)
      info = this._view.getUint32(at + 4, true)
    }
    let length = info & 0x7f
    if (length < 8 || length > end - at) length = this._fail(at)
    this._set(at, length, w0 & 0xffffff, (w0 >>> 24), info)
    return true
  }
}

class CursorBytesMask7fBE extends RecordCursor {
  override next(): boolean {
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
      if (end - at < 8) this._fail(at)
      w0 = this._view.getUint32(at, false)
      info = this._view.getUint32(at + 4, false)
    }
    let length = info & 0x7f
    if (length < 8 || length > end - at) length = this._fail(at)
    this._set(at, length, (w0 >>> 8), w0 & 0xff, info)
    return true
  }
}

/** The cursor class of each revision, by byte order. */
export const CURSORS: Readonly<Record<string, { readonly little: typeof RecordCursor; readonly big: typeof RecordCursor }>> = {
  'pre-v1': { little: CursorUnits8Mask1f8LE, big: CursorUnits8Mask1f8BE },
  'mmap-v1': { little: CursorUnits8Mask1f8LE, big: CursorUnits8Mask1f8BE },
  'mmap-v2': { little: CursorUnits8Mask1f8LE, big: CursorUnits8Mask1f8BE },
  'mmap-v3': { little: CursorUnits8Mask1f8LE, big: CursorUnits8Mask1f8BE },
  'mmap-v4': { little: CursorUnits8Mask1f8LE, big: CursorUnits8Mask1f8BE },
  'mmap-v5': { little: CursorUnits8Mask3fLE, big: CursorUnits8Mask3fBE },
  'mmap-v6': { little: CursorUnits8Mask3fLE, big: CursorUnits8Mask3fBE },
  'mmap-v7': { little: CursorUnits8Mask3fLE, big: CursorUnits8Mask3fBE },
  'mmap-v8': { little: CursorUnits8Mask3fLE, big: CursorUnits8Mask3fBE },
  'pipe-v1': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'pipe-v2': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'pipe-v3': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'fsinfo-v16': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'fsinfo-v17': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'pipe-v4': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'pipe-v5': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'mainline': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'mount-2020-07': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
  'mount-2020-08': { little: CursorBytesMask7fLE, big: CursorBytesMask7fBE },
}
