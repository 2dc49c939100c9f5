// Every operation a case can use, by name.
import { type Static, Type } from '@sinclair/typebox'
import { Fionread, Poll, Read, Sendfile, Splice, Tee, Vmsplice, WaitQueued, Write, Writev } from './io.js'
import {
  AddKey,
  Chown,
  Clear,
  Invalidate,
  KeyringId,
  Link,
  Move,
  Negate,
  Reject,
  RestrictKeyring,
  Revoke,
  Setperm,
  SetTimeout,
  Unlink,
  Unwatch,
  Update,
  Watch,
} from './keys.js'
import { Close, Dup, Fcntl, OpenFile, Pipe2 } from './pipe.js'
import { Kill, Output, PROGRAM_OPS, Setrlimit, Sleep, Spawn, WaitExit, waitOutputOp } from './process.js'
import { SetFilter, SetSize } from './queue.js'
import type { OpInfo } from './step.js'

export * from './io.js'
export * from './keys.js'
export * from './pipe.js'
export * from './process.js'
export * from './queue.js'
export * from './step.js'

const BASE = [
  Pipe2,
  Close,
  Dup,
  OpenFile,
  Fcntl,
  SetSize,
  SetFilter,
  Read,
  Write,
  Writev,
  Fionread,
  Poll,
  WaitQueued,
  Splice,
  Tee,
  Vmsplice,
  Sendfile,
  AddKey,
  KeyringId,
  Update,
  Link,
  Unlink,
  Move,
  Clear,
  Revoke,
  Invalidate,
  Setperm,
  Chown,
  SetTimeout,
  RestrictKeyring,
  Negate,
  Reject,
  Watch,
  Unwatch,
  Sleep,
  Setrlimit,
  Spawn,
  WaitExit,
  Output,
  Kill,
] as const

const isProgramOp = (name: string) => (PROGRAM_OPS as readonly string[]).includes(name)

/** wait_output's probe: any step that binds nothing, except those on programs. */
export const WaitOutput = waitOutputOp(
  BASE.filter((o) => o.binds === 'none' && !isProgramOp(o.op)).map((o) => o.wire as (typeof BASE)[number]['wire']),
)

const ALL = [...BASE, WaitOutput] as const

/** Every operation, by its `op` name. */
export const OPS: ReadonlyMap<string, OpInfo> = new Map(ALL.map((o) => [o.op, o as OpInfo]))
export const OP_NAMES = ALL.map((o) => o.op)

type Schemas = (typeof ALL)[number]

/** A step as a case writes it. */
export const Step = Type.Union(ALL.map((o) => o.schema) as Schemas['schema'][], {
  description: 'One operation of a case',
})
/** A step as sent to an implementation: no `expect`. */
export const WireStep = Type.Union(ALL.map((o) => o.wire) as Schemas['wire'][], {
  description: 'One operation, without its expectation',
})

export type Step = Static<Schemas['schema']>
export type WireStep = Static<Schemas['wire']>
export type OpName = Schemas['op']
