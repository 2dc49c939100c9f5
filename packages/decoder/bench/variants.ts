// The JavaScript variants the benchmark times. Each decodes `bytes` (little-endian mainline records)
// and returns the checksum of checksum.ts computed from its own output, so none can skip work.
// Hot loops use literal constants (1 for the key type, 16 for its size), as the C code does: V8 11
// re-loads and re-checks a module-level `const` on every use in optimised code.
import { decode, type KeyRecord, openWalker } from '../src/index.js'
import { type Checked, ownAddRecord } from './checksum.js'
import { KEY_EVENTS } from './data.js'

export type Variant = (bytes: Uint8Array) => Checked

const OPTS = { endian: 'little' } as const
const EVENTS: readonly (string | undefined)[] = KEY_EVENTS

// One checksum function per variant (see ownAddRecord).
const addPlain = ownAddRecord()
const addObject = ownAddRecord()
const addWalker = ownAddRecord()
const addWalkerU32 = ownAddRecord()
const addJsLoop = ownAddRecord()

/** What the baselines build per record: the header fields, kind, event and the key payload. */
interface PlainRecord {
  offset: number
  length: number
  type: number
  subtype: number
  info: number
  watchId: number
  kind: string
  event: string | null
  keyId: number
  aux: number
}

function checksumOfPlain(out: readonly PlainRecord[]): Checked {
  let sum = 0
  for (const r of out) sum = addPlain(sum, r.type, r.subtype, r.keyId, r.aux)
  return { records: out.length, checksum: sum >>> 0 }
}

const kindOf = (type: number) => (type === 1 ? 'key' : type === 0 ? 'meta' : 'unknown')

/**
 * Baseline "naive": a direct port of the C consumers' loop. Per record it copies the bytes out
 * (the C code memcpy's each record into a local buffer; here: a slice of up to 128 bytes), puts a
 * DataView on the copy, reads the fields and pushes one plain object.
 */
export function naive(bytes: Uint8Array): Checked {
  const out: PlainRecord[] = []
  let off = 0
  while (off < bytes.length) {
    const remaining = bytes.length - off
    const rec = bytes.slice(off, off + Math.min(128, remaining))
    const v = new DataView(rec.buffer, rec.byteOffset, rec.byteLength)
    if (remaining < 8) throw new Error(`short header at ${off}`)
    const w0 = v.getUint32(0, true)
    const info = v.getUint32(4, true)
    const length = info & 0x7f
    if (length < 8 || length > remaining) throw new Error(`bad length ${length} at ${off}`)
    const type = w0 & 0xffffff
    const subtype = w0 >>> 24
    let keyId = 0
    let aux = 0
    switch (type) {
      case 1: // WATCH_TYPE_KEY_NOTIFY
        if (length >= 16) {
          keyId = v.getUint32(8, true)
          aux = v.getUint32(12, true)
        }
        break
      default:
        break
    }
    out.push({
      offset: off,
      length,
      type,
      subtype,
      info,
      watchId: (info >>> 8) & 0xff,
      kind: kindOf(type),
      event: type === 1 ? (EVENTS[subtype] ?? null) : null,
      keyId,
      aux,
    })
    off += length
  }
  return checksumOfPlain(out)
}

/** Baseline "hand-written": one DataView over the whole input, no copies, the same object per record. */
export function handWritten(bytes: Uint8Array): Checked {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: PlainRecord[] = []
  const end = bytes.length
  let off = 0
  while (off < end) {
    const remaining = end - off
    if (remaining < 8) throw new Error(`short header at ${off}`)
    const w0 = v.getUint32(off, true)
    const info = v.getUint32(off + 4, true)
    const length = info & 0x7f
    if (length < 8 || length > remaining) throw new Error(`bad length ${length} at ${off}`)
    const type = w0 & 0xffffff
    const subtype = w0 >>> 24
    const key = type === 1 && length >= 16
    out.push({
      offset: off,
      length,
      type,
      subtype,
      info,
      watchId: (info >>> 8) & 0xff,
      kind: kindOf(type),
      event: type === 1 ? (EVENTS[subtype] ?? null) : null,
      keyId: key ? v.getUint32(off + 8, true) : 0,
      aux: key ? v.getUint32(off + 12, true) : 0,
    })
    off += length
  }
  return checksumOfPlain(out)
}

