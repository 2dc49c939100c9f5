// struct watch_notification_filter ⇄ bytes (the argument of IOC_WATCH_QUEUE_SET_FILTER). Offsets
// come from the spec's common/watch_notification_filter and _type_filter tables. No kernel rule is
// applied here: a filter the kernel would reject (nr_filters 0, __reserved set) can be built on purpose.
import { DecodeError } from './errors.js'
import {
  arrayArgument,
  bytesArgument,
  endianOption,
  integerArgument,
  objectArgument,
  optionsOf,
  u32Option,
} from './options.js'
import type { Endian } from './record.js'
import { structTable } from './revisions.js'

export interface FilterEntry {
  readonly type: number
  /** Subtypes to let through; sets bits in subtypeFilter. */
  readonly subtypes?: readonly number[]
  /** The raw 8-word subtype bitmap (OR-ed with `subtypes`). */
  readonly subtypeFilter?: readonly number[]
  readonly infoFilter?: number
  readonly infoMask?: number
}

export interface Filter {
  readonly nrFilters: number
  readonly reserved: number
  readonly filters: ReadonlyArray<{
    readonly type: number
    readonly infoFilter: number
    readonly infoMask: number
    readonly subtypeFilter: readonly number[]
  }>
}

const HEADER = structTable('common/watch_notification_filter')
const ENTRY = structTable('common/watch_notification_type_filter')
const field = (s: typeof HEADER, name: string) => {
  const f = s.fields.find((x) => x.name === name)
  if (!f) throw new Error(`${s.id} has no ${name}`)
  return f
}
const WORDS = field(ENTRY, 'subtypeFilter').count ?? 8

export interface FilterOptions {
  readonly endian?: Endian
  /** Value of nr_filters (default: the number of entries). */
  readonly nrFilters?: number
  /** Value of __reserved (default 0; the kernel rejects anything else). */
  readonly reserved?: number
}

export function encodeFilter(entries: readonly FilterEntry[], opts: FilterOptions = {}): Uint8Array {
  const o = optionsOf(opts)
  const little = endianOption(o.endian) === 'little'
  const list = arrayArgument(entries, 'entries')
  const nrFilters = u32Option(o.nrFilters, 'nrFilters') ?? list.length
  const reserved = u32Option(o.reserved, 'reserved') ?? 0
  const rows = list.map((item, i) => entry(item, i))
  const out = new Uint8Array(HEADER.size + rows.length * ENTRY.size)
  const view = new DataView(out.buffer)
  view.setUint32(field(HEADER, 'nrFilters').offset, nrFilters, little)
  view.setUint32(field(HEADER, 'reserved').offset, reserved, little)
  const base = field(HEADER, 'filters').offset
  rows.forEach((e, i) => {
    const at = base + i * ENTRY.size
    view.setUint32(at + field(ENTRY, 'type').offset, e.type, little)
    view.setUint32(at + field(ENTRY, 'infoFilter').offset, e.infoFilter, little)
    view.setUint32(at + field(ENTRY, 'infoMask').offset, e.infoMask, little)
    for (const [k, w] of e.words.entries()) view.setUint32(at + field(ENTRY, 'subtypeFilter').offset + 4 * k, w, little)
  })
  return out
}

/** Entry `i`, checked: u32 fields, subtypes 0…255, at most 8 bitmap words; the bitmap with the subtypes set. */
function entry(item: unknown, i: number) {
  const e = objectArgument(item, `entries[${i}]`)
  const name = (f: string) => `entries[${i}].${f}`
  const type = integerArgument(e.type, name('type'), 0, 0xffffffff)
  const raw = e.subtypeFilter === undefined ? [] : arrayArgument(e.subtypeFilter, name('subtypeFilter'))
  if (raw.length > WORDS)
    throw new RangeError(`${name('subtypeFilter')} must have at most ${WORDS} words, not ${raw.length}`)
  const words = Array.from({ length: WORDS }, (_, w) => u32Option(raw[w], `${name('subtypeFilter')}[${w}]`) ?? 0)
  const subtypes = e.subtypes === undefined ? [] : arrayArgument(e.subtypes, name('subtypes'))
  subtypes.forEach((v, k) => {
    const s = integerArgument(v, `${name('subtypes')}[${k}]`, 0, WORDS * 32 - 1)
    words[s >>> 5] = (words[s >>> 5]! | (1 << (s & 31))) >>> 0
  })
  return {
    type,
    infoFilter: u32Option(e.infoFilter, name('infoFilter')) ?? 0,
    infoMask: u32Option(e.infoMask, name('infoMask')) ?? 0,
    words,
  }
}

export function decodeFilter(bytes: Uint8Array, opts: Pick<FilterOptions, 'endian'> = {}): Filter {
  const little = endianOption(optionsOf(opts).endian) === 'little'
  bytesArgument(bytes, 'bytes')
  if (bytes.length < HEADER.size)
    throw new DecodeError('bad-filter', 0, `${bytes.length} bytes cannot hold the ${HEADER.size}-byte filter header`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const nrFilters = view.getUint32(field(HEADER, 'nrFilters').offset, little)
  const reserved = view.getUint32(field(HEADER, 'reserved').offset, little)
  const base = field(HEADER, 'filters').offset
  if (base + nrFilters * ENTRY.size > bytes.length) {
    throw new DecodeError(
      'bad-filter',
      0,
      `nr_filters ${nrFilters} needs ${base + nrFilters * ENTRY.size} bytes, got ${bytes.length}`,
    )
  }
  const filters = Array.from({ length: nrFilters }, (_, i) => {
    const at = base + i * ENTRY.size
    const u32 = (name: string, k = 0) => view.getUint32(at + field(ENTRY, name).offset + 4 * k, little)
    return {
      type: u32('type'),
      infoFilter: u32('infoFilter'),
      infoMask: u32('infoMask'),
      subtypeFilter: Array.from({ length: WORDS }, (_, k) => u32('subtypeFilter', k)),
    }
  })
  return { nrFilters, reserved, filters }
}
