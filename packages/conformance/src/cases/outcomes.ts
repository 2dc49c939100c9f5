// What a step's expectation allows: one outcome, or `anyOf` alternatives.
import type { Expectation, Outcome } from '@watchq/spec'

/** The outcomes a step accepts: `anyOf` alternatives, each completed by the fields beside it. */
export function outcomes(expect: Expectation): Outcome[] {
  const { anyOf, ...common } = expect
  return anyOf ? anyOf.map((alt) => ({ ...common, ...alt })) : [common]
}
