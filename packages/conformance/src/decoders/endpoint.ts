// A record decoder the checker can drive: the TypeScript decoder in this process, or any program
// speaking the decoder protocol (packages/spec/src/formats/decoder-protocol.ts) on stdin/stdout.
import type { DecodeRequest, DecodeResponse } from '@watchq/spec'

export interface DecoderEndpoint {
  /** As the user named it: `ts`, `c`, `cmd:…`. */
  readonly spec: string
  /** What the decoder calls itself in its hello. */
  readonly name: string
  /** Revision ids it knows. */
  readonly revisions: readonly string[]
  decode(request: DecodeRequest): Promise<DecodeResponse>
  close(): Promise<void>
}
