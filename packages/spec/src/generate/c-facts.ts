// Turns a revision into C expressions whose values a compiler can be asked for (sizeof, _Alignof,
// offsetof, constants) together with the value the spec expects on a given arch. The gcc
// cross-check compiles them into a data section and compares, fact by fact.
import { ABIS, type LayoutArch } from '../layout/arch.js'
import { bitShift, computeLayout } from '../layout/compute.js'
import { alignOn, members, offsetOn, sizeOn, structLayout } from '../layout/read.js'
import { struct, valueOn } from '../uapi/lookup.js'
import type { Revision } from '../uapi/revisions/revision.js'

export interface Fact {
  readonly label: string
  /** C expression evaluated by the compiler. */
  readonly expr: string
  readonly expected: bigint
}

export function structFacts(rev: Revision, arch: LayoutArch): Fact[] {
  const facts: Fact[] = []
  for (const id of rev.structs) {
    const s = struct(id)
    const l = structLayout(s)
    const prefix = l.union ? `${l.union.member}.` : ''
    facts.push({ label: `sizeof(${l.c})`, expr: `sizeof(${l.c})`, expected: BigInt(sizeOn(l, arch)) })
    facts.push({ label: `_Alignof(${l.c})`, expr: `_Alignof(${l.c})`, expected: BigInt(alignOn(l, arch)) })
    for (const m of members(s)) {
      if (m.layout.bitfield) continue // offsetof cannot name a bitfield; see bitfieldProbe
      facts.push({
        label: `offsetof(${l.c}, ${prefix}${m.name})`,
        expr: `offsetof(${l.c}, ${prefix}${m.name})`,
        expected: BigInt(offsetOn(m.layout, arch)),
      })
    }
  }
  return facts
}

/** Every constant a UAPI header defines, with the value expected on this arch. */
export function constantFacts(rev: Revision, arch: LayoutArch): Fact[] {
  const consts = rev.constants.filter((c) => !c.kernelInternal)
  return consts.map((c) => ({
    label: c.name,
    expr: c.name,
    expected: BigInt.asUintN(64, BigInt(valueOn(c, ABIS[arch].constants))),
  }))
}

/** A static watch_notification with known field values, and the bytes the spec predicts for it. */
export const BITFIELD_PROBE = { type: 0x123456, subtype: 0xab, info: 0x01020304 } as const

export function bitfieldProbeBytes(headerId: string, arch: LayoutArch): Uint8Array {
  const abi = ABIS[arch]
  const layout = computeLayout(struct(headerId), arch)
  const word = (name: 'type' | 'subtype') => {
    const m = layout.members.find((x) => x.name === name)
    if (m?.shift === undefined) throw new Error(`${headerId}.${name} is not a bitfield`)
    return BigInt(BITFIELD_PROBE[name]) << BigInt(m.shift)
  }
  const w0 = Number(word('type') | word('subtype'))
  // Cross-check the shifts against the allocation rule directly, so a wrong rule cannot pass twice.
  if (bitShift(abi.endian, 32, 0, 24) !== (abi.endian === 'little' ? 0 : 8)) throw new Error('bitShift rule broken')
  const out = new DataView(new ArrayBuffer(8))
  out.setUint32(0, w0, abi.endian === 'little')
  out.setUint32(4, BITFIELD_PROBE.info, abi.endian === 'little')
  return new Uint8Array(out.buffer)
}

/** The C translation unit that puts the facts and the bitfield probe into named sections. */
export function factsSource(includes: string[], facts: readonly Fact[], withBitfieldProbe: boolean): string {
  const lines = ['#include <stddef.h>', ...includes.map((i) => `#include ${i}`), '']
  lines.push('static const unsigned long long watchq_facts[] __attribute__((used, section(".watchq_facts"))) = {')
  for (const f of facts) lines.push(`\t(unsigned long long)(${f.expr}), /* ${f.label} */`)
  lines.push('};')
  if (withBitfieldProbe) {
    const p = BITFIELD_PROBE
    lines.push(
      'static const struct watch_notification watchq_bits __attribute__((used, section(".watchq_bits"))) = {',
      `\t.type = 0x${p.type.toString(16)}, .subtype = 0x${p.subtype.toString(16)}, .info = 0x${p.info.toString(16)},`,
      '};',
    )
  }
  return `${lines.join('\n')}\n`
}
