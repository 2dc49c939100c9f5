// A case: ordered steps with expectations, stored as packages/fixtures/cases/<id>.json. Its id is
// its path (without .json), never its description.
import { type Static, Type } from '@sinclair/typebox'
import { Requires } from './requires.js'
import { Step } from './steps/index.js'
import { MAX_CASE_STEPS } from './steps/step.js'
import { Comment } from './values.js'

export const CASE_ID_PATTERN = '^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$'

export const Case = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    description: Type.String({ minLength: 1 }),
    reference: Type.Optional(
      Type.String({
        description:
          'Where the expected behaviour comes from: docs/<file>.md#<anchor> pointers, separated by ";", ' +
          'e.g. "docs/semantics.md#errors-of-set_size; docs/semantics.md#summary-table — row 4: …"',
      }),
    ),
    comment: Type.Optional(Comment),
    requires: Type.Optional(Requires),
    steps: Type.Array(Step, {
      minItems: 1,
      maxItems: MAX_CASE_STEPS,
      description: `At most ${MAX_CASE_STEPS} steps, also once every repeat is expanded`,
    }),
  },
  { additionalProperties: false },
)
export type Case = Static<typeof Case>
