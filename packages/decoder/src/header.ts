// The record-header check every reader shares. A record starts with an 8-byte header whose info
// word gives the record's length; that length must cover the header and fit the bytes left. This
// function is the one definition of that rule and of the DecodeError each violation gets: decode(),
// the stream decoder and the ring decoder call it per record, and the generated walkers (which
// check the same rule inline, with the layout's constants as literals) build their errors with it.
import { DecodeError } from './errors.js'
import { lengthOf, type Resolved } from './options.js'

/**
 * Length of the record at `at`, validated against the bytes available (`end - at`), or throws.
 * `base` is added to offsets in errors (the streaming decoder's position in the stream).
 */
export function recordLengthAt(r: Resolved, view: DataView, at: number, end: number, base: number): number {
  if (end - at < 8) throw new DecodeError('short-header', base + at, `${end - at} bytes left, a record header needs 8`)
  const length = lengthOf(r.rev, view.getUint32(at + 4, r.little))
  if (length < 8)
    throw new DecodeError('length-too-small', base + at, `record length ${length} is below the 8-byte header`)
  if (length > end - at) {
    throw new DecodeError('truncated', base + at, `record length ${length} runs past the end (${end - at} bytes left)`)
  }
  return length
}
