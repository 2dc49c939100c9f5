// A plain-text table of a revision: its structs laid out for one arch, then its constants.
import type { LayoutArch } from '../layout/arch.js'
import { computeLayout } from '../layout/compute.js'
import { members, structLayout } from '../layout/read.js'
import { struct, valueOn } from '../uapi/lookup.js'
import type { Constant, Revision } from '../uapi/revisions/revision.js'
import { literal } from './c-header.js'

const pad = (s: string | number, n: number) => String(s).padStart(n)
const mark = (c?: string) => (c && c !== 'confirmed' ? ` [${c}]` : '')

export function structTable(id: string, arch: LayoutArch): string {
  const s = struct(id)
  const l = structLayout(s)
  const c = computeLayout(s, arch)
  const rows = members(s).map((m, i) => {
    const cm = c.members[i]!
    const size = m.layout.flexible ? '[]' : m.layout.bitfield ? `${m.layout.bitfield.width}b` : String(cm.size)
    const bits =
      cm.shift !== undefined ? ` (bits ${cm.shift}..${cm.shift + m.layout.bitfield!.width - 1} of the native u32)` : ''
    const arr = m.layout.count ? `[${m.layout.count}]` : ''
    return `  ${pad(cm.offset, 4)} ${pad(size, 4)}  ${m.layout.ctype} ${m.name}${arr}${bits}${mark(m.layout.confidence)}`
  })
  return [
    `${l.c}  (${id}; sizeof ${c.size}, align ${c.align} on ${arch})${mark(l.confidence)}`,
    '   off size',
    ...rows,
  ].join('\n')
}

function constantLine(c: Constant): string {
  const v = literal(c, valueOn(c)) + (c.c && c.c !== c.name ? `  = ${c.c}` : '')
  const perArch =
    typeof c.value === 'object'
      ? ` (${Object.entries(c.value)
          .filter(([a]) => a !== 'generic')
          .map(([a, n]) => `${a} 0x${Number(n).toString(16)}`)
          .join(', ')})`
      : ''
  return `  ${c.name.padEnd(42)} ${v}${perArch}${mark(c.confidence)}${c.kernelInternal ? ' (kernel-internal)' : ''}`
}

export function revisionTable(rev: Revision, arch: LayoutArch): string {
  const head = [
    `${rev.id}: ${rev.title}`,
    `  date ${rev.date.value}${mark(rev.date.confidence)}, ${rev.status}, transport ${rev.transport}` +
      (rev.lengthUnit ? `, length in ${rev.lengthUnit === 'byte' ? 'bytes' : '8-byte slots'}` : '') +
      mark(rev.confidence),
    `  setup: ${rev.setup}`,
  ]
  if (rev.note) head.push(`  note: ${rev.note}`)
  return [
    ...head,
    '',
    ...rev.structs.map((id) => `${structTable(id, arch)}\n`),
    'constants:',
    ...rev.constants.map(constantLine),
    ...(rev.notes.length ? ['', 'notes:', ...rev.notes.map((n) => `  - ${n}`)] : []),
  ].join('\n')
}
