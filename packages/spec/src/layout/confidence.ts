import { type Static, Type } from '@sinclair/typebox'

/**
 * How sure the spec is of a fact.
 * - confirmed: read in a primary source (a header, kernel code) or measured with a compiler.
 * - derived: follows from confirmed facts (C layout rules, an unchanged neighbouring revision).
 * - unconfirmed: the sources leave it open; the value is the reference's best reading and is marked so.
 */
export const Confidence = Type.Union(
  [Type.Literal('confirmed'), Type.Literal('derived'), Type.Literal('unconfirmed')],
  {
    description: 'How sure the spec is of this fact: confirmed (primary source or compiler), derived, or unconfirmed',
  },
)
export type Confidence = Static<typeof Confidence>
