// records → bytes, for every revision and both endiannesses. A record decoded by `decode` encodes
// back to the same bytes (its raw `info` is reused); a hand-built record gets its info computed.
import { EncodeError } from './errors.js'
import { flexibleLength, writeField } from './fields.js'
import { arrayArgument, type DecodeOptions, lengthOf, objectArgument, type Resolved, resolve } from './options.js'

import type { WatchRecord } from './record.js'
import type { RecordKind, RuleTable, StructTable } from './tables.js'

export type EncodeOptions = Omit<DecodeOptions, 'strict'>

/** A record for the encoder: one `decode` returned, or a hand-built one. */
export type RecordInput = WatchRecord | RecordFields

/** A hand-built record: its kind and payload fields, everything else optional. */
export interface RecordFields {
  readonly kind: RecordKind | 'unknown'
  /** Subtype by value; or give `event`. Required where the kind has several subtypes and no event. */
  readonly subtype?: number
  readonly event?: string | null
  readonly watchId?: number
  /** Type-specific flag bits, unshifted from bit 0 (WATCH_INFO_FLAG_n is bit n). */
  readonly typeInfo?: number
  /** The raw info word; when given it is written as is (its length bits must match). */
  readonly info?: number
  /** When given, must equal the encoded length. */
  readonly length?: number
  /** For `unknown` records: the whole record, written as is. */
  readonly bytes?: Uint8Array
  readonly [field: string]: unknown
}

function rulesFor(r: Resolved, rec: RecordFields, index: number): RuleTable {
  const candidates = r.rev.rules.filter((x) => x.kind === rec.kind)
  if (!candidates.length) throw new EncodeError(`${r.rev.id} has no "${rec.kind}" records`, index)
  if (rec.subtype !== undefined) {
    const hit = candidates.find((x) => x.subtype === rec.subtype) ?? candidates.find((x) => x.subtype === null)
    if (hit) return hit
  }
  return candidates.find((x) => x.subtype === null) ?? candidates[0]!
}

function subtypeOf(rule: RuleTable, rec: RecordFields, index: number): number {
  if (rec.subtype !== undefined) return rec.subtype
  if (rule.subtype !== null) return rule.subtype
  if (rec.event) {
    const hit = Object.entries(rule.events).find(([, name]) => name === rec.event)
    if (hit) return Number(hit[0])
    throw new EncodeError(
      `unknown ${rec.kind} event "${rec.event}"; known: ${Object.values(rule.events).join(', ')}`,
      index,
    )
  }
  throw new EncodeError(`a ${rec.kind} record needs a subtype or an event`, index)
}

/** The largest struct variant whose payload fields the record supplies. */
function structFor(rule: RuleTable, rec: RecordFields): StructTable {
  const full = rule.structs.filter((s) => s.fields.every((f) => rec[f.name] !== undefined))
  return full[full.length - 1] ?? rule.structs[0]!
}

/** `rec` must already carry its byte counts (see byteCounts). */
function lengthFor(rule: RuleTable, s: StructTable, rec: RecordFields): number {
  if (rule.length.kind === 'fixed') return s.size
  if (rule.length.kind === 'padding') return Math.max(s.size, Number(rec.length ?? s.size))
  const raw = rule.length.base + flexibleLength(s, rec)
  const to = rule.length.roundTo ?? 1
  return Math.ceil(raw / to) * to
}

/** Byte-array lengths drive their count fields (name → nameLen) unless the record sets them. */
function byteCounts(s: StructTable, rec: RecordFields): Record<string, number> {
  const out: Record<string, number> = {}
  for (const f of s.fields) {
    if (f.type === 'bytes' && rec[f.lengthField!] === undefined)
      out[f.lengthField!] = (rec[f.name] as Uint8Array | undefined)?.length ?? 0
  }
  return out
}

function encodeOne(r: Resolved, input: RecordInput, index: number): Uint8Array {
  const rec = objectArgument(input, `records[${index}]`) as RecordFields
  if (rec.kind === 'unknown') {
    if (!(rec.bytes instanceof Uint8Array)) throw new EncodeError('an unknown record needs its bytes', index)
    return rec.bytes
  }
  const rev = r.rev
  const rule = rulesFor(r, rec, index)
  const subtype = subtypeOf(rule, rec, index)
  const s = structFor(rule, rec)
  const fields = { ...rec, ...byteCounts(s, rec) }
  const length = lengthFor(rule, s, fields)
  if (length > rev.maxLength)
    throw new EncodeError(`${length} bytes exceed the ${rev.maxLength}-byte record limit of ${rev.id}`, index)
  if (rec.length !== undefined && rec.length !== length) {
    throw new EncodeError(`length ${rec.length} given, but the record encodes to ${length} bytes`, index)
  }
  if (length % rev.lengthUnit !== 0)
    throw new EncodeError(`${length} bytes is not a whole number of ${rev.lengthUnit}-byte units`, index)
  let info: number
  if (rec.info !== undefined) {
    info = rec.info >>> 0
    if (lengthOf(rev, info) !== length) {
      throw new EncodeError(
        `info 0x${info.toString(16)} says ${lengthOf(rev, info)} bytes, the record is ${length}`,
        index,
      )
    }
  } else {
    const id = rec.watchId ?? 0
    if (((id << rev.idShift) & ~rev.idMask) !== 0)
      throw new EncodeError(`watch id ${id} does not fit ${rev.id}'s id field`, index)
    const typeInfo = ((rec.typeInfo ?? 0) << rev.typeInfoShift) >>> 0
    if ((typeInfo & ~rev.typeInfoMask) !== 0)
      throw new EncodeError(`typeInfo ${rec.typeInfo} does not fit ${rev.id}'s type-info field`, index)
    info = (((length / rev.lengthUnit) << rev.lengthShift) | (id << rev.idShift) | typeInfo) >>> 0
  }
  if (subtype > r.subtypeMask || subtype < 0) throw new EncodeError(`subtype ${subtype} does not fit`, index)
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  view.setUint32(0, ((rule.type << r.typeShift) | (subtype << r.subtypeShift)) >>> 0, r.little)
  view.setUint32(4, info, r.little)
  for (const f of s.fields) {
    const v = fields[f.name]
    if (v === undefined) throw new EncodeError(`${rec.kind} record misses ${f.name} (${f.c})`, index)
    writeField(view, out, 0, f, r.little, v)
  }
  return out
}

/** Encodes records back to back, as read() returns them from a notification pipe. */
export function encode(records: readonly RecordInput[], opts: EncodeOptions = {}): Uint8Array {
  const r = resolve(opts)
  arrayArgument(records, 'records')
  const parts = records.map((rec, i) => encodeOne(r, rec, i))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
