// What an implementation reports for one step: the syscall's result and what it returned through
// pointers. Never interpreted by the implementation; the runner compares it with the expectation.
import { type Static, Type } from '@sinclair/typebox'
import { FileFlagName, PollEvent } from './expectation.js'
import { ErrnoName, Hex } from './values.js'

export const Observation = Type.Object(
  {
    ret: Type.Optional(Type.Integer({ description: 'Return value on success' })),
    errno: Type.Optional(ErrnoName),
    fds: Type.Optional(
      Type.Array(Type.Integer(), { minItems: 1, maxItems: 2, description: 'pipe2: [read end, write end]' }),
    ),
    bytes: Type.Optional(
      Type.String({
        pattern: Hex.pattern,
        description: 'read: the bytes read; wait_exit and output: what the program wrote',
      }),
    ),
    value: Type.Optional(Type.Integer({ description: 'fionread: the count; wait_output: how often the probe ran' })),
    revents: Type.Optional(Type.Array(PollEvent)),
    flags: Type.Optional(Type.Array(FileFlagName, { description: 'fcntl F_GETFL: the access mode and flags set' })),
    skipped: Type.Optional(Type.String({ description: 'The implementation cannot perform this op (why)' })),
    error: Type.Optional(Type.String({ description: 'The implementation failed to perform this op (its own fault)' })),
    elapsedMs: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
)
export type Observation = Static<typeof Observation>
