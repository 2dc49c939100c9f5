// Turns @watchq/spec into the decoder's plain-data tables. Imported by scripts/generate.ts (which
// writes src/generated/revisions.ts) and by the freshness test (which compares with that file).
import {
  computeLayout,
  constant,
  enumMembers,
  infoLayout,
  LAYOUT_ARCHES,
  members,
  offsetOn,
  REVISIONS,
  type Revision,
  STRUCTS,
  structLayout,
  type TStruct,
  valueOn,
} from '@watchq/spec'
import { lowestBit } from '../src/bits.js'
import type { FieldTable, GeneratedRevision, GeneratedRule, StructTable } from '../src/tables.js'

const camel = (c: string) => c.replace(/^_+/, '').replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())

/** `NOTIFY_KEY_LINKED` → `linked`, `NOTIFY_USB_DEVICE_ADD` → `device-add`. */
export const eventName = (c: string) => c.split('_').slice(2).join('-').toLowerCase()

/** `WATCH_TYPE_KEY_NOTIFY` → `key`, `WATCH_TYPE_SB_NOTIFY` → `sb`. */
const typeName = (c: string) =>
  c
    .replace(/^WATCH_TYPE_/, '')
    .replace(/_NOTIFY$/, '')
    .toLowerCase()

function struct(id: string): TStruct {
  const s = STRUCTS.get(id)
  if (!s) throw new Error(`unknown struct ${id}`)
  return s
}

/** Payload fields of a record struct, nested structs flattened, the record header left out. */
function payloadFields(s: TStruct, base = 0, prefix = ''): FieldTable[] {
  return members(s).flatMap((m): FieldTable[] => {
    const offsets = LAYOUT_ARCHES.map((a) => offsetOn(m.layout, a))
    if (new Set(offsets).size !== 1) throw new Error(`${structLayout(s).id}.${m.name} moves between arches`)
    const offset = base + m.layout.offset
    if (m.layout.ctype === 'struct watch_notification') return []
    const c = `${prefix}${m.name}`
    if (m.layout.flexible && m.layout.ctype.startsWith('struct ')) {
      const element = (m.schema as unknown as { items: TStruct }).items
      const lengthField = camel(m.layout.lengthField!)
      return [{ name: camel(m.name), c, offset, type: 'structs', lengthField, element: structLayout(element).id }]
    }
    if (m.layout.flexible) {
      if (m.layout.ctype !== '__u8' || !m.layout.lengthField) throw new Error(`${c}: unsupported flexible member`)
      return [{ name: camel(m.name), c, offset, type: 'bytes', lengthField: camel(m.layout.lengthField) }]
    }
    if (m.layout.ctype.startsWith('struct ')) return payloadFields(m.schema as TStruct, offset, `${c}.`)
    const count = m.layout.count ? { count: m.layout.count } : {}
    const type = ({ __u8: 'u8', __u16: 'u16', __u32: 'u32', __u64: 'u64' } as const)[m.layout.ctype as '__u8']
    if (!type) throw new Error(`${c}: unsupported type ${m.layout.ctype}`)
    return [{ name: camel(m.name), c, offset, type, ...count }]
  })
}

export function structTable(id: string): StructTable {
  const s = struct(id)
  // The bare record header (8-byte removal, skip and loss records) has no payload.
  if (id.endsWith('/watch_notification')) return { id, size: 8, fields: [] }
  const sizes = new Set(LAYOUT_ARCHES.map((a) => computeLayout(s, a).size))
  if (sizes.size !== 1) throw new Error(`${id} has a different sizeof per arch`)
  return { id, size: [...sizes][0]!, fields: payloadFields(s) }
}

function bitfield(headerId: string, name: 'type' | 'subtype') {
  const at = (arch: 'x86_64' | 's390x') => computeLayout(struct(headerId), arch).members.find((m) => m.name === name)
  const m = members(struct(headerId)).find((x) => x.name === name)
  return { le: at('x86_64')!.shift!, be: at('s390x')!.shift!, width: m!.layout.bitfield!.width }
}

const FLAG_NAMES = [
  'WATCH_INFO_OVERRUN',
  'WATCH_INFO_ENOMEM',
  'WATCH_INFO_RECURSIVE',
  'WATCH_INFO_IN_SUBTREE',
  'WATCH_INFO_NOTIFICATIONS_LOST',
]

