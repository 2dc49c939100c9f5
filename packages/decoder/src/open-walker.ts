// The fast way to a walker: the generated class for the revision's layout and byte order, reading
// words from a Uint32Array where the input allows it.
import { hostWords } from './bulk.js'
import { WALKERS } from './generated/walkers.js'
import { type DecodeOptions, HOST_ENDIAN } from './options.js'
import { RecordWalker } from './walker.js'

/**
 * A walker whose methods are specialised for the revision's layout (same results as
 * `new RecordWalker`, faster). The caller keeps the offset:
 *
 *     const w = openWalker(bytes, { endian: 'little' })
 *     for (let at = w.first(); at !== -1; at = w.next(at))
 *       if (w.type(at) === 1) use(w.subtype(at), w.u32(at, 8), w.u32(at, 12)) // key: keyId, aux
 *
 * `word(at, rel)` reads like `u32` without checking `rel` against the record's length, for loops
 * that check `length(at)` themselves (the fastest way to the payload).
 */
export function openWalker(bytes: Uint8Array, opts: DecodeOptions = {}): RecordWalker {
  const endian = opts.endian ?? HOST_ENDIAN
  const pair = WALKERS[opts.revision ?? 'mainline']?.[endian]
  // An unknown revision or endian is reported by the constructor, with the known values.
  if (!pair) return new RecordWalker(bytes, opts)
  const Walker = hostWords(bytes, endian === 'little') !== null ? pair.words : pair.view
  return new Walker(bytes, opts)
}
