// The benchmark's input: mainline key records (16 bytes each, little-endian), fields drawn from a
// seeded PRNG. The bytes are written directly (the package's `encode` costs microseconds per record,
// too slow for millions); `verifyData` then checks a sample of them against `encode` and `decode`.
import { decode, encode, type KeyRecord } from '../src/index.js'
import { addRecord, KEY_RECORD_SIZE, KEY_TYPE } from './checksum.js'

export const KEY_EVENTS = [
  'instantiated',
  'updated',
  'linked',
  'unlinked',
  'cleared',
  'revoked',
  'invalidated',
  'setattr',
] as const

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
}

export interface KeyFields {
  readonly subtype: number
  readonly watchId: number
  readonly keyId: number
  readonly aux: number
}

export interface Dataset {
  readonly seed: number
  readonly bytes: Uint8Array
  readonly records: number
  /** Checksum (see checksum.ts) of all records, and of the first `prefixRecords`. */
  readonly checksum: number
  readonly prefixRecords: number
  readonly prefixChecksum: number
  /** Fields of every `sampleStride`-th record, for verifyData. */
  readonly sampleStride: number
  readonly samples: readonly KeyFields[]
}

/** `records` key records; `prefixRecords` is the length of the prefix the object variants decode. */
export function makeData(records: number, prefixRecords: number, seed: number): Dataset {
  const next = prng(seed)
  const bytes = new Uint8Array(records * KEY_RECORD_SIZE)
  const view = new DataView(bytes.buffer)
  const sampleStride = Math.max(1, Math.floor(records / 2048))
  const samples: KeyFields[] = []
  let sum = 0
  let prefixChecksum = 0
  for (let i = 0; i < records; i++) {
    const r = next()
    const subtype = r & 7 // every NOTIFY_KEY_* subtype of mainline
    const watchId = (r >>> 8) & 0xff
    const keyId = next()
    const aux = next()
    const at = i * KEY_RECORD_SIZE
    view.setUint32(at, (KEY_TYPE | (subtype << 24)) >>> 0, true)
    view.setUint32(at + 4, KEY_RECORD_SIZE | (watchId << 8), true)
    view.setUint32(at + 8, keyId, true)
    view.setUint32(at + 12, aux, true)
    sum = addRecord(sum, KEY_TYPE, subtype, keyId, aux)
    if (i + 1 === prefixRecords) prefixChecksum = sum
    if (i % sampleStride === 0) samples.push({ subtype, watchId, keyId, aux })
  }
  if (prefixRecords >= records) prefixChecksum = sum
  return {
    seed,
    bytes,
    records,
    checksum: sum >>> 0,
    prefixRecords: Math.min(prefixRecords, records),
    prefixChecksum: prefixChecksum >>> 0,
    sampleStride,
    samples,
  }
}

/** Checks sampled records byte for byte against `encode`, and the first ones field by field against `decode`. */
export function verifyData(d: Dataset): void {
  const fail = (what: string): never => {
    throw new Error(`benchmark data is wrong: ${what}`)
  }
  d.samples.forEach((f, k) => {
    const i = k * d.sampleStride
    const event = KEY_EVENTS[f.subtype]
    const want = encode([{ kind: 'key', event, watchId: f.watchId, keyId: f.keyId, aux: f.aux }], { endian: 'little' })
    const got = d.bytes.subarray(i * KEY_RECORD_SIZE, (i + 1) * KEY_RECORD_SIZE)
    if (want.length !== got.length || want.some((b, j) => b !== got[j])) fail(`record ${i} differs from encode()`)
  })
  const n = Math.min(d.records, 2048)
  const decoded = decode(d.bytes.subarray(0, n * KEY_RECORD_SIZE), { endian: 'little', strict: true })
  if (decoded.length !== n) fail(`decode() found ${decoded.length} records in the first ${n}`)
  const next = prng(d.seed)
  decoded.forEach((rec, i) => {
    const r = next()
    const keyId = next()
    const aux = next()
    const k = rec as KeyRecord
    const ok =
      k.kind === 'key' &&
      k.offset === i * KEY_RECORD_SIZE &&
      k.length === KEY_RECORD_SIZE &&
      k.type === KEY_TYPE &&
      k.subtype === (r & 7) &&
      k.event === KEY_EVENTS[r & 7] &&
      k.watchId === ((r >>> 8) & 0xff) &&
      k.keyId === keyId &&
      k.aux === aux
    if (!ok) fail(`decode() of record ${i} gives ${JSON.stringify(rec)}`)
  })
}
