// What the walkers (openWalker, the generated classes) must report for a stream: decode()'s records as plain
// field tuples with the first payload words, or decode()'s DecodeError as [code, offset].
import { DecodeError, decode } from '../../src/index.js'

export type Walk = { records: (number | bigint)[][] } | { error: [string, number] }

/** Runs `collect`, turning a DecodeError into the same shape decode()'s would have. */
export function walkOrError(collect: () => (number | bigint)[][]): Walk {
  try {
    return { records: collect() }
  } catch (e) {
    if (e instanceof DecodeError) return { error: [e.code, e.offset] }
    throw e
  }
}

export type Field =
  | 'offset'
  | 'length'
  | 'type'
  | 'subtype'
  | 'info'
  | 'watchId'
  | 'typeInfo'
  | 'u32@8'
  | 'u32@12'
  | 'word@8'
  | 'word@12'
  | 'u64@8'

/**
 * decode()'s view of `bytes`: per record the `fields` asked for, payload words 0 past the record's end
 * (`word@…` are read only inside the record by the caller, 0 otherwise: the same numbers).
 */
export function viaDecode(
  bytes: Uint8Array,
  opts: { revision: string; endian: 'little' | 'big' },
  fields: readonly Field[],
): Walk {
  const little = opts.endian === 'little'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return walkOrError(() =>
    decode(bytes, opts).map((r) =>
      fields.map((f) => {
        switch (f) {
          case 'u32@8':
          case 'u32@12':
          case 'word@8':
          case 'word@12': {
            const rel = f.endsWith('@8') ? 8 : 12
            return rel + 4 > r.length ? 0 : view.getUint32(r.offset + rel, little)
          }
          case 'u64@8':
            return 16 > r.length ? 0n : view.getBigUint64(r.offset + 8, little)
          default:
            return r[f]
        }
      }),
    ),
  )
}
