// Internal consistency of a struct's declared layout on one arch: every member annotated, the
// declared offsets/size/alignment equal to what the C rules give, no two members overlapping, and
// members plus padding tiling the struct exactly. Returns problems as readable lines.
import type { LayoutArch } from './arch.js'
import { computeLayout } from './compute.js'
import { LAYOUT_KEYWORD } from './keywords.js'
import { alignOn, fieldLayout, members, offsetOn, sizeOn, structLayout } from './read.js'
import type { TStruct } from './struct.js'

export function layoutProblems(s: TStruct, arch: LayoutArch): string[] {
  const l = structLayout(s)
  const where = `${l.id} on ${arch}`
  const unannotated = Object.entries(s.properties).filter(([, p]) => !fieldLayout(p))
  if (unannotated.length) return unannotated.map(([n]) => `${where}: ${n} has no ${LAYOUT_KEYWORD}`)

  const problems: string[] = []
  const computed = computeLayout(s, arch)
  if (computed.size !== sizeOn(l, arch))
    problems.push(`${where}: sizeof declared ${sizeOn(l, arch)}, C rules give ${computed.size}`)
  if (computed.align !== alignOn(l, arch))
    problems.push(`${where}: align declared ${alignOn(l, arch)}, C rules give ${computed.align}`)

  const declared = members(s)
  for (const [i, m] of declared.entries()) {
    const c = computed.members[i]!
    const off = offsetOn(m.layout, arch)
    if (c.offset !== off) problems.push(`${where}: ${m.name} offset declared ${off}, C rules give ${c.offset}`)
    if (m.layout.bitfield && m.layout.bitfield.position !== c.position) {
      problems.push(
        `${where}: ${m.name} bit position declared ${m.layout.bitfield.position}, C rules give ${c.position}`,
      )
    }
    if (!m.layout.flexible && m.layout.size !== c.size) {
      problems.push(`${where}: ${m.name} size declared ${m.layout.size}, C rules give ${c.size}`)
    }
  }

  // Storage units: a bitfield group occupies its unit once; its bit ranges must not overlap.
  const units = new Map<number, { size: number; names: string[]; bits: Array<[number, number, string]> }>()
  for (const m of declared) {
    if (m.layout.flexible) continue
    const off = offsetOn(m.layout, arch)
    const u = units.get(off)
    if (m.layout.bitfield && u?.bits.length) {
      u.bits.push([m.layout.bitfield.position, m.layout.bitfield.width, m.name])
      u.names.push(m.name)
      continue
    }
    if (u) {
      problems.push(`${where}: ${m.name} starts where ${u.names.join(', ')} starts`)
      continue
    }
    const bits: Array<[number, number, string]> = m.layout.bitfield
      ? [[m.layout.bitfield.position, m.layout.bitfield.width, m.name]]
      : []
    units.set(off, { size: m.layout.size, names: [m.name], bits })
  }
  for (const u of units.values()) {
    const sorted = [...u.bits].sort((a, b) => a[0] - b[0])
    for (let i = 1; i < sorted.length; i++) {
      const [p0, w0, n0] = sorted[i - 1]!
      if (p0 + w0 > sorted[i]![0]) problems.push(`${where}: bitfields ${n0} and ${sorted[i]![2]} overlap`)
    }
    const used = sorted.reduce((n, [, w]) => n + w, 0)
    if (used > u.size * 8) problems.push(`${where}: bitfields ${u.names.join(', ')} exceed their ${u.size}-byte unit`)
  }

  // Tiling: sorted units with the gaps between them must cover [0, sizeof) exactly.
  const ranges = [...units.entries()].map(([off, u]) => [off, off + u.size, u.names.join('+')] as const)
  ranges.sort((a, b) => a[0] - b[0])
  let end = 0
  let padding = 0
  for (const [start, stop, name] of ranges) {
    if (start < end) problems.push(`${where}: ${name} overlaps the member before it`)
    padding += Math.max(0, start - end)
    end = Math.max(end, stop)
  }
  const size = sizeOn(l, arch)
  const memberBytes = ranges.reduce((n, [a, b]) => n + (b - a), 0)
  if (end > size) problems.push(`${where}: members end at ${end}, beyond sizeof ${size}`)
  const tail = size - end
  if (memberBytes + padding + tail !== size)
    problems.push(`${where}: members ${memberBytes} + padding ${padding + tail} != sizeof ${size}`)
  if (tail >= Math.max(alignOn(l, arch), 1) && !declared.some((m) => m.layout.flexible)) {
    problems.push(`${where}: ${tail} bytes of tail padding is at least the alignment`)
  }
  return problems
}
