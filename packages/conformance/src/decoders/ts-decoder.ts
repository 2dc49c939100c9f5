// The decoder protocol answered in-process by @watchq/decoder: `decode` + `recordToJson`, and a
// DecodeError as the protocol's error answer.
import { DecodeError, decode, REVISION_IDS, recordToJson } from '@watchq/decoder'
import { type DecodedRecordJson, type DecodeRequest, type DecodeResponse, fromHex } from '@watchq/spec'
import { VERSION } from '../version.js'
import type { DecoderEndpoint } from './endpoint.js'

type ErrorCode = Extract<DecodeResponse, { error: unknown }>['error']['code']

export function tsDecodeAnswer(request: DecodeRequest): DecodeResponse {
  const bytes = fromHex(request.hex)
  try {
    const records = decode(bytes, { revision: request.revision, endian: request.endian })
    return { seq: request.seq, records: records.map((r) => recordToJson(r) as DecodedRecordJson) }
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e
    return { seq: request.seq, error: { code: e.code as ErrorCode, offset: e.offset, message: e.message } }
  }
}

export function tsDecoder(): DecoderEndpoint {
  return {
    spec: 'ts',
    name: `@watchq/decoder ${VERSION}`,
    revisions: REVISION_IDS,
    decode: async (request) => tsDecodeAnswer(request),
    close: async () => {},
  }
}
