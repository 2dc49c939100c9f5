// A fixed-width, human-oriented line per record.
import type { WatchRecord } from '../record.js'
import { recordToJson } from './json.js'

export const TABLE_HEADER = `${'offset'.padStart(8)} ${'len'.padStart(3)} ${'kind'.padEnd(16)} ${'event'.padEnd(14)} ${'watch'.padStart(5)}  fields`

export function tableLine(rec: WatchRecord): string {
  const j = recordToJson(rec)
  const skip = new Set(['offset', 'length', 'kind', 'type', 'subtype', 'watchId', 'typeInfo', 'info', 'event'])
  const fields = Object.entries(j)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')
  const event = 'event' in rec && rec.event ? rec.event : rec.kind === 'unknown' ? rec.reason : ''
  return `${String(rec.offset).padStart(8)} ${String(rec.length).padStart(3)} ${rec.kind.padEnd(16)} ${event.padEnd(14)} ${String(rec.watchId).padStart(5)}  ${fields}`
}
