// A capture: what one implementation did for one case. JSON lines: the header, then one line per
// step (the step as sent, the observation as received). Replayed, its observations become the
// expectations, with fds and serials bound by position.
import { type Static, Type } from '@sinclair/typebox'
import { ImplementationInfo } from './implementation.js'
import { Observation } from './observation.js'
import { Requires } from './requires.js'
import { WireStep } from './steps/index.js'

export const CAPTURE_VERSION = 1

export const CaptureHeader = Type.Object(
  {
    capture: Type.Literal(CAPTURE_VERSION),
    case: Type.String({ description: 'The id of the case that was run' }),
    description: Type.String(),
    reference: Type.Optional(Type.String()),
    requires: Type.Optional(Requires),
    implementation: ImplementationInfo,
    recorded: Type.String({ description: 'ISO 8601 time of the run' }),
    watchq: Type.String({ description: 'watchq version that recorded it' }),
  },
  { additionalProperties: false },
)
export type CaptureHeader = Static<typeof CaptureHeader>

export const CaptureLine = Type.Object({ step: WireStep, observation: Observation }, { additionalProperties: false })
export type CaptureLine = Static<typeof CaptureLine>
