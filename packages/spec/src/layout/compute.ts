// The C layout rules (System V psABIs of x86_64, i386 and s390x) applied to a struct's
// declaration. The spec states offsets and sizes as facts; this computes them independently so
// the meta-tests can hold the facts to the rules, and gcc holds both to a real compiler.
import type { TSchema } from '@sinclair/typebox'
import { ABIS, type Endian, type LayoutArch } from './arch.js'
import { isScalar, SCALAR_SIZE, scalarAlign } from './ctype.js'
import type { FieldLayout } from './keywords.js'
import { flexElement, isStruct, members, structLayout } from './read.js'
import type { TStruct } from './struct.js'

export interface ComputedMember {
  readonly name: string
  readonly offset: number
  readonly size: number
  readonly align: number
  /** For bitfields: the first bit in allocation order. */
  readonly position?: number
  /** For bitfields: the shift of the field within its storage unit read as a native integer. */
  readonly shift?: number
}

export interface ComputedStruct {
  readonly size: number
  readonly align: number
  readonly members: readonly ComputedMember[]
}

const roundUp = (n: number, a: number) => Math.ceil(n / a) * a

/**
 * Where a bitfield sits in its storage unit read natively: little-endian ABIs allocate from the
 * least significant bit, big-endian ABIs from the most significant bit.
 */
export function bitShift(endian: Endian, unitBits: number, position: number, width: number): number {
  return endian === 'little' ? position : unitBits - position - width
}

function nestedStruct(m: { schema: TSchema; layout: FieldLayout }): TStruct | undefined {
  return m.layout.ctype.startsWith('struct ') && isStruct(m.schema) ? m.schema : undefined
}

export function computeLayout(s: TStruct, arch: LayoutArch): ComputedStruct {
  const abi = ABIS[arch]
  const out: ComputedMember[] = []
  let cursor = 0
  let maxAlign = 1
  // Open bitfield storage unit: its start and the next free bit in allocation order.
  let unit: { start: number; bits: number; used: number } | undefined
  for (const m of members(s)) {
    const l = m.layout
    let align: number
    let size: number
    if (l.flexible) {
      const el = flexElement(m)
      align = el ? computeLayout(el, arch).align : isScalar(l.ctype) ? scalarAlign(l.ctype, abi) : 1
      size = 0
    } else if (nestedStruct(m)) {
      const inner = computeLayout(nestedStruct(m)!, arch)
      align = inner.align
      size = inner.size
    } else if (isScalar(l.ctype)) {
      align = scalarAlign(l.ctype, abi)
      size = SCALAR_SIZE[l.ctype] * (l.count ?? 1)
    } else {
      throw new Error(`${structLayout(s).id}.${m.name}: unknown ctype ${l.ctype}`)
    }
    maxAlign = Math.max(maxAlign, align)
    if (l.bitfield) {
      const bits = 8 * SCALAR_SIZE[l.ctype as '__u32']
      const { width } = l.bitfield
      if (!unit || unit.used + width > bits) {
        unit = { start: roundUp(cursor, align), bits, used: 0 }
        cursor = unit.start + bits / 8
      }
      const position = unit.used
      unit.used += width
      out.push({
        name: m.name,
        offset: unit.start,
        size,
        align,
        position,
        shift: bitShift(abi.endian, bits, position, width),
      })
      continue
    }
    unit = undefined
    const offset = roundUp(cursor, align)
    out.push({ name: m.name, offset, size, align })
    cursor = offset + size
  }
  const declared = structLayout(s).aligned ?? 1
  const align = Math.max(maxAlign, declared)
  return { size: roundUp(cursor, align), align, members: out }
}