/** The object API. */
export function objectApi(bytes: Uint8Array): Checked {
  const out = decode(bytes, OPTS)
  let sum = 0
  for (const r of out) {
    if (r.kind === 'key') sum = addObject(sum, r.type, r.subtype, (r as KeyRecord).keyId, (r as KeyRecord).aux)
    else sum = addObject(sum, r.type, r.subtype, 0, 0)
  }
  return { records: out.length, checksum: sum >>> 0 }
}

/** `run` applied to consecutive `size`-byte pieces of `bytes` (a multiple of the record size), results dropped. */
export function inBatches(run: Variant, size: number): Variant {
  return (bytes) => {
    let records = 0
    let sum = 0
    for (let at = 0; at < bytes.length; at += size) {
      const r = run(bytes.subarray(at, Math.min(at + size, bytes.length)))
      records += r.records
      sum = (sum + r.checksum) | 0
    }
    return { records, checksum: sum >>> 0 }
  }
}

/**
 * The bulk API (openWalker: the class generated for the layout): the offset in the caller's loop;
 * the loop checks the length, as the C loop does, and reads the key payload with `word`.
 */
export function walkerApi(bytes: Uint8Array): Checked {
  const w = openWalker(bytes, OPTS)
  let records = 0
  let sum = 0
  for (let at = w.first(); at !== -1; at = w.next(at)) {
    const type = w.type(at)
    sum =
      type === 1 && w.length(at) >= 16
        ? addWalker(sum, type, w.subtype(at), w.word(at, 8), w.word(at, 12))
        : addWalker(sum, type, w.subtype(at), 0, 0)
    records++
  }
  return { records, checksum: sum >>> 0 }
}

/**
 * The bulk API as the README's typed example uses it: the key payload read with `u32`, which checks
 * `rel` against the record's length itself (0 outside), so the loop tests only the type. (A key
 * record of 12 to 15 bytes would add its keyId where the checksum counts none; the data has only
 * 16-byte ones.)
 */
export function walkerU32Api(bytes: Uint8Array): Checked {
  const w = openWalker(bytes, OPTS)
  let records = 0
  let sum = 0
  for (let at = w.first(); at !== -1; at = w.next(at)) {
    const type = w.type(at)
    sum =
      type === 1
        ? addWalkerU32(sum, type, w.subtype(at), w.u32(at, 8), w.u32(at, 12))
        : addWalkerU32(sum, type, w.subtype(at), 0, 0)
    records++
  }
  return { records, checksum: sum >>> 0 }
}

/**
 * Reference, not an API: the C walk ported to JS by hand (one loop over a Uint32Array, same checks,
 * same checksum). What V8 makes of the C loop itself; needs 4-byte aligned input.
 */
export function jsLoop(bytes: Uint8Array): Checked {
  if ((bytes.byteOffset & 3) !== 0) throw new Error('jsLoop needs 4-byte aligned input')
  const w = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2)
  const end = bytes.length
  let at = 0
  let records = 0
  let sum = 0
  while (at < end) {
    if (end - at < 8 || (at & 3) !== 0) throw new Error(`short or unaligned header at ${at}`)
    const k = at >>> 2
    const w0 = w[k]!
    const length = w[k + 1]! & 0x7f
    if (length < 8 || length > end - at) throw new Error(`bad length ${length} at ${at}`)
    const type = w0 & 0xffffff
    sum =
      type === 1 && length >= 16
        ? addJsLoop(sum, type, w0 >>> 24, w[k + 2]!, w[k + 3]!)
        : addJsLoop(sum, type, w0 >>> 24, 0, 0)
    at += length
    records++
  }
  return { records, checksum: sum >>> 0 }
}