export function revisionTable(rev: Revision): GeneratedRevision {
  const info = infoLayout(rev)
  const headerId = rev.structs.find((id) => id.endsWith('/watch_notification'))
  if (!headerId) throw new Error(`${rev.id} has no record header`)
  const types = Object.fromEntries(
    enumMembers(rev, 'watch_notification_type')
      .filter((c) => !c.name.endsWith('__NR'))
      .map((c) => [valueOn(c), typeName(c.name)]),
  )
  const rules = rev.records.map(
    (r): GeneratedRule => ({
      kind: r.kind,
      type: valueOn(constant(rev, r.type)),
      subtype: r.subtype ? valueOn(constant(rev, r.subtype)) : null,
      structs: r.structs
        .map(structTable)
        .sort((a, b) => a.size - b.size)
        .map((t) => t.id),
      length: r.length,
      events: r.subtypeEnum
        ? Object.fromEntries(enumMembers(rev, r.subtypeEnum).map((c) => [valueOn(c), eventName(c.name)]))
        : {},
    }),
  )
  const flags = Object.fromEntries(
    FLAG_NAMES.flatMap((n) => {
      const c = rev.constants.find((x) => x.name === n)
      return c ? [[n, valueOn(c)]] : []
    }),
  )
  const table: GeneratedRevision = {
    id: rev.id,
    transport: rev.transport as 'mmap-ring' | 'pipe',
    lengthUnit: info.lengthUnit,
    lengthMask: info.lengthMask,
    lengthShift: info.lengthShift,
    idMask: info.idMask,
    idShift: info.idShift,
    typeInfoMask: info.typeInfoMask,
    maxLength: (info.lengthMask >>> info.lengthShift) * info.lengthUnit,
    header: { type: bitfield(headerId, 'type'), subtype: bitfield(headerId, 'subtype') },
    types,
    rules,
    flags,
  }
  if (!rev.ring) return table
  const ring = struct(rev.ring.header)
  const off = (name: string) => members(ring).find((m) => m.name === name)!.layout.offset
  return {
    ...table,
    ring: {
      headerSize: structLayout(ring).size,
      metaSlots: rev.ring.metaSlots,
      head: off('head'),
      tail: off('tail'),
      mask: off('mask'),
    },
  }
}

/** Source text of src/generated/revisions.ts. */
export function generatedSource(): string {
  const tables = REVISIONS.filter((r) => r.transport !== 'fanotify').map(revisionTable)
  const filters = ['common/watch_notification_filter', 'common/watch_notification_type_filter']
  const ids = [...new Set([...tables.flatMap((t) => t.rules.flatMap((r) => r.structs)), ...filters])].sort()
  const structs = Object.fromEntries(ids.map((id) => [id, structTable(id)]))
  return [
    '// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.',
    "import type { GeneratedRevision, StructTable } from '../tables.js'",
    '',
    `export const STRUCT_TABLES: Readonly<Record<string, StructTable>> = ${JSON.stringify(structs, null, 1)}`,
    '',
    `export const REVISION_TABLES: readonly GeneratedRevision[] = ${JSON.stringify(tables, null, 1)}`,
    '',
  ].join('\n')
}

const READ: Record<string, (off: string) => string> = {
  u8: (o) => `v.getUint8(at + ${o})`,
  u16: (o) => `v.getUint16(at + ${o}, le)`,
  u32: (o) => `v.getUint32(at + ${o}, le)`,
  u64: (o) => `v.getBigUint64(at + ${o}, le)`,
}

/**
 * Source text of src/generated/readers.ts: one function per struct variant that builds a record as
 * a single object literal, so every record of a kind has the same shape (fast property access,
 * compact objects). Generated rather than built at run time: no eval, nothing to interpret.
 */
