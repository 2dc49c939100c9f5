// bytes → records. One loop for every revision: the header is read per the revision's bitfield
// and info layout, the rule for (type, subtype) picks the struct, the struct table its fields.
// Each header is checked by recordLengthAt (src/header.ts), the rule the walkers check too.
import { DecodeError } from './errors.js'
import { copyBytes } from './fields.js'
import { recordLengthAt } from './header.js'
import { bytesArgument, type DecodeOptions, type Resolved, resolve } from './options.js'
import type { WatchRecord } from './record.js'
import type { RuleTable, StructTable } from './tables.js'

export type { DecodeOptions }

/** Decodes every record in `bytes`; throws DecodeError on malformed input. */
export function decode(bytes: Uint8Array, opts: DecodeOptions = {}): WatchRecord[] {
  const r = resolve(opts)
  bytesArgument(bytes, 'bytes')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: WatchRecord[] = []
  let at = 0
  while (at < bytes.length) {
    const rec = decodeAt(r, view, bytes, at, bytes.length, 0)
    out.push(rec)
    at += rec.length
  }
  return out
}

/** Bytes of a record before any flexible member: sizeof for fixed records, `base` for flexible ones. */
export const fixedPart = (rule: RuleTable, s: StructTable) =>
  rule.length.kind === 'flexible' ? rule.length.base : s.size

/** Index of the largest struct variant whose fixed part the record's length covers, or -1. */
export function pickStruct(rule: RuleTable, length: number): number {
  let chosen = -1
  for (let i = 0; i < rule.structs.length; i++) if (fixedPart(rule, rule.structs[i]!) <= length) chosen = i
  return chosen
}

/** Decodes the one record at `at` (its length validated first). */
export function decodeAt(
  r: Resolved,
  view: DataView,
  bytes: Uint8Array,
  at: number,
  end: number,
  base: number,
): WatchRecord {
  const length = recordLengthAt(r, view, at, end, base)
  const rev = r.rev
  const little = r.little
  const w0 = view.getUint32(at, little)
  const info = view.getUint32(at + 4, little)
  const type = (w0 >>> r.typeShift) & r.typeMask
  const subtype = (w0 >>> r.subtypeShift) & r.subtypeMask
  const watchId = (info & rev.idMask) >>> rev.idShift
  const typeInfo = (info & rev.typeInfoMask) >>> rev.typeInfoShift
  const rule = rev.ruleFor(type, subtype)
  const i = rule ? pickStruct(rule, length) : -1
  const rec =
    rule && i >= 0
      ? rule.readers[i]!(
          view,
          bytes,
          at,
          little,
          base + at,
          length,
          type,
          subtype,
          info,
          watchId,
          typeInfo,
          rule.kind,
          rule.evented ? (rule.events[subtype] ?? null) : null,
        )
      : null
  if (rec) return rec
  const reason = rule ? 'record-too-short' : 'unknown-type'
  if (r.strict) {
    const message = rule
      ? `${rule.kind} record of ${length} bytes is shorter than its struct`
      : `type ${type} subtype ${subtype} is not defined in ${rev.id}`
    throw new DecodeError(reason, base + at, message)
  }
  return {
    offset: base + at,
    length,
    type,
    subtype,
    info,
    watchId,
    typeInfo,
    kind: 'unknown',
    reason,
    bytes: copyBytes(bytes, at, at + length),
  }
}
