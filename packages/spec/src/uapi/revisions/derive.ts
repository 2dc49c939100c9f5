import type { Constant, Revision } from './revision.js'

export interface RevisionDelta extends Partial<Omit<Revision, 'id' | 'basedOn'>> {
  id: string
  /** With `constants`, the revision's constants are restated in full instead of patched. */
  /** Constants added or replaced (matched by name). */
  set?: Constant[]
  /** Names of constants that this revision drops. */
  remove?: string[]
}

/** A revision stated as the changes from the one it was built on; notes are not inherited. */
export function derive(base: Revision, delta: RevisionDelta): Revision {
  const { set = [], remove = [], constants = base.constants, ...rest } = delta
  const replaced = new Map(set.map((c) => [c.name, c]))
  for (const name of remove) {
    if (!constants.some((c) => c.name === name)) throw new Error(`${delta.id}: cannot remove unknown ${name}`)
  }
  const kept = constants.filter((c) => !remove.includes(c.name)).map((c) => replaced.get(c.name) ?? c)
  const added = set.filter((c) => !constants.some((b) => b.name === c.name))
  const { confidence: _c, note: _n, ...inherited } = base
  const revision = { ...inherited, notes: [], ...rest, basedOn: base.id, constants: [...kept, ...added] }
  // A delta clears an inherited field by setting it to undefined.
  return Object.fromEntries(Object.entries(revision).filter(([, v]) => v !== undefined)) as Revision
}

/** Marks every constant of a list with a confidence and note. */
export function marked(list: Constant[], confidence: Constant['confidence'], note: string): Constant[] {
  return list.map((c) => ({ ...c, confidence, note }))
}
