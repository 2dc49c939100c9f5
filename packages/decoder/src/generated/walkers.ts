// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.
import { RecordWalker } from '../walker.js'

class WalkerUnits8Mask1f8Idff000000LEWords extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xffffff
  }
  override subtype(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 24)
  }
  override info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  override length(at: number): number {
    return ((((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) >>> 3) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff000000) >>> 24
  }
  override typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, true)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask1f8Idff000000LEView extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return this._view.getUint32(at, true) & 0xffffff
  }
  override subtype(at: number): number {
    return (this._view.getUint32(at, true) >>> 24)
  }
  override info(at: number): number {
    return this._view.getUint32(at + 4, true)
  }
  override length(at: number): number {
    return ((this._view.getUint32(at + 4, true) >>> 3) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff000000) >>> 24
  }
  override typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, true)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask1f8Idff000000BEWords extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 8)
  }
  override subtype(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xff
  }
  override info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  override length(at: number): number {
    return ((((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) >>> 3) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff000000) >>> 24
  }
  override typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, false)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask1f8Idff000000BEView extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return (this._view.getUint32(at, false) >>> 8)
  }
  override subtype(at: number): number {
    return this._view.getUint32(at, false) & 0xff
  }
  override info(at: number): number {
    return this._view.getUint32(at + 4, false)
  }
  override length(at: number): number {
    return ((this._view.getUint32(at + 4, false) >>> 3) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff000000) >>> 24
  }
  override typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, false)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00LEWords extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xffffff
  }
  override subtype(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 24)
  }
  override info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  override length(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, true)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00LEView extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return this._view.getUint32(at, true) & 0xffffff
  }
  override subtype(at: number): number {
    return (this._view.getUint32(at, true) >>> 24)
  }
  override info(at: number): number {
    return this._view.getUint32(at + 4, true)
  }
  override length(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, true)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00BEWords extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 8)
  }
  override subtype(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xff
  }
  override info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  override length(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, false)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerUnits8Mask3fIdff00BEView extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return (this._view.getUint32(at, false) >>> 8)
  }
  override subtype(at: number): number {
    return this._view.getUint32(at, false) & 0xff
  }
  override info(at: number): number {
    return this._view.getUint32(at + 4, false)
  }
  override length(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0x3f) * 8
  }
  override watchId(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, false)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00LEWords extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xffffff
  }
  override subtype(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 24)
  }
  override info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  override length(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x7f
  }
  override watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, true)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00LEView extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return this._view.getUint32(at, true) & 0xffffff
  }
  override subtype(at: number): number {
    return (this._view.getUint32(at, true) >>> 24)
  }
  override info(at: number): number {
    return this._view.getUint32(at + 4, true)
  }
  override length(at: number): number {
    return this._view.getUint32(at + 4, true) & 0x7f
  }
  override watchId(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, true) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, true)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00BEWords extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return (((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) >>> 8)
  }
  override subtype(at: number): number {
    return ((at & 3) === 0 ? this._words![at >>> 2]! : this._slow(at)) & 0xff
  }
  override info(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4))
  }
  override length(at: number): number {
    return ((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0x7f
  }
  override watchId(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (((at & 3) === 0 ? this._words![(at >>> 2) + 1]! : this._slow(at + 4)) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)
  }
  private _slow(p: number): number {
    return this._view.getUint32(p, false)
  }
  protected override _check(at: number): number {
    const end = this._end
    if (at >= end) return -1
    if (end - at < 8) throw this._error(at)
    const length = this.length(at)
    if (length < 8 || length > end - at) throw this._error(at)
    return at
  }
}

class WalkerBytesMask7fIdff00BEView extends RecordWalker {
  override first(): number {
    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined
  }
  override next(at: number): number {
    return this._check(at + this.length(at))
  }
  override type(at: number): number {
    return (this._view.getUint32(at, false) >>> 8)
  }
  override subtype(at: number): number {
    return this._view.getUint32(at, false) & 0xff
  }
  override info(at: number): number {
    return this._view.getUint32(at + 4, false)
  }
  override length(at: number): number {
    return this._view.getUint32(at + 4, false) & 0x7f
  }
  override watchId(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xff00) >>> 8
  }
  override typeInfo(at: number): number {
    return (this._view.getUint32(at + 4, false) & 0xffff0000) >>> 16
  }
  override u32(at: number, rel: number): number {
    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)
  }
  override word(at: number, rel: number): number {
    return this._view.getUint32(at + rel, false)
  }
  protected override _check(at: number): number {
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
  readonly words: typeof RecordWalker
  readonly view: typeof RecordWalker
}
