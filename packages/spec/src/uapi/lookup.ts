// Reading a revision: constants by name, per-arch values, enums, and the info-field layout
// derived from the revision's own WATCH_INFO_* constants (so it is never stated twice).
import type { ConstantArch } from '../layout/arch.js'
import type { TStruct } from '../layout/struct.js'
import type { Constant, Revision } from './revisions/revision.js'
import { STRUCTS } from './structs/index.js'

export function findConstant(rev: Revision, name: string): Constant | undefined {
  return rev.constants.find((c) => c.name === name)
}

export function constant(rev: Revision, name: string): Constant {
  const c = findConstant(rev, name)
  if (!c) throw new Error(`${rev.id} has no constant ${name}`)
  return c
}

/** The value of a constant on one arch (falls back to the asm-generic value). */
export function valueOn(c: Constant, arch: ConstantArch = 'generic'): number {
  if (typeof c.value === 'number') return c.value
  return c.value[arch] ?? c.value.generic
}

/** Members of a C enum, in declaration order. */
export function enumMembers(rev: Revision, tag: string): Constant[] {
  return rev.constants.filter((c) => c.enum === tag)
}

export function struct(id: string): TStruct {
  const s = STRUCTS.get(id)
  if (!s) throw new Error(`unknown struct "${id}"`)
  return s
}

export interface InfoLayout {
  /** Mask of the length field. */
  readonly lengthMask: number
  /** Shift that turns the masked length field into units. */
  readonly lengthShift: number
  /** Bytes per length unit: 1 (pipe) or 8 (ring slots). */
  readonly lengthUnit: 1 | 8
  readonly idMask: number
  readonly idShift: number
  /** Type-specific bits (TYPE_INFO, or TYPE_FLAGS in the May-2019 layout). */
  readonly typeInfoMask: number
}

const trailingZeros = (n: number) => (n === 0 ? 0 : 31 - Math.clz32(n & -n))

export function infoLayout(rev: Revision): InfoLayout {
  if (!rev.lengthUnit) throw new Error(`${rev.id} has no watch_notification info field`)
  const lengthMask = valueOn(constant(rev, 'WATCH_INFO_LENGTH'))
  const idMask = valueOn(constant(rev, 'WATCH_INFO_ID')) >>> 0
  const typeInfo = findConstant(rev, 'WATCH_INFO_TYPE_INFO') ?? constant(rev, 'WATCH_INFO_TYPE_FLAGS')
  return {
    lengthMask,
    lengthShift: trailingZeros(lengthMask),
    lengthUnit: rev.lengthUnit === 'byte' ? 1 : 8,
    idMask,
    idShift: trailingZeros(idMask),
    typeInfoMask: valueOn(typeInfo) >>> 0,
  }
}

/** Record length in bytes as encoded in `info`. */
export function recordLength(layout: InfoLayout, info: number): number {
  return ((info & layout.lengthMask) >>> layout.lengthShift) * layout.lengthUnit
}
