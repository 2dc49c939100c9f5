// Reading and writing the payload fields of a struct table, at a record's offset.
import type { FieldTable, StructTable } from './tables.js'

/** A copy of bytes[a, b): Node's Buffer#slice returns a view, Uint8Array#slice always copies. */
export const copyBytes = (bytes: Uint8Array, a: number, b: number): Uint8Array =>
  Uint8Array.prototype.slice.call(bytes, a, b)

/** Bytes a struct's payload occupies beyond its fixed part (flexible byte arrays). */
export function flexibleLength(s: StructTable, counts: Record<string, unknown>): number {
  let n = 0
  for (const f of s.fields) if (f.type === 'bytes') n += Number(counts[f.lengthField!] ?? 0)
  return n
}

export function writeField(
  view: DataView,
  bytes: Uint8Array,
  at: number,
  f: FieldTable,
  little: boolean,
  v: unknown,
): void {
  const p = at + f.offset
  switch (f.type) {
    case 'u8':
      view.setUint8(p, Number(v))
      return
    case 'u16':
      view.setUint16(p, Number(v), little)
      return
    case 'u32':
      view.setUint32(p, Number(v), little)
      return
    case 'u64':
      view.setBigUint64(p, BigInt(v as bigint), little)
      return
    case 'bytes':
      bytes.set(v as Uint8Array, p)
      return
    default:
      throw new Error(`field ${f.c}: ${f.type} is not a record payload type`)
  }
}
