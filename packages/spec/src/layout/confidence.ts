import { type Static, Type } from '@sinclair/typebox'

/**
 * How sure the spec is of a fact.
 * - confirmed: read in a primary source (a header, kernel code) or measured with a compiler.
 * - derived: follows from confirmed facts (C layout rules, an unchanged neighbouring revision).
 * - unconfirmed: the sources leave it open; the value is the best reading of docs/abi-history.md and is
 *   marked Unconfirmed there (docs/abi-history.md#how-to-read-this-history).
 */
export const Confidence = Type.Union(
  [Type.Literal('confirmed'), Type.Literal('derived'), Type.Literal('unconfirmed')],
  {
    description: 'How sure the spec is of this fact: confirmed (primary source or compiler), derived, or unconfirmed',
  },
)
export type Confidence = Static<typeof Confidence>
