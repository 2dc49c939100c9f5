// Converts struct values between their JSON form (what the schemas validate: u64 as decimal
// strings, byte arrays as hex) and their TypeScript form (bigint, Uint8Array), driven by the
// layout annotations so it follows every struct without per-struct code.
import type { Static, TSchema } from '@sinclair/typebox'
import { fromHex, toHex } from '../bytes/hex.js'
import { flexElement, isStruct, members } from './read.js'
import type { TStruct } from './struct.js'

const U64_MAX = (1n << 64n) - 1n

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function memberToJson(schema: TSchema, ctype: string, flexible: boolean | undefined, v: unknown): Json {
  if (isStruct(schema)) return toJson(schema, v as Record<string, unknown>) as Json
  if (flexible && ctype === '__u8') return toHex(v as Uint8Array)
  if (ctype === '__u64') return (v as bigint).toString()
  if (Array.isArray(v)) {
    const el = (schema as { items?: TSchema }).items
    return v.map((x) => (el && isStruct(el) ? (toJson(el, x) as Json) : (x as Json)))
  }
  return v as Json
}

/** TypeScript value of a struct → its JSON form. */
export function toJson(s: TStruct, value: Record<string, unknown>): Record<string, Json> {
  const out: Record<string, Json> = {}
  for (const m of members(s)) out[m.name] = memberToJson(m.schema, m.layout.ctype, m.layout.flexible, value[m.name])
  return out
}

/** JSON form of a struct → its TypeScript value; u64 strings are range-checked. */
export function fromJson<S extends TStruct>(s: S, json: Record<string, unknown>): Static<S> {
  const out: Record<string, unknown> = {}
  for (const m of members(s)) {
    const v = json[m.name]
    if (isStruct(m.schema)) out[m.name] = fromJson(m.schema, v as Record<string, unknown>)
    else if (m.layout.flexible && m.layout.ctype === '__u8') out[m.name] = fromHex(String(v))
    else if (m.layout.ctype === '__u64') {
      const n = BigInt(String(v))
      if (n < 0n || n > U64_MAX) throw new RangeError(`${m.name}: ${v} is not a u64`)
      out[m.name] = n
    } else if (Array.isArray(v)) {
      const el = flexElement(m)
      out[m.name] = el ? v.map((x) => fromJson(el, x as Record<string, unknown>)) : [...v]
    } else out[m.name] = v
  }
  return out as Static<S>
}
