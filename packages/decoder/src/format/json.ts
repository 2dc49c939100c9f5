// A decoded record as plain JSON: bigint as a decimal string, bytes as lower-case hex. The common
// header fields come first in a fixed order, then the kind's own fields.
import type { WatchRecord } from '../record.js'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue }

const HEAD = ['offset', 'length', 'kind', 'type', 'subtype', 'watchId', 'typeInfo', 'info'] as const

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

function jsonValue(v: unknown): JsonValue {
  if (typeof v === 'bigint') return v.toString()
  if (v instanceof Uint8Array) return hex(v)
  return v as JsonValue
}

export function recordToJson(rec: WatchRecord): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  const r = rec as unknown as Record<string, unknown>
  for (const k of HEAD) out[k] = jsonValue(r[k])
  for (const [k, v] of Object.entries(r)) if (!(k in out) && v !== undefined) out[k] = jsonValue(v)
  return out
}

/** One JSON object per line. */
export const jsonLine = (rec: WatchRecord) => JSON.stringify(recordToJson(rec))
