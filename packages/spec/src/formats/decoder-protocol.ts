// Decoder protocol v1: how `watchq check-decoder` talks to a record decoder in any language. JSON
// lines over the decoder's stdin/stdout: the runner sends `hello`, then one `decode` per stream,
// and closes stdin to stop; the decoder answers each request with one line, in order.
// Records are the JSON form of `watchq decode --format json`: header fields, `kind`, the kind's
// payload fields; u64 as a decimal string, byte arrays as lower-case hex.
import { type Static, Type } from '@sinclair/typebox'

export const DECODER_PROTOCOL_VERSION = 1
const strict = { additionalProperties: false } as const

export const DecoderHelloRequest = Type.Object(
  { cmd: Type.Literal('hello'), protocol: Type.Literal(DECODER_PROTOCOL_VERSION) },
  strict,
)
export type DecoderHelloRequest = Static<typeof DecoderHelloRequest>

export const DecoderHelloResponse = Type.Object(
  {
    protocol: Type.Literal(DECODER_PROTOCOL_VERSION),
    name: Type.String({ minLength: 1, description: 'The decoder, e.g. "watchq-c-decoder 0.1.0"' }),
    revisions: Type.Array(Type.String(), { description: 'Revision ids the decoder knows (REVISION_IDS)' }),
  },
  strict,
)
export type DecoderHelloResponse = Static<typeof DecoderHelloResponse>

export const DecodeRequest = Type.Object(
  {
    cmd: Type.Literal('decode'),
    seq: Type.Integer({ minimum: 0 }),
    revision: Type.String(),
    endian: Type.Union([Type.Literal('little'), Type.Literal('big')]),
    hex: Type.String({ pattern: '^([0-9a-f]{2})*$', description: 'The stream, lower-case hex' }),
  },
  strict,
)
export type DecodeRequest = Static<typeof DecodeRequest>

/** A decoded record; the common fields are required, the kind's payload fields follow. */
export const DecodedRecordJson = Type.Object(
  {
    offset: Type.Integer({ minimum: 0 }),
    length: Type.Integer({ minimum: 8 }),
    kind: Type.String(),
    type: Type.Integer({ minimum: 0 }),
    subtype: Type.Integer({ minimum: 0 }),
    watchId: Type.Integer({ minimum: 0 }),
    typeInfo: Type.Integer({ minimum: 0 }),
    info: Type.Integer({ minimum: 0 }),
  },
  {
    additionalProperties: Type.Union([Type.Integer(), Type.String(), Type.Null()]),
    description: 'Payload fields: u8–u32 as numbers, u64 as decimal strings, bytes as hex, event names or null',
  },
)
/** The common fields, and the payload fields by name (TypeBox's Static does not carry additionalProperties). */
export type DecodedRecordJson = Static<typeof DecodedRecordJson> & { readonly [field: string]: number | string | null }

export const DecodeErrorJson = Type.Object(
  {
    code: Type.Union(
      ['short-header', 'length-too-small', 'truncated', 'record-too-short', 'unknown-type'].map((c) => Type.Literal(c)),
    ),
    offset: Type.Integer({ minimum: 0 }),
    message: Type.Optional(Type.String()),
  },
  strict,
)

/** Every record, or the first malformed one (decoding stops there: no records are reported). */
export const DecodeResponse = Type.Union([
  Type.Object({ seq: Type.Integer({ minimum: 0 }), records: Type.Array(DecodedRecordJson) }, strict),
  Type.Object({ seq: Type.Integer({ minimum: 0 }), error: DecodeErrorJson }, strict),
])
export type DecodeResponse =
  | { readonly seq: number; readonly records: readonly DecodedRecordJson[] }
  | { readonly seq: number; readonly error: Static<typeof DecodeErrorJson> }
