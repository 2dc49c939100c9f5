// The two watch_queue ioctls.
import { type Static, Type } from '@sinclair/typebox'
import { Fd, Hex } from '../values.js'
import { op } from './step.js'

export const SetSize = op(
  'set_size',
  'ioctl(fd, IOC_WATCH_QUEUE_SET_SIZE, notes): the argument is passed by value',
  'none',
  {
    fd: Fd,
    notes: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Number of notes (truncated to 32 bits by the kernel)',
    }),
  },
)

/** One struct watch_notification_type_filter; omitted words are 0. */
export const FilterEntry = Type.Object(
  {
    type: Type.Integer({ minimum: 0, maximum: 0xffffffff }),
    info_filter: Type.Optional(Type.Integer({ minimum: 0, maximum: 0xffffffff })),
    info_mask: Type.Optional(Type.Integer({ minimum: 0, maximum: 0xffffffff })),
    subtype_filter: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 0xffffffff }), { maxItems: 8 })),
  },
  { additionalProperties: false },
)
export type FilterEntry = Static<typeof FilterEntry>

/** A structured filter: encoded in the implementation's byte order. */
export const FilterSpec = Type.Object(
  {
    filters: Type.Array(FilterEntry, { maxItems: 64 }),
    nr_filters: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 0xffffffff, description: 'Overrides filters.length in the header' }),
    ),
    reserved: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 0xffffffff, description: 'The header __reserved word' }),
    ),
  },
  { additionalProperties: false },
)
export type FilterSpec = Static<typeof FilterSpec>

export const SetFilter = op('set_filter', 'ioctl(fd, IOC_WATCH_QUEUE_SET_FILTER, filter)', 'none', {
  fd: Fd,
  filter: Type.Union([
    Type.Null({ description: 'A NULL pointer: removes the filter' }),
    Type.Literal('bad-pointer', { description: 'An unmapped address: EFAULT' }),
    FilterSpec,
    Type.Object({ bytes: Hex }, { additionalProperties: false, description: 'Raw bytes, passed as they are' }),
  ]),
})
