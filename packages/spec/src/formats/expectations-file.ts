// Per-implementation expectations: the known failures and unsupported cases of one implementation,
// each with a reason, optionally only on some kernels or arches. Kept outside the cases (wpt's .ini
// files).
import { type Static, Type } from '@sinclair/typebox'
import { Requires } from './requires.js'
import { Status } from './status.js'

/**
 * A status an entry may allow: any status, or `skip`, what report version 1 called a case not run;
 * in an entry it still means both not-applicable and unsupported.
 */
export const AllowedStatus = Type.Union([Status, Type.Literal('skip')])
export type AllowedStatus = Static<typeof AllowedStatus>

export const ExpectationEntry = Type.Object(
  {
    case: Type.String({ description: 'A case id, or a glob over ids (* within a segment, ** across)' }),
    status: Type.Union([AllowedStatus, Type.Array(AllowedStatus, { minItems: 1 })], {
      description:
        'Allowed statuses ("unsupported" to allow a feature or op it lacks; "skip" means not-applicable and unsupported)',
    }),
    reason: Type.String({ minLength: 1 }),
    when: Type.Optional(
      Type.Object(
        { kernel: Requires.properties.kernel, arch: Requires.properties.arch, endian: Requires.properties.endian },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type ExpectationEntry = Static<typeof ExpectationEntry>

export const ExpectationsFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    implementation: Type.Optional(Type.String({ description: 'For people: which implementation this describes' })),
    entries: Type.Array(ExpectationEntry),
  },
  { additionalProperties: false },
)
export type ExpectationsFile = Static<typeof ExpectationsFile>