export function readersSource(): string {
  const tables = REVISIONS.filter((r) => r.transport !== 'fanotify').map(revisionTable)
  const uses = new Map<string, Set<boolean>>()
  for (const t of tables) {
    for (const r of t.rules) {
      const evented = r.subtype === null || r.kind.startsWith('superblock')
      for (const id of r.structs) uses.set(id, (uses.get(id) ?? new Set()).add(evented))
    }
  }
  const lines = [
    '// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.',
    "import { copyBytes } from '../fields.js'",
    "import type { WatchRecord } from '../record.js'",
    '',
    '/** Builds the record at `at` from its header fields; null if a flexible member overruns `length`. */',
    'export type Reader = (',
    '  v: DataView, b: Uint8Array, at: number, le: boolean, offset: number, length: number, type: number,',
    '  subtype: number, info: number, watchId: number, typeInfo: number, kind: string, event: string | null,',
    ') => WatchRecord | null',
    '',
    'export const READERS: Readonly<Record<string, Reader>> = {',
  ]
  for (const id of [...uses.keys()].sort()) {
    const evented = [...uses.get(id)!]
    if (evented.length !== 1) throw new Error(`${id} is used by rules with and without events`)
    const s = structTable(id)
    const head = `offset, length, type, subtype, info, watchId, typeInfo, kind${evented[0] ? ', event' : ''}`
    const pre: string[] = []
    const props: string[] = []
    for (const f of s.fields) {
      if (f.type === 'bytes') {
        const count = f.lengthField!
        pre.push(`if (${f.offset} + ${count} > length) return null`)
        props.push(`${f.name}: copyBytes(b, at + ${f.offset}, at + ${f.offset} + ${count})`)
      } else if (s.fields.some((g) => g.lengthField === f.name)) {
        // A count read first, as a local, so the byte field can use it.
        pre.unshift(`const ${f.name} = ${READ[f.type]!(String(f.offset))}`)
        props.push(f.name)
      } else props.push(`${f.name}: ${READ[f.type]!(String(f.offset))}`)
    }
    const body = `({ ${[head, ...props].join(', ')} }) as unknown as WatchRecord`
    lines.push(
      `  '${id}': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {`,
      ...pre.map((p) => `    ${p}`),
      `    return ${body}`,
      '  },',
    )
  }
  lines.push('}', '')
  return lines.join('\n')
}

/** Layout constants a walker's methods need; one generated class per distinct set and byte order. */
function walkerKey(t: GeneratedRevision, little: boolean) {
  const h = t.header
  return {
    lengthMask: t.lengthMask,
    lengthShift: t.lengthShift,
    lengthUnit: t.lengthUnit,
    typeShift: little ? h.type.le : h.type.be,
    typeMask: 2 ** h.type.width - 1,
    subtypeShift: little ? h.subtype.le : h.subtype.be,
    subtypeMask: 2 ** h.subtype.width - 1,
    idMask: t.idMask,
    idShift: t.idShift,
    typeInfoMask: t.typeInfoMask,
    little,
  }
}

/** `(x >>> s) & m` with the no-op parts left out, so V8 sees the simplest expression. */
function bits(x: string, shift: number, mask: number): string {
  const shifted = shift ? `(${x} >>> ${shift})` : x
  return shift + Math.log2(mask + 1) >= 32 ? `${shifted}` : `${shifted} & 0x${mask.toString(16)}`
}

/**
 * One walker layout per distinct key (the same layout serves several revisions), and for each
 * revision the class name of its two byte orders.
 */
function walkerLayouts() {
  const tables = REVISIONS.filter((r) => r.transport !== 'fanotify').map(revisionTable)
  const layouts = new Map<string, { name: string; k: ReturnType<typeof walkerKey> }>()
  const byRevision: Record<string, { little: string; big: string }> = {}
  for (const t of tables) {
    const names = (['little', 'big'] as const).map((e) => {
      const k = walkerKey(t, e === 'little')
      const key = JSON.stringify(k)
      if (!layouts.has(key)) {
        const unit = k.lengthUnit === 1 ? 'Bytes' : `Units${k.lengthUnit}`
        const name = `Walker${unit}Mask${k.lengthMask.toString(16)}Id${(k.idMask >>> 0).toString(16)}${e === 'little' ? 'LE' : 'BE'}`
        layouts.set(key, { name, k })
      }
      return layouts.get(key)!.name
    })
    byRevision[t.id] = { little: names[0]!, big: names[1]! }
  }
  return { layouts: [...layouts.values()], byRevision }
}

/**
 * Source text of src/generated/walkers.ts, the whole bulk API: per distinct layout and byte order,
 * two walker classes (on WalkerBase, src/walker.ts) with the constants as literals: `…Words`, for
 * input in the host's byte order at a 4-byte aligned address, reads aligned words from a
 * Uint32Array (an unaligned record through the DataView, in a method V8 turns into a
 * deoptimisation exit where it never runs); `…View` reads everything through the DataView. Every
 * method is small, so that TurboFan inlines all of them into the caller's loop (its budget is 920
 * bytecode bytes per function). `_check` is the header rule of src/header.ts with the layout's
 * constants; a record it rejects gets its DecodeError from there (`_error`).
 */
