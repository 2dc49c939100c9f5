// The fast way to a cursor: the generated class for the revision's layout and byte order.
import { RecordCursor } from './cursor.js'
import { CURSORS } from './generated/cursors.js'
import { type DecodeOptions, HOST_ENDIAN } from './options.js'

/**
 * A cursor whose next() is specialised for the revision's layout (same results as
 * `new RecordCursor`, faster).
 *
 *     const c = openCursor(bytes, { endian: 'little' })
 *     while (c.next()) if (c.type === 1) use(c.subtype, c.u32(8), c.u32(12)) // key: keyId, aux
 */
export function openCursor(bytes: Uint8Array, opts: DecodeOptions = {}): RecordCursor {
  const classes = CURSORS[opts.revision ?? 'mainline']
  // An unknown revision or endian is reported by the constructor, with the known values.
  const Cursor = classes ? classes[opts.endian ?? HOST_ENDIAN] : RecordCursor
  return new (Cursor ?? RecordCursor)(bytes, opts)
}
