// Options shared by every decoding entry point, resolved once per call.
import type { Endian } from './record.js'
import { type Revision, revision } from './revisions.js'

export interface DecodeOptions {
  /** Revision id (see REVISION_IDS). Default: 'mainline'. */
  readonly revision?: string
  /** Byte order of the producing kernel. Default: this machine's. */
  readonly endian?: Endian
  /** Reject unknown types/subtypes and malformed known records instead of returning `unknown`. */
  readonly strict?: boolean
}

export const HOST_ENDIAN: Endian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'little' : 'big'

export interface Resolved {
  readonly rev: Revision
  readonly little: boolean
  readonly strict: boolean
  /** Shift and mask of `type` and `subtype` in the native header word. */
  readonly typeShift: number
  readonly typeMask: number
  readonly subtypeShift: number
  readonly subtypeMask: number
}

export function resolve(opts: DecodeOptions = {}): Resolved {
  const rev = revision(opts.revision ?? 'mainline')
  const endian = opts.endian ?? HOST_ENDIAN
  if (endian !== 'little' && endian !== 'big') throw new RangeError(`endian must be "little" or "big", not "${endian}"`)
  const little = endian === 'little'
  const { type, subtype } = rev.header
  return {
    rev,
    little,
    strict: opts.strict ?? false,
    typeShift: little ? type.le : type.be,
    typeMask: 2 ** type.width - 1,
    subtypeShift: little ? subtype.le : subtype.be,
    subtypeMask: 2 ** subtype.width - 1,
  }
}

/** Record length in bytes encoded in an info word. */
export const lengthOf = (rev: Revision, info: number) => ((info & rev.lengthMask) >>> rev.lengthShift) * rev.lengthUnit
