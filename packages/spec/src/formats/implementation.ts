// Who answered: what an implementation says of itself in `hello`, copied into captures and reports.
import { type Static, Type } from '@sinclair/typebox'
import { Requires } from './requires.js'
import { OP_NAMES } from './steps/index.js'

export const OpNameSchema = Type.Union(OP_NAMES.map((o) => Type.Literal(o)))

export const ImplementationInfo = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    version: Type.String(),
    kernel: Type.Optional(Type.String({ description: 'uname -r of the kernel under test' })),
    arch: Type.String({ description: 'uname -m' }),
    endian: Type.Union([Type.Literal('little'), Type.Literal('big')]),
    pageSize: Type.Integer({ minimum: 1024 }),
    revision: Type.Optional(Type.String({ description: 'The spec revision it implements (default mainline)' })),
    features: Requires.properties.features,
    probes: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description:
          'Per feature (announced or not): how it was probed, or why it is absent, e.g. "notification-pipe": "pipe2(O_NOTIFICATION_PIPE) failed: ENOPKG"',
      }),
    ),
    ops: Type.Array(OpNameSchema, { uniqueItems: true, description: 'The ops it can perform' }),
    homepage: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type ImplementationInfo = Static<typeof ImplementationInfo>
