// Writes decoder-c/tables.h, the C reference decoder's revision tables, from @watchq/decoder's
// linked tables (header bitfields, info masks, rules, struct fields). The C decoder holds no layout
// of its own. Run: npm run generate -w @watchq/kernel
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixedPart, REVISION_IDS, type Revision, revision, type StructTable } from '@watchq/decoder'

type Rule = Revision['rules'][number]

export const C_TABLES_PATH = fileURLToPath(new URL('../decoder-c/tables.h', import.meta.url))
export const C_TABLES_COMMAND = 'npm run generate -w @watchq/kernel'

const FIELD_TYPES: Readonly<Record<string, string>> = { u8: 'WQ_U8', u16: 'WQ_U16', u32: 'WQ_U32', u64: 'WQ_U64' }
const FIELD_SIZES: Readonly<Record<string, number>> = { u8: 1, u16: 2, u32: 4, u64: 8 }

/** A C string literal of a printable ASCII string (JSON's escapes of `"` and `\` are C's). */
function cString(s: string): string {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`"${s}" is not printable ASCII`)
  return JSON.stringify(s)
}

const hex32 = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}u`

function structCName(id: string): string {
  return `wq_struct_${id.replace(/[^A-Za-z0-9]+/g, '_')}`
}

/** The struct's definition; throws on a field the C decoder does not read. */
function structSource(s: StructTable): string[] {
  const name = structCName(s.id)
  const fields = s.fields.map((f) => {
    if (f.count !== undefined) throw new Error(`${s.id}.${f.c}: fixed arrays are not record payload`)
    if (f.type === 'bytes') {
      const count = s.fields.findIndex((g) => g.name === f.lengthField)
      if (count < 0 || FIELD_TYPES[s.fields[count]!.type] === undefined)
        throw new Error(`${s.id}.${f.c}: its count field "${f.lengthField}" is not a number field of the struct`)
      return `\t{ ${cString(f.name)}, ${f.offset}, WQ_BYTES, ${count} },`
    }
    const t = FIELD_TYPES[f.type]
    if (t === undefined) throw new Error(`${s.id}.${f.c}: ${f.type} is not a record payload type`)
    return `\t{ ${cString(f.name)}, ${f.offset}, ${t}, -1 },`
  })
  const out: string[] = []
  if (fields.length) out.push(`static const struct wq_field ${name}_fields[] = {`, ...fields, '};')
  out.push(
    `static const struct wq_struct ${name} = { ${cString(s.id)}, ${s.size}, ${s.fields.length}, ${fields.length ? `${name}_fields` : 'NULL'} };`,
    '',
  )
  return out
}

/** Checks what decode.ts relies on without checking: fixed fields lie within the fixed part. */
function checkRule(rev: Revision, rule: Rule): void {
  for (const s of rule.structs) {
    for (const f of s.fields) {
      const size = FIELD_SIZES[f.type]
      if (size !== undefined && f.offset + size > fixedPart(rule, s))
        throw new Error(`${rev.id} ${rule.kind}: ${s.id}.${f.c} lies beyond the struct's fixed part`)
    }
  }
  for (const k of Object.keys(rule.events)) {
    if (!/^\d+$/.test(k) || Number(k) > 255) throw new Error(`${rev.id} ${rule.kind}: event subtype "${k}"`)
  }
}

/** Source text of decoder-c/tables.h. */
export function cDecoderTables(): string {
  const revs = REVISION_IDS.map((id) => revision(id))
  const structs = new Map<string, StructTable>()
  for (const rev of revs) for (const rule of rev.rules) for (const s of rule.structs) structs.set(s.id, s)
  const names = new Map<string, string>()
  for (const id of structs.keys()) {
    const clash = names.get(structCName(id))
    if (clash !== undefined) throw new Error(`structs ${clash} and ${id} get the same C name`)
    names.set(structCName(id), id)
  }

  const lines = [
    '/* SPDX-License-Identifier: MIT */',
    '/* Generated from @watchq/decoder by scripts/generate-c-decoder-tables.ts. Do not edit:',
    ` * run \`${C_TABLES_COMMAND}\`. */`,
    '#ifndef WATCHQ_C_DECODER_TABLES_H',
    '#define WATCHQ_C_DECODER_TABLES_H',
    '',
    '#include <stddef.h>',
    '',
    '#include "model.h"',
    '',
  ]
  for (const id of [...structs.keys()].sort()) lines.push(...structSource(structs.get(id)!))

  revs.forEach((rev, ri) => {
    const { type, subtype } = rev.header
    // decode.ts masks type/subtype as 32-bit numbers and indexes rules by (type << 8 | subtype).
    if (type.width >= 32 || subtype.width > 8) throw new Error(`${rev.id}: header bitfields wider than handled`)
    const rules: string[] = []
    rev.rules.forEach((rule, i) => {
      if (!rule.structs.length) throw new Error(`${rev.id} ${rule.kind}: a rule without structs`)
      checkRule(rev, rule)
      const p = `wq_r${ri}_${i}`
      lines.push(
        `static const struct wq_struct *const ${p}_structs[] = { ${rule.structs.map((s) => `&${structCName(s.id)}`).join(', ')} };`,
      )
      const events = Object.entries(rule.events)
        .map(([k, v]) => [Number(k), v] as const)
        .sort((a, b) => a[0] - b[0])
      if (events.length) {
        lines.push(
          `static const struct wq_event ${p}_events[] = {`,
          ...events.map(([k, v]) => `\t{ ${k}, ${cString(v)} },`),
          '};',
        )
      }
      const length = { fixed: 'WQ_LENGTH_FIXED', padding: 'WQ_LENGTH_PADDING', flexible: 'WQ_LENGTH_FLEXIBLE' }[
        rule.length.kind
      ]
      const base = rule.length.kind === 'flexible' ? rule.length.base : 0
      rules.push(
        `\t{ .kind = ${cString(rule.kind)}, .type = ${rule.type}u, .subtype = ${rule.subtype ?? 'WQ_ANY_SUBTYPE'}, .evented = ${rule.evented},`,
        `\t  .length = ${length}, .base = ${base}, .nstructs = ${rule.structs.length}, .structs = ${p}_structs,`,
        `\t  .nevents = ${events.length}, .events = ${events.length ? `${p}_events` : 'NULL'} },`,
      )
    })
    lines.push(`static const struct wq_rule wq_r${ri}_rules[] = {`, ...rules, '};', '')
  })

  lines.push(
    `#define WQ_REVISION_COUNT ${revs.length}`,
    '',
    'static const struct wq_revision wq_revisions[WQ_REVISION_COUNT] = {',
  )
  revs.forEach((rev, ri) => {
    const { type, subtype } = rev.header
    lines.push(
      `\t{ .id = ${cString(rev.id)}, .length_unit = ${rev.lengthUnit}, .length_mask = ${hex32(rev.lengthMask)}, .length_shift = ${rev.lengthShift},`,
      `\t  .id_mask = ${hex32(rev.idMask)}, .id_shift = ${rev.idShift}, .type_info_mask = ${hex32(rev.typeInfoMask)}, .type_info_shift = ${rev.typeInfoShift},`,
      `\t  .type = { ${type.le}, ${type.be}, ${type.width} }, .subtype = { ${subtype.le}, ${subtype.be}, ${subtype.width} },`,
      `\t  .nrules = ${rev.rules.length}, .rules = wq_r${ri}_rules },`,
    )
  })
  lines.push('};', '', '#endif', '')
  return lines.join('\n')
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(C_TABLES_PATH, cDecoderTables())
  console.log(`wrote ${C_TABLES_PATH}`)
}
