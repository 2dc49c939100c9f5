// Observed record bytes as the records they decode to, in the byte order and revision of the
// implementation that produced them.
import { DecodeError, decode, type JsonValue, recordToJson } from '@watchq/decoder'
import { fromHex } from '@watchq/spec'

export interface DecodeContext {
  readonly endian: 'little' | 'big'
  readonly revision: string
}

/** Decodes observed bytes to JSON records, or says why they do not decode. */
export function decodeObserved(hex: string, ctx: DecodeContext): { records: JsonValue[] } | { error: string } {
  try {
    return { records: decode(fromHex(hex), { endian: ctx.endian, revision: ctx.revision }).map(recordToJson) }
  } catch (e) {
    if (e instanceof DecodeError) return { error: `the observed bytes do not decode: ${e.message}` }
    throw e
  }
}
