// Revision tables linked for use: struct references resolved, rules indexed by type and subtype.
import { REVISION_TABLES, STRUCT_TABLES } from './generated/revisions.js'
import type { RevisionTable, RuleTable, StructTable } from './tables.js'

export interface Revision extends RevisionTable {
  /** Rule for (type << 8 | subtype), falling back to a rule for the whole type. */
  ruleFor(type: number, subtype: number): RuleTable | undefined
}

export function structTable(id: string): StructTable {
  const s = STRUCT_TABLES[id]
  if (!s) throw new Error(`unknown struct "${id}"`)
  return s
}

const cache = new Map<string, Revision>()

/** Ids of every revision the decoder knows, oldest first. */
export const REVISION_IDS: readonly string[] = REVISION_TABLES.map((r) => r.id)

/** The linked table of a revision; throws naming the known ids. */
export function revision(id: string): Revision {
  const hit = cache.get(id)
  if (hit) return hit
  const t = REVISION_TABLES.find((r) => r.id === id)
  if (!t) throw new RangeError(`unknown revision "${id}"; known: ${REVISION_IDS.join(', ')}`)
  const rules: RuleTable[] = t.rules.map((r) => ({ ...r, structs: r.structs.map(structTable) }))
  const exact = new Map<number, RuleTable>()
  const byType = new Map<number, RuleTable>()
  for (const r of rules) {
    // The first rule wins: the spec lists a subtype-specific rule before the catch-all of its type.
    if (r.subtype === null) {
      if (!byType.has(r.type)) byType.set(r.type, r)
    } else if (!exact.has((r.type << 8) | r.subtype)) exact.set((r.type << 8) | r.subtype, r)
  }
  const linked: Revision = {
    ...t,
    rules,
    ruleFor: (type, subtype) => exact.get((type << 8) | subtype) ?? byType.get(type),
  }
  cache.set(id, linked)
  return linked
}