export function walkersSource(): string {
  const { layouts, byRevision } = walkerLayouts()
  const out = [
    '// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.',
    "import { type Walker, WalkerBase, type WalkerClass } from '../walker.js'",
    '',
  ]
  for (const { name, k } of layouts) {
    for (const words of [true, false]) {
      // The word at `at + off` (off a multiple of 4, so it has the alignment of `at`).
      const word = (at: string, off: number) => {
        const p = off ? `${at} + ${off}` : at
        if (!words) return `this._view.getUint32(${p}, ${k.little})`
        const index = off ? `(${at} >>> 2) + ${off / 4}` : `${at} >>> 2`
        return `((${at} & 3) === 0 ? this._words![${index}]! : this._slow(${p}))`
      }
      const info = word('at', 4)
      const field = bits(info, k.lengthShift, k.lengthMask >>> k.lengthShift)
      const len = k.lengthUnit === 1 ? field : `(${field}) * ${k.lengthUnit}`
      const idMask = k.idMask >>> 0
      const tiMask = k.typeInfoMask >>> 0
      out.push(
        `class ${name}${words ? 'Words' : 'View'} extends WalkerBase implements Walker {`,
        '  first(): number {',
        "    return this._check(0) | 0 // an int32 for the caller's loop variable, even where this call is not inlined",
        '  }',
        '  next(at: number): number {',
        '    return this._check(at + this.length(at))',
        '  }',
        '  type(at: number): number {',
        `    return ${bits(word('at', 0), k.typeShift, k.typeMask)}`,
        '  }',
        '  subtype(at: number): number {',
        `    return ${bits(word('at', 0), k.subtypeShift, k.subtypeMask)}`,
        '  }',
        '  info(at: number): number {',
        `    return ${info}`,
        '  }',
        '  length(at: number): number {',
        `    return ${len}`,
        '  }',
        '  watchId(at: number): number {',
        `    return (${info} & 0x${idMask.toString(16)}) >>> ${k.idShift}`,
        '  }',
        '  typeInfo(at: number): number {',
        `    return (${info} & 0x${tiMask.toString(16)}) >>> ${lowestBit(tiMask)}`,
        '  }',
        '  u32(at: number, rel: number): number {',
        '    return rel < 0 || rel + 4 > this.length(at) ? 0 : this.word(at, rel)',
        '  }',
        '  word(at: number, rel: number): number {',
        // With `rel` a literal at the call site, V8 folds `rel & 3` and `rel >>> 2`, and `at & 3` is
        // the test already made for the header: an aligned read costs one add and a bounds check.
        words
          ? '    return (at & 3) === 0 && (rel & 3) === 0 ? this._words![(at >>> 2) + (rel >>> 2)]! : this._slow(at + rel)'
          : `    return this._view.getUint32(at + rel, ${k.little})`,
        '  }',
        '  u64(at: number, rel: number): bigint {',
        `    return rel < 0 || rel + 8 > this.length(at) ? 0n : this._view.getBigUint64(at + rel, ${k.little})`,
        '  }',
        ...(words
          ? ['  private _slow(p: number): number {', `    return this._view.getUint32(p, ${k.little})`, '  }']
          : []),
        '  private _check(at: number): number {',
        '    const end = this._end',
        '    if (at >= end) return -1',
        '    if (end - at < 8) throw this._error(at)',
        '    const length = this.length(at)',
        '    if (length < 8 || length > end - at) throw this._error(at)',
        '    return at',
        '  }',
        '}',
        '',
      )
    }
  }
  out.push(
    '/** The walker classes of each revision, by byte order: `words` for host-order aligned input, `view` otherwise. */',
    'export const WALKERS: Readonly<Record<string, { readonly little: WalkerPair; readonly big: WalkerPair }>> = {',
    ...Object.entries(byRevision).map(
      ([id, c]) =>
        `  '${id}': { little: { words: ${c.little}Words, view: ${c.little}View }, big: { words: ${c.big}Words, view: ${c.big}View } },`,
    ),
    '}',
    '',
    'interface WalkerPair {',
    '  readonly words: WalkerClass',
    '  readonly view: WalkerClass',
    '}',
    '',
  )
  return out.join('\n')
}

/** Every file of src/generated/, by name, with the function that makes its text. */
export const GENERATED: Readonly<Record<string, () => string>> = {
  'revisions.ts': generatedSource,
  'readers.ts': readersSource,
  'walkers.ts': walkersSource,
}
