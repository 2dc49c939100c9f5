// The shape of one UAPI revision: what a decoder, an encoder, a simulator or a C header needs to
// know about it. Constants are kept as named C identifiers so generated headers match the sources.
import { type Static, Type } from '@sinclair/typebox'
import { Constant, Note, PerArchValue, Syscall } from '../constants/constant.js'

export { Constant, PerArchValue, Syscall }

export const RECORD_KINDS = [
  'skip',
  'removal',
  'loss',
  'key',
  'mount',
  'superblock',
  'superblock-error',
  'block',
  'usb',
] as const
export const RecordKind = Type.Union(
  RECORD_KINDS.map((k) => Type.Literal(k)),
  { description: 'Decoded kind of a record' },
)
export type RecordKind = Static<typeof RecordKind>

export const RecordLength = Type.Union([
  Type.Object({ kind: Type.Literal('fixed') }, { additionalProperties: false, description: 'sizeof the struct' }),
  Type.Object(
    { kind: Type.Literal('padding') },
    {
      additionalProperties: false,
      description: 'Any length from sizeof the struct up; the rest is padding (ring SKIP records)',
    },
  ),
  Type.Object(
    {
      kind: Type.Literal('flexible'),
      base: Type.Integer({ minimum: 8, description: 'Bytes before the flexible member' }),
      roundTo: Type.Optional(Type.Integer({ minimum: 1, description: 'Total rounded up to this many bytes' })),
    },
    { additionalProperties: false, description: 'base + length of the flexible member' },
  ),
])

export const RecordRule = Type.Object(
  {
    kind: RecordKind,
    type: Type.String({ description: 'Name of the type constant' }),
    subtype: Type.Optional(Type.String({ description: 'Name of the subtype constant; absent: any subtype' })),
    subtypeEnum: Type.Optional(Type.String({ description: 'C enum tag listing the subtypes of this type' })),
    structs: Type.Array(Type.String(), {
      minItems: 1,
      description: 'Struct ids; with several, the record length picks the largest that fits',
    }),
    length: RecordLength,
    ...Note,
  },
  { additionalProperties: false },
)
export type RecordRule = Static<typeof RecordRule>

export const Source = Type.Object(
  {
    kind: Type.Union(
      (['message-id', 'commit', 'archive', 'repository', 'header'] as const).map((k) => Type.Literal(k)),
    ),
    ref: Type.String(),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)

export const RevisionId = Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$' })

export const Revision = Type.Object(
  {
    id: RevisionId,
    title: Type.String(),
    date: Type.Object(
      { value: Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' }), ...Note },
      { additionalProperties: false },
    ),
    sources: Type.Array(Source),
    basedOn: Type.Optional(RevisionId),
    status: Type.Union([Type.Literal('posted'), Type.Literal('merged')]),
    kernel: Type.Optional(
      Type.Object(
        { since: Type.String({ pattern: '^[0-9]+\\.[0-9]+$' }), until: Type.Optional(Type.String()) },
        { additionalProperties: false, description: 'Kernel versions that ship this revision' },
      ),
    ),
    transport: Type.Union([Type.Literal('mmap-ring'), Type.Literal('pipe'), Type.Literal('fanotify')]),
    setup: Type.String({ description: 'How userspace obtains and sizes a queue' }),
    lengthUnit: Type.Optional(
      Type.Union([Type.Literal('byte'), Type.Literal('slot8')], {
        description: 'What the WATCH_INFO_LENGTH field counts: bytes, or 8-byte ring slots',
      }),
    ),
    sizeArgument: Type.Optional(
      Type.Object(
        {
          unit: Type.Union([Type.Literal('pages'), Type.Literal('notes')]),
          min: Type.Integer(),
          max: Type.Integer(),
          powerOfTwo: Type.Optional(Type.Boolean()),
          ...Note,
        },
        { additionalProperties: false, description: 'Argument of IOC_WATCH_QUEUE_SET_SIZE' },
      ),
    ),
    ring: Type.Optional(
      Type.Object(
        { header: Type.String({ description: 'Struct id of the ring header' }), metaSlots: Type.Integer() },
        { additionalProperties: false },
      ),
    ),
    loss: Type.Optional(
      Type.Union(
        [
          Type.Literal('overrun-flag-on-next-record'),
          Type.Literal('lost-flag-in-ring-header'),
          Type.Literal('loss-record'),
        ],
        { description: 'How the kernel tells userspace that records were lost' },
      ),
    ),
    constants: Type.Array(Constant),
    records: Type.Array(RecordRule),
    structs: Type.Array(Type.String(), { description: 'Struct ids of this revision, in header order' }),
    syscalls: Type.Array(Syscall),
    notes: Type.Array(Type.String()),
    ...Note,
  },
  { additionalProperties: false, $id: 'watchq:uapi/revision' },
)
export type Revision = Static<typeof Revision>
