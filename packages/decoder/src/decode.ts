// bytes → records. One loop for every revision: the header is read per the revision's bitfield
// and info layout, the rule for (type, subtype) picks the struct, the struct table its fields.
import { DecodeError } from './errors.js'
import { copyBytes, flexibleLength, readField } from './fields.js'
import { type DecodeOptions, lengthOf, type Resolved, resolve, shiftOf } from './options.js'
import type { WatchRecord } from './record.js'
import type { RuleTable, StructTable } from './tables.js'

export type { DecodeOptions }

/** Decodes every record in `bytes`; throws DecodeError on malformed input. */
export function decode(bytes: Uint8Array, opts: DecodeOptions = {}): WatchRecord[] {
  const r = resolve(opts)
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

/**
 * Length of the record at `at`, validated against the bytes available, or throws.
 * `base` is added to offsets in errors (the streaming decoder's position in the stream).
 */
export function recordLengthAt(r: Resolved, view: DataView, at: number, end: number, base: number): number {
  if (end - at < 8) throw new DecodeError('short-header', base + at, `${end - at} bytes left, a record header needs 8`)
  const length = lengthOf(r.rev, view.getUint32(at + 4, r.little))
  if (length < 8)
    throw new DecodeError('length-too-small', base + at, `record length ${length} is below the 8-byte header`)
  if (length > end - at) {
    throw new DecodeError('truncated', base + at, `record length ${length} runs past the end (${end - at} bytes left)`)
  }
  return length
}

/** Bytes of a record before any flexible member: sizeof for fixed records, `base` for flexible ones. */
export const fixedPart = (rule: RuleTable, s: StructTable) =>
  rule.length.kind === 'flexible' ? rule.length.base : s.size

/** The largest struct variant whose fixed part the record's length covers. */
export function pickStruct(rule: RuleTable, length: number): StructTable | undefined {
  let chosen: StructTable | undefined
  for (const s of rule.structs) if (fixedPart(rule, s) <= length) chosen = s
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
  const w0 = view.getUint32(at, r.little)
  const info = view.getUint32(at + 4, r.little)
  const type = (w0 >>> r.typeShift) & r.typeMask
  const subtype = (w0 >>> r.subtypeShift) & r.subtypeMask
  const header = {
    offset: base + at,
    length,
    type,
    subtype,
    info,
    watchId: (info & rev.idMask) >>> rev.idShift,
    typeInfo: (info & rev.typeInfoMask) >>> shiftOf(rev.typeInfoMask),
  }
  const unknown = (reason: 'unknown-type' | 'record-too-short', message: string): WatchRecord => {
    if (r.strict) throw new DecodeError(reason, base + at, message)
    return { ...header, kind: 'unknown', reason, bytes: copyBytes(bytes, at, at + length) }
  }
  const rule = rev.ruleFor(type, subtype)
  if (!rule) return unknown('unknown-type', `type ${type} subtype ${subtype} is not defined in ${rev.id}`)
  const s = pickStruct(rule, length)
  if (!s) return unknown('record-too-short', `${rule.kind} record of ${length} bytes is shorter than its struct`)
  const rec: Record<string, unknown> = { ...header, kind: rule.kind }
  // Meta records have no subtype enum; every other kind names its subtype.
  if (rule.subtype === null || rule.kind.startsWith('superblock')) rec['event'] = rule.events[subtype] ?? null
  for (const f of s.fields) {
    if (f.type === 'bytes' && fixedPart(rule, s) + flexibleLength(s, rec) > length) {
      return unknown('record-too-short', `${rule.kind} record of ${length} bytes cannot hold its ${f.c}[]`)
    }
    rec[f.name] = readField(view, bytes, at, f, r.little, rec)
  }
  return rec as unknown as WatchRecord
}
