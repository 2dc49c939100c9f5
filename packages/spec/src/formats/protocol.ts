// Adapter protocol v1: JSON lines. The runner sends `hello`, then `run` per case, then `stop`;
// the implementation answers each hello and run with one line. Expectations are never sent.
import { type Static, Type } from '@sinclair/typebox'
import { ImplementationInfo } from './implementation.js'
import { Observation } from './observation.js'
import { WireStep } from './steps/index.js'

export const PROTOCOL_VERSION = 1
const strict = { additionalProperties: false } as const

export const HelloRequest = Type.Object(
  { cmd: Type.Literal('hello'), protocol: Type.Literal(PROTOCOL_VERSION) },
  strict,
)
export type HelloRequest = Static<typeof HelloRequest>

export const HelloResponse = Type.Object(
  { protocol: Type.Literal(PROTOCOL_VERSION), implementation: ImplementationInfo },
  strict,
)
export type HelloResponse = Static<typeof HelloResponse>

export const RunRequest = Type.Object(
  {
    cmd: Type.Literal('run'),
    seq: Type.Integer({ minimum: 0 }),
    case: Type.String({ description: 'The case id (for logs; the steps are the whole request)' }),
    steps: Type.Array(WireStep),
  },
  strict,
)
export type RunRequest = Static<typeof RunRequest>

/** One observation per step, in order; fewer if the implementation stopped early (the rest are not run). */
export const RunObserved = Type.Object(
  { seq: Type.Integer({ minimum: 0 }), observations: Type.Array(Observation) },
  strict,
)
/** The whole case cannot run here (why). */
export const RunSkipped = Type.Object({ seq: Type.Integer({ minimum: 0 }), skipped: Type.String() }, strict)
/** The implementation failed (its own fault, not the kernel's). */
export const RunErrored = Type.Object(
  {
    seq: Type.Integer({ minimum: 0 }),
    error: Type.Object({ message: Type.String(), detail: Type.Optional(Type.String()) }, strict),
  },
  strict,
)
export const RunResponse = Type.Union([RunObserved, RunSkipped, RunErrored])
export type RunResponse = Static<typeof RunResponse>

export const StopRequest = Type.Object({ cmd: Type.Literal('stop') }, strict)
export type StopRequest = Static<typeof StopRequest>

export const Request = Type.Union([HelloRequest, RunRequest, StopRequest])
export type Request = Static<typeof Request>

/** The longest line either side may send; longer lines are an error, never buffered without bound. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024
