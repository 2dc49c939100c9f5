// The two annotation keywords that carry C layout inside otherwise ordinary JSON Schemas.
// Their values are themselves described by schemas, so Ajv strict mode validates them.
import { type Static, Type } from '@sinclair/typebox'
import { Confidence } from './confidence.js'

export const LAYOUT_KEYWORD = 'x-uapi-layout'
export const STRUCT_KEYWORD = 'x-uapi-struct'

const Arch = Type.Union([Type.Literal('x86_64'), Type.Literal('i386'), Type.Literal('s390x')])
const PerArchInt = Type.Partial(
  Type.Object({
    x86_64: Type.Integer({ minimum: 0 }),
    i386: Type.Integer({ minimum: 0 }),
    s390x: Type.Integer({ minimum: 0 }),
  }),
  { additionalProperties: false, minProperties: 1 },
)

/** Value of `x-uapi-layout`: where one struct member lives. */
export const FieldLayout = Type.Object(
  {
    offset: Type.Integer({ minimum: 0, description: 'Byte offset of the member (of its storage unit, for bitfields)' }),
    offsetByArch: Type.Optional(PerArchInt),
    ctype: Type.String({
      pattern: '^(__u8|__u16|__u32|__u64|__s32|struct [a-z_][a-z0-9_]*)$',
      description: 'C element type',
    }),
    size: Type.Integer({ minimum: 0, description: 'Bytes the member occupies; 0 for a flexible array member' }),
    count: Type.Optional(Type.Integer({ minimum: 1, description: 'Element count of a fixed-size array' })),
    flexible: Type.Optional(Type.Literal(true, { description: 'C99 flexible array member' })),
    lengthField: Type.Optional(Type.String({ description: 'Sibling member holding the element count' })),
    bitfield: Type.Optional(
      Type.Object(
        {
          position: Type.Integer({ minimum: 0, maximum: 63, description: 'First bit in allocation order' }),
          width: Type.Integer({ minimum: 1, maximum: 64 }),
        },
        { additionalProperties: false },
      ),
    ),
    volatile: Type.Optional(Type.Literal(true)),
    confidence: Type.Optional(Confidence),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false, $id: 'watchq:meta/x-uapi-layout' },
)
export type FieldLayout = Static<typeof FieldLayout>

/** Value of `x-uapi-struct`: identity, size and alignment of a C struct. */
export const StructLayout = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]+/[a-z_][a-z0-9_]*(~[a-z0-9-]+)?$', description: 'family/c_name[~variant]' }),
    c: Type.String({ pattern: '^struct [a-z_][a-z0-9_]*$' }),
    size: Type.Integer({ minimum: 1, description: 'sizeof on every layout arch unless sizeByArch says otherwise' }),
    align: Type.Integer({ minimum: 1, description: '_Alignof on every layout arch unless alignByArch says otherwise' }),
    sizeByArch: Type.Optional(PerArchInt),
    alignByArch: Type.Optional(PerArchInt),
    aligned: Type.Optional(Type.Integer({ minimum: 1, description: '__attribute__((aligned(N))) on the struct' })),
    union: Type.Optional(
      Type.Object(
        {
          member: Type.String({ description: 'Name of the anonymous-struct member that holds the fields' }),
          alternative: Type.String({ description: 'The other union member, as C' }),
        },
        { additionalProperties: false, description: 'The fields sit in `union { struct { … } member; alternative; }`' },
      ),
    ),
    confidence: Type.Optional(Confidence),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false, $id: 'watchq:meta/x-uapi-struct' },
)
export type StructLayout = Static<typeof StructLayout>
export type { Static }
export { Arch as LayoutArchSchema }
