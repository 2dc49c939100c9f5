// Revision tables linked for use: struct references resolved, rules indexed by type and subtype.
import { lowestBit } from './bits.js'
import { READERS, type Reader } from './generated/readers.js'
import { REVISION_TABLES, STRUCT_TABLES } from './generated/revisions.js'
import type { RevisionTable, RuleTable, StructTable } from './tables.js'

/** A rule ready for decoding: whether its records name their subtype, and a reader per struct. */
export interface LinkedRule extends RuleTable {
  readonly evented: boolean
  readonly readers: readonly Reader[]
}

export interface Revision extends RevisionTable {
  readonly rules: readonly LinkedRule[]
  /** Rule for (type << 8 | subtype), falling back to a rule for the whole type. */
  ruleFor(type: number, subtype: number): LinkedRule | undefined
  /** Shift of the type-info field (WATCH_INFO_FLAG_0 becomes bit 0). */
  readonly typeInfoShift: number
}

function reader(id: string): Reader {
  const r = READERS[id]
  if (!r) throw new Error(`no reader for struct "${id}"`)
  return r
}

export function structTable(id: string): StructTable {
  const s = STRUCT_TABLES[id]
  if (!s) throw new Error(`unknown struct "${id}"`)
  return s
}

const cache = new Map<string, Revision>()

/** Ids of every revision the decoder knows, oldest first. */
export const REVISION_IDS: readonly string[] = REVISION_TABLES.map((r) => r.id)

/**
 * The linked table of a revision, or undefined for an id no revision has. The public `revision(id)`
 * (src/options.ts) checks the id and throws naming the known ones.
 */
export function findRevision(id: string): Revision | undefined {
  const hit = cache.get(id)
  if (hit) return hit
  const t = REVISION_TABLES.find((r) => r.id === id)
  if (!t) return undefined
  const rules: LinkedRule[] = t.rules.map((r) => ({
    ...r,
    structs: r.structs.map(structTable),
    // Meta records have no subtype enum; every other kind names its subtype as `event`.
    evented: r.subtype === null || r.kind.startsWith('superblock'),
    readers: r.structs.map(reader),
  }))
  // A dense table indexed by (type << 8 | subtype): one array load per record instead of map lookups.
  // The first rule wins: the spec lists a subtype-specific rule before the catch-all of its type.
  const types = Math.max(0, ...rules.map((r) => r.type)) + 1
  const table: (LinkedRule | undefined)[] = new Array(types << 8).fill(undefined)
  for (const r of rules) {
    for (let sub = 0; sub < 256; sub++) {
      const i = (r.type << 8) | sub
      if (
        (r.subtype === null || r.subtype === sub) &&
        (table[i] === undefined || (r.subtype === sub && table[i]!.subtype === null))
      )
        table[i] = r
    }
  }
  const linked: Revision = {
    ...t,
    rules,
    typeInfoShift: lowestBit(t.typeInfoMask),
    ruleFor: (type, subtype) => (type < types ? table[(type << 8) | subtype] : undefined),
  }
  cache.set(id, linked)
  return linked
}
