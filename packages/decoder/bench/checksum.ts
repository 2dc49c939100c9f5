// The checksum every variant computes from its own output, and bench/c/walk.c from the raw bytes:
// the sum, modulo 2^32, over records of
//   type + subtype·K_SUBTYPE + keyId·K_KEY_ID + aux·K_AUX
// where keyId and aux count only for key records (type 1) of at least 16 bytes (0 otherwise).
// A plain sum keeps the per-record dependency chain to one add (so the checksum does not become the
// bottleneck of the C loop); the odd multipliers make swapped or misread fields show.

export const KEY_TYPE = 1
export const KEY_RECORD_SIZE = 16
export const K_SUBTYPE = 0x01000193
export const K_KEY_ID = 0x9e3779b1 | 0
export const K_AUX = 0x85ebca77 | 0

/**
 * One record's term added to `sum`, as an int32 (apply `>>> 0` to the final sum). The multipliers
 * are literals, not the constants above: V8 11 reloads and re-checks a module-level `const` from
 * its context on every use in optimised code, which would tax the JS variants and not the C one.
 */
export const addRecord = (sum: number, type: number, subtype: number, keyId: number, aux: number): number =>
  (sum + type + Math.imul(subtype, 0x01000193) + Math.imul(keyId, 0x9e3779b1) + Math.imul(aux, 0x85ebca77)) | 0

/**
 * A private copy of `addRecord` (same source, a new function). Each variant sums with its own copy:
 * V8 keeps type feedback per function, and inlines a callee with the feedback gathered from all its
 * callers, so one shared copy fed doubles by the object variants (u32 fields above 2^31) made the
 * bulk variants recompile with heap-number checks (measured: the JS port of the C loop went from 3.5
 * to 4.6–5 ns/record once the object variants had run).
 */
export function ownAddRecord(): typeof addRecord {
  return new Function(`return ${addRecord.toString()}`)() as typeof addRecord
}

/** A checksum and the number of records it covers: what every variant returns. */
export interface Checked {
  readonly records: number
  /** Unsigned 32-bit checksum. */
  readonly checksum: number
}

export const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`
