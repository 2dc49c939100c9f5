// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.
import { type Walker, WalkerBase, type WalkerClass } from '../walker.js'

class WalkerUnits8Mask1f8Idff000000LEWords extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xffffff
  }
  subtype(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 24)
  }
  info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  length(at: number): number {
    return ((((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) >>> 3) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff000000) >>> 24
  }
  typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, true)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, true)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask1f8Idff000000LEView extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return this._view.getUint32(at, true) & 0xffffff
  }
  subtype(at: number): number {
    return (this._view.getUint32(at, true) >>> 24)
  }
  info(at: number): number {
    return this._view.getUint32(at + 4, true)
  }
  length(at: number): number {
    return ((this._view.getUint32(at + 4, true) >>> 3) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff000000) >>> 24
  }
  typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, true)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, true)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask1f8Idff000000BEWords extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 8)
  }
  subtype(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xff
  }
  info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  length(at: number): number {
    return ((((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) >>> 3) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff000000) >>> 24
  }
  typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, false)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, false)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask1f8Idff000000BEView extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return (this._view.getUint32(at, false) >>> 8)
  }
  subtype(at: number): number {
    return this._view.getUint32(at, false) & 0xff
  }
  info(at: number): number {
    return this._view.getUint32(at + 4, false)
  }
  length(at: number): number {
    return ((this._view.getUint32(at + 4, false) >>> 3) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff000000) >>> 24
  }
  typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, false)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, false)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00LEWords extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xffffff
  }
  subtype(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 24)
  }
  info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  length(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, true)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, true)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00LEView extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return this._view.getUint32(at, true) & 0xffffff
  }
  subtype(at: number): number {
    return (this._view.getUint32(at, true) >>> 24)
  }
  info(at: number): number {
    return this._view.getUint32(at + 4, true)
  }
  length(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, true)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, true)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00BEWords extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 8)
  }
  subtype(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xff
  }
  info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  length(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, false)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, false)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00BEView extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return (this._view.getUint32(at, false) >>> 8)
  }
  subtype(at: number): number {
    return this._view.getUint32(at, false) & 0xff
  }
  info(at: number): number {
    return this._view.getUint32(at + 4, false)
  }
  length(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0x3f) * 8
  }
  watchId(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, false)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, false)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00LEWords extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xffffff
  }
  subtype(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 24)
  }
  info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  length(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x7f
  }
  watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, true)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, true)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00LEView extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return this._view.getUint32(at, true) & 0xffffff
  }
  subtype(at: number): number {
    return (this._view.getUint32(at, true) >>> 24)
  }
  info(at: number): number {
    return this._view.getUint32(at + 4, true)
  }
  length(at: number): number {
    return this._view.getUint32(at + 4, true) & 0x7f
  }
  watchId(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, true)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, true)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00BEWords extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 8)
  }
  subtype(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xff
  }
  info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  length(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x7f
  }
  watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, false)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, false)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00BEView extends WalkerBase implements Walker {
  first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  next(at: number): number {
    return this._check(at + this.length(at))
  }
  type(at: number): number {
    return (this._view.getUint32(at, false) >>> 8)
  }
  subtype(at: number): number {
    return this._view.getUint32(at, false) & 0xff
  }
  info(at: number): number {
    return this._view.getUint32(at + 4, false)
  }
  length(at: number): number {
    return this._view.getUint32(at + 4, false) & 0x7f
  }
  watchId(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff00) >>> 8
  }
  typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xffff0000) >>> 16
  }
  u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, false)
  }
  u64(at: number, rel: number): bigint {
    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, false)
  }
  private _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

/** The walker classes of each revision, by byte order: `words` for host-order aligned input, `view` otherwise. */
export const WALKERS: Readonly<Record<string, { readonly little: WalkerPair; readonly big: WalkerPair }>> = {
  'pre-v1': { little: { words: WalkerUnits8Mask1f8Idff000000LEWords, view: WalkerUnits8Mask1f8Idff000000LEView }, big: { words: WalkerUnits8Mask1f8Idff000000BEWords, view: WalkerUnits8Mask1f8Idff000000BEView } },
  'mmap-v1': { little: { words: WalkerUnits8Mask1f8Idff000000LEWords, view: WalkerUnits8Mask1f8Idff000000LEView }, big: { words: WalkerUnits8Mask1f8Idff000000BEWords, view: WalkerUnits8Mask1f8Idff000000BEView } },
  'mmap-v2': { little: { words: WalkerUnits8Mask1f8Idff000000LEWords, view: WalkerUnits8Mask1f8Idff000000LEView }, big: { words: WalkerUnits8Mask1f8Idff000000BEWords, view: WalkerUnits8Mask1f8Idff000000BEView } },
  'mmap-v3': { little: { words: WalkerUnits8Mask1f8Idff000000LEWords, view: WalkerUnits8Mask1f8Idff000000LEView }, big: { words: WalkerUnits8Mask1f8Idff000000BEWords, view: WalkerUnits8Mask1f8Idff000000BEView } },
  'mmap-v4': { little: { words: WalkerUnits8Mask1f8Idff000000LEWords, view: WalkerUnits8Mask1f8Idff000000LEView }, big: { words: WalkerUnits8Mask1f8Idff000000BEWords, view: WalkerUnits8Mask1f8Idff000000BEView } },
  'mmap-v5': { little: { words: WalkerUnits8Mask3fIdff00LEWords, view: WalkerUnits8Mask3fIdff00LEView }, big: { words: WalkerUnits8Mask3fIdff00BEWords, view: WalkerUnits8Mask3fIdff00BEView } },
  'mmap-v6': { little: { words: WalkerUnits8Mask3fIdff00LEWords, view: WalkerUnits8Mask3fIdff00LEView }, big: { words: WalkerUnits8Mask3fIdff00BEWords, view: WalkerUnits8Mask3fIdff00BEView } },
  'mmap-v7': { little: { words: WalkerUnits8Mask3fIdff00LEWords, view: WalkerUnits8Mask3fIdff00LEView }, big: { words: WalkerUnits8Mask3fIdff00BEWords, view: WalkerUnits8Mask3fIdff00BEView } },
  'mmap-v8': { little: { words: WalkerUnits8Mask3fIdff00LEWords, view: WalkerUnits8Mask3fIdff00LEView }, big: { words: WalkerUnits8Mask3fIdff00BEWords, view: WalkerUnits8Mask3fIdff00BEView } },
  'pipe-v1': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'pipe-v2': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'pipe-v3': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'fsinfo-v16': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'fsinfo-v17': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'pipe-v4': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'pipe-v5': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'mainline': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'mount-2020-07': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
  'mount-2020-08': { little: { words: WalkerBytesMask7fIdff00LEWords, view: WalkerBytesMask7fIdff00LEView }, big: { words: WalkerBytesMask7fIdff00BEWords, view: WalkerBytesMask7fIdff00BEView } },
}

interface WalkerPair {
  readonly words: WalkerClass
  readonly view: WalkerClass
}
