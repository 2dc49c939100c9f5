// A capture: what one implementation did for one case. JSON lines: the header, then one line per
// step (the step as sent, the observation as received). Replayed, its observations become the
// expectations, with fds and serials bound by position.
import { type Static, Type } from '@sinclair/typebox'
import { ImplementationInfo } from './implementation.js'
import { Observation } from './observation.js'
import { Requires } from './requires.js'
import { WireStep } from './steps/index.js'

export const CAPTURE_VERSION = 1

/** Where a capture came from, beyond the implementation's hello. */
export const CaptureProvenance = Type.Object(
  {
    impl: Type.String({ description: 'The --impl argument, e.g. vm:x86_64-6.12' }),
    caseSha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'sha256 of the case file as run' }),
  },
  {
    additionalProperties: Type.String(),
    description: 'Plus what the implementation can say: kernel config hash, Debian package, agent hash, accelerator…',
  },
)
export type CaptureProvenance = Static<typeof CaptureProvenance>

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
    provenance: Type.Optional(CaptureProvenance),
  },
  { additionalProperties: false },
)
export type CaptureHeader = Static<typeof CaptureHeader>

export const CaptureLine = Type.Object({ step: WireStep, observation: Observation }, { additionalProperties: false })
export type CaptureLine = Static<typeof CaptureLine>

/** A directory of captures from one run: what ran where, and the sha256 of every capture file. */
export const CaptureManifest = Type.Object(
  {
    manifest: Type.Literal(CAPTURE_VERSION),
    captured: Type.String({ description: 'ISO 8601 time of the run' }),
    impl: Type.String(),
    implementation: ImplementationInfo,
    watchq: Type.String(),
    provenance: Type.Record(Type.String(), Type.String()),
    /** Capture file (relative path) → sha256 and the status its case had in that run. */
    files: Type.Record(
      Type.String(),
      Type.Object(
        { sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), status: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type CaptureManifest = Static<typeof CaptureManifest>
