// What a case expects of one step. Only the runner sees these: they are stripped before a step is
// sent to an implementation. Values may be handles ($k), bound on first sight.
import { type Static, Type } from '@sinclair/typebox'
import { ErrnoName, Hex, IntOrRef, Ref } from './values.js'

const strict = { additionalProperties: false } as const

/** poll(2) event names an expectation or observation may list. */
export const POLL_EVENTS = [
  'POLLIN',
  'POLLPRI',
  'POLLOUT',
  'POLLERR',
  'POLLHUP',
  'POLLNVAL',
  'POLLRDNORM',
  'POLLWRNORM',
] as const
export const PollEvent = Type.Union(POLL_EVENTS.map((e) => Type.Literal(e)))
export type PollEvent = Static<typeof PollEvent>

/**
 * A file's access mode or status flag as fcntl(F_GETFL) observes it: a name (O_WRONLY, O_NONBLOCK, …),
 * or a set bit without a name as hex (0x80000).
 */
export const FileFlagName = Type.String({ pattern: '^(O_[A-Z]+|0x[0-9a-f]+)$' })

/**
 * A record as the decoder returns it, partially: every field given must match, fields left out
 * are not compared. `id` (a removal's u64 object id) is a decimal string or a handle.
 */
export const RecordPattern = Type.Object(
  {
    kind: Type.Optional(Type.String({ description: 'key, removal, loss, meta, unknown, …' })),
    event: Type.Optional(Type.String({ description: 'key records: instantiated, updated, linked, …' })),
    type: Type.Optional(IntOrRef),
    subtype: Type.Optional(IntOrRef),
    length: Type.Optional(IntOrRef),
    watchId: Type.Optional(IntOrRef),
    typeInfo: Type.Optional(IntOrRef),
    keyId: Type.Optional(IntOrRef),
    aux: Type.Optional(IntOrRef),
    id: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]+$' }), Ref, Type.Integer()])),
    repeat: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 4096, description: 'This many consecutive records match this pattern' }),
    ),
  },
  strict,
)
export type RecordPattern = Static<typeof RecordPattern>

const outcome = {
  ret: Type.Optional(IntOrRef),
  errno: Type.Optional(ErrnoName),
  records: Type.Optional(Type.Array(RecordPattern, { description: 'read: exactly these records, in order' })),
  bytes: Type.Optional(Hex),
  value: Type.Optional(IntOrRef),
  revents: Type.Optional(Type.Array(PollEvent, { description: 'poll: exactly these events' })),
  flags: Type.Optional(
    Type.Array(FileFlagName, { description: 'fcntl F_GETFL: exactly this access mode and these flags' }),
  ),
}

/** One acceptable outcome of a step. */
export const Outcome = Type.Object(outcome, strict)
export type Outcome = Static<typeof Outcome>

/**
 * The expectation of a step: one outcome, or `anyOf` several where the kernel is allowed to differ
 * (each alternative declared, never a silent retry).
 */
export const Expectation = Type.Object(
  { ...outcome, anyOf: Type.Optional(Type.Array(Outcome, { minItems: 2 })) },
  strict,
)
export type Expectation = Static<typeof Expectation>
