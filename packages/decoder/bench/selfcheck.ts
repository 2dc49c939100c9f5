// A differential check run before any timing: on random and malformed record streams, for every
// revision, both byte orders and aligned and unaligned inputs, openWalker must see exactly the
// records `decode` sees (header fields, info fields and payload words), and fail with the same
// DecodeError code at the same offset. (The walkers are generated code of their own; this keeps
// them honest.)
import { DecodeError, decode, openWalker, REVISION_IDS, revision } from '../src/index.js'
import { prng } from './data.js'

type Outcome<T> = { ok: T } | { error: string }

function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: f() }
  } catch (e) {
    return { error: e instanceof DecodeError ? `DecodeError ${e.code} @${e.offset}` : `other: ${String(e)}` }
  }
}

function makeStream(next: () => number, rev: ReturnType<typeof revision>, little: boolean, pad: number): Uint8Array {
  const unit = rev.lengthUnit
  const count = next() % 10
  const lengths: number[] = []
  for (let i = 0; i < count; i++) {
    const units = Math.floor(rev.maxLength / unit)
    const min = Math.ceil(8 / unit)
    lengths.push(next() % 3 === 0 ? 16 : unit * (min + (next() % (units - min + 1))))
  }
  let total = lengths.reduce((a, b) => a + b, 0)
  const buf = new Uint8Array(pad + total + 8)
  const bytes = buf.subarray(pad, pad + total)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 0
  for (const len of lengths) {
    for (let i = 0; i < len; i++) bytes[at + i] = next() & 0xff
    const w0 = next() % 2 ? next() : next() & (little ? 0x0700000f : 0x00000f07)
    const info = ((next() & ~rev.lengthMask) | (((len / unit) << rev.lengthShift) & rev.lengthMask)) >>> 0
    view.setUint32(at, w0 >>> 0, little)
    view.setUint32(at + 4, info, little)
    at += len
  }
  // Malformed variants: cut short, a length below the header, trailing bytes, or plain noise.
  switch (next() % 6) {
    case 0:
      total = next() % (total + 1)
      break
    case 1:
      if (lengths.length) {
        const k = next() % lengths.length
        const off = lengths.slice(0, k).reduce((a, b) => a + b, 0)
        const info = view.getUint32(off + 4, little)
        view.setUint32(
          off + 4,
          ((info & ~rev.lengthMask) | ((next() % Math.ceil(8 / unit)) << rev.lengthShift)) >>> 0,
          little,
        )
      }
      break
    case 2:
      total += 1 + (next() % 7)
      for (let i = bytes.length; i < total; i++) buf[pad + i] = next() & 0xff
      break
    case 3:
      for (let i = 0; i < total; i++) bytes[i] = next() & 0xff
      break
    default:
      break
  }
  return buf.subarray(pad, pad + total)
}

/** decode()'s view of every record: the walker's fields, payload words 0 outside the record. */
function viaDecode(bytes: Uint8Array, opts: { revision: string; endian: 'little' | 'big' }) {
  const little = opts.endian === 'little'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (at: number, len: number, rel: number) => (rel + 4 > len ? 0 : view.getUint32(at + rel, little))
  return decode(bytes, opts).map((r) => [
    r.offset,
    r.length,
    r.type,
    r.subtype,
    r.info,
    r.watchId,
    r.typeInfo,
    u32(r.offset, r.length, 8),
    u32(r.offset, r.length, 12),
    r.length < 16 ? '0' : String(view.getBigUint64(r.offset + 8, little)),
  ])
}

function viaWalker(bytes: Uint8Array, opts: { revision: string; endian: 'little' | 'big' }) {
  const w = openWalker(bytes, opts)
  const out: (number | string)[][] = []
  for (let at = w.first(); at !== -1; at = w.next(at)) {
    const len = w.length(at)
    out.push([
      at,
      len,
      w.type(at),
      w.subtype(at),
      w.info(at),
      w.watchId(at),
      w.typeInfo(at),
      len >= 12 ? w.word(at, 8) : w.u32(at, 8),
      w.u32(at, 12),
      String(w.u64(at, 8)),
    ])
  }
  return out
}

/** Throws describing the first disagreement; returns the number of streams checked. */
export function checkWalkerAgainstDecode(seed: number, perRevision = 48): number {
  const next = prng(seed)
  let checked = 0
  for (const id of REVISION_IDS) {
    const rev = revision(id)
    for (const endian of ['little', 'big'] as const) {
      for (let c = 0; c < perRevision; c++) {
        const bytes = makeStream(next, rev, endian === 'little', c % 4)
        const opts = { revision: id, endian }
        const want = attempt(() => viaDecode(bytes, opts))
        const walked = attempt(() => viaWalker(bytes, opts))
        const where = `revision ${id}, ${endian}-endian, byteOffset ${bytes.byteOffset}, ${bytes.length} bytes (case ${c})`
        if (JSON.stringify(walked) !== JSON.stringify(want))
          throw new Error(`openWalker disagrees with decode on ${where}: ${JSON.stringify({ walked, want })}`)
        checked++
      }
    }
  }
  return checked
}
