// The 2019 /dev/watch_queue mmap ring: decode a snapshot of the whole buffer, or build one.
// The buffer starts with a header record (META/SKIP, 2 slots in May 2019, 3 from ver #5) holding
// head, tail and mask; records follow in 8-byte slots, padded to the end of the ring with a SKIP
// record; indices run freely and are masked only to find a slot. When the walk wraps to slot 0
// it meets the header, itself a SKIP record, and steps over it.
import { decodeAt } from './decode.js'
import { type EncodeOptions, encode, type RecordInput } from './encode.js'
import { DecodeError, EncodeError } from './errors.js'
import {
  arrayArgument,
  booleanOption,
  bytesArgument,
  type DecodeOptions,
  insideRingHeader,
  optionsOf,
  resolve,
  ringMaskOption,
  ringRevision,
  ringSlotsOption,
  ringStartOption,
} from './options.js'
import type { WatchRecord } from './record.js'

export interface RingOptions extends DecodeOptions {
  /**
   * Index mask in slots: the ring's size in slots, less one (a power of two less one, above the
   * header's slots, within the buffer). Default: from the buffer size (slots - 1). In the May-2019
   * layout the header's own `mask` shares slot 2 with the first record, so a snapshot cannot trust it.
   */
  readonly mask?: number
}

export interface RingSnapshot {
  readonly head: number
  readonly tail: number
  /** The mask used to find slots. */
  readonly mask: number
  /** The mask word as found in the header. */
  readonly headerMask: number
  readonly slots: number
  /** ver #5+: WATCH_INFO_NOTIFICATIONS_LOST set in the header record. */
  readonly lost: boolean
  /** Records from tail to head, SKIP padding included; `offset` is the byte position in the buffer. */
  readonly records: WatchRecord[]
  /** Indices (into `records`) of records flagged WATCH_INFO_OVERRUN (May 2019: a loss before them). */
  readonly overrun: number[]
}

export function decodeRing(bytes: Uint8Array, opts: RingOptions = {}): RingSnapshot {
  const r = resolve(opts)
  const ring = ringRevision(r.rev)
  bytesArgument(bytes, 'bytes')
  const slots = bytes.length / 8
  if (!Number.isInteger(slots) || slots & (slots - 1) || slots <= ring.metaSlots) {
    throw new DecodeError('bad-ring', 0, `a ring of ${bytes.length} bytes is not a power-of-two number of 8-byte slots`)
  }
  const mask = ringMaskOption(optionsOf(opts).mask, ring.metaSlots, slots)
  /** The ring: the first mask + 1 slots of the buffer. */
  const end = (mask + 1) * 8
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const head = view.getUint32(ring.head, r.little)
  const tail = view.getUint32(ring.tail, r.little)
  const headerMask = view.getUint32(ring.mask, r.little)
  const used = (head - tail) >>> 0
  if (used > mask + 1)
    throw new DecodeError(
      'bad-ring',
      ring.head,
      `head ${head} is ${used} slots ahead of tail ${tail}; the ring holds ${mask + 1}`,
    )
  // Records start at slot 0 (the header record itself, when the walk wraps) or after the header,
  // never inside it.
  for (const [name, index, at] of [
    ['tail', tail, ring.tail],
    ['head', head, ring.head],
  ] as const) {
    if (insideRingHeader(index, mask, ring.metaSlots))
      throw new DecodeError(
        'bad-ring',
        at,
        `${name} ${index} points inside the ring header (slot ${index & mask} of its ${ring.metaSlots})`,
      )
  }
  const records: WatchRecord[] = []
  const overrun: number[] = []
  const overrunFlag = r.rev.flags['WATCH_INFO_OVERRUN'] ?? 0
  let idx = tail
  while (idx !== head) {
    const at = (idx & mask) * 8
    const rec = decodeAt(r, view, bytes, at, end, 0)
    const step = rec.length / 8
    if (step > (head - idx) >>> 0) throw new DecodeError('bad-ring', at, `record of ${step} slots runs past head`)
    if (rec.info & overrunFlag) overrun.push(records.length)
    records.push(rec)
    idx = (idx + step) >>> 0
    if (insideRingHeader(idx, mask, ring.metaSlots))
      throw new DecodeError('bad-ring', at, `record of ${step} slots ends inside the ring header`)
  }
  const lostFlag = r.rev.flags['WATCH_INFO_NOTIFICATIONS_LOST'] ?? 0
  const lost = (view.getUint32(4, r.little) & lostFlag) !== 0
  return { head, tail, mask, headerMask, slots, lost, records, overrun }
}

export interface RingBuildOptions extends EncodeOptions {
  /** Ring size in slots (a power of two). */
  readonly slots: number
  /** Index of the first record (default: right after the header). Larger values exercise wrap-around. */
  readonly start?: number
  /** Set WATCH_INFO_NOTIFICATIONS_LOST in the header (ver #5+). */
  readonly lost?: boolean
}

/** Builds a ring buffer holding `records` from tail to head, as the kernel would have laid them out. */
export function encodeRing(records: readonly RecordInput[], opts: RingBuildOptions): Uint8Array {
  const r = resolve(opts)
  const ring = ringRevision(r.rev)
  const o = optionsOf(opts)
  const slots = ringSlotsOption(o.slots, ring.metaSlots)
  const mask = slots - 1
  const tail = ringStartOption(o.start, ring.metaSlots, mask)
  const lost = booleanOption(o.lost, 'lost') ?? false
  arrayArgument(records, 'records')
  const out = new Uint8Array(slots * 8)
  const view = new DataView(out.buffer)
  const skip = (n: number) => encode([{ kind: 'skip', length: n * 8 }], opts)
  // The header first, as the kernel writes it at setup: in the May-2019 layout records written
  // later overwrite its `mask` (slot 2), exactly as they did in the kernel.
  out.set(skip(ring.metaSlots).subarray(0, 8), 0)
  if (lost)
    view.setUint32(
      4,
      (view.getUint32(4, r.little) | (r.rev.flags['WATCH_INFO_NOTIFICATIONS_LOST'] ?? 0)) >>> 0,
      r.little,
    )
  view.setUint32(ring.mask, mask, r.little)
  let idx = tail
  const put = (bytes: Uint8Array) => {
    out.set(bytes, (idx & mask) * 8)
    idx = (idx + bytes.length / 8) >>> 0
  }
  records.forEach((rec, i) => {
    const bytes = encode([rec], opts)
    if (bytes.length / 8 > slots - ring.metaSlots)
      throw new EncodeError(`a ${bytes.length}-byte record cannot fit the ring`, i)
    const room = slots - (idx & mask)
    if (bytes.length / 8 > room) put(skip(room))
    if ((idx & mask) === 0) idx = (idx + ring.metaSlots) >>> 0 // over the header
    put(bytes)
  })
  if ((idx - tail) >>> 0 > slots) throw new EncodeError(`the records need more than ${slots} slots`, records.length - 1)
  view.setUint32(ring.head, idx, r.little)
  view.setUint32(ring.tail, tail, r.little)
  return out
}
