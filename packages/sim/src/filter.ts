// IOC_WATCH_QUEUE_SET_FILTER (docs/semantics.md#set_filter) and filtering at post time
// (docs/semantics.md#filtering-at-post-time). The argument is read from simulated user memory in
// the machine's byte order, with the offsets of the spec's struct tables.
import { flexElement, type Member, members, offsetOn, struct, structLayout, type TStruct } from '@watchq/spec'
import { err, type Sys } from './errors.js'
import type { Notification } from './records.js'
import { MAX_FILTERS, WATCH_INFO_LENGTH, WATCH_TYPE__NR } from './uapi.js'

/**
 * A user pointer as the kernel sees it: NULL, an address that faults, or mapped bytes followed by
 * an unmapped page (the agent puts its data right before a PROT_NONE page, so reading past the
 * given bytes faults with EFAULT).
 */
export type UserPointer =
  | { readonly kind: 'null' }
  | { readonly kind: 'fault' }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }

/** copy_from_user: the bytes, or EFAULT if any of them is not mapped. */
function copyFromUser(p: UserPointer, offset: number, len: number): Sys<DataView> {
  if (p.kind !== 'bytes' || offset + len > p.bytes.length) return err('EFAULT')
  return new DataView(p.bytes.buffer, p.bytes.byteOffset + offset, len)
}

const HEADER = struct('common/watch_notification_filter')
const memberOf = (s: TStruct, name: string): Member => {
  const m = members(s).find((x) => x.name === name)
  if (!m) throw new Error(`${structLayout(s).id} has no ${name}`)
  return m
}
const ENTRY = flexElement(memberOf(HEADER, 'filters'))!
const at = (s: TStruct, name: string) => offsetOn(memberOf(s, name).layout, 'x86_64')
const LAYOUT = {
  headerSize: structLayout(HEADER).size,
  nrFilters: at(HEADER, 'nr_filters'),
  reserved: at(HEADER, '__reserved'),
  filters: at(HEADER, 'filters'),
  entrySize: structLayout(ENTRY).size,
  type: at(ENTRY, 'type'),
  infoFilter: at(ENTRY, 'info_filter'),
  infoMask: at(ENTRY, 'info_mask'),
  subtypeFilter: at(ENTRY, 'subtype_filter'),
}

/**
 * One stored entry: only subtype_filter[0] is kept
 * (docs/semantics.md#unknown-types-and-subtype-words,
 * docs/discrepancies.md#doc5-only-the-first-subtype-word-filters).
 */
export interface TypeFilter {
  readonly type: number
  readonly infoFilter: number
  readonly infoMask: number
  readonly subtypeFilter0: number
}

export class WatchFilter {
  /** Types that have at least one entry (wfilter->type_filter). */
  private readonly types: ReadonlySet<number>

  constructor(readonly filters: readonly TypeFilter[]) {
    this.types = new Set(filters.map((f) => f.type))
  }

  /**
   * filter_watch_notification (docs/semantics.md#filtering-at-post-time): the type's bit must be
   * set and one entry must match type, subtype bit and (info & mask) == filter. No match: rejected.
   */
  accepts(n: Notification): boolean {
    if (!this.types.has(n.type)) return false
    // Only word 0 is stored; a subtype >= 32 would read past it in the kernel (unreachable: key
    // subtypes are 0..7), and is rejected here.
    if (n.subtype >= 32) return false
    const bit = (1 << n.subtype) >>> 0
    return this.filters.some(
      (f) => f.type === n.type && (f.subtypeFilter0 & bit) !== 0 && (n.info & f.infoMask) >>> 0 === f.infoFilter,
    )
  }
}

/**
 * watch_queue_set_filter after the ENODEV check: NULL removes the filter (null), otherwise the
 * header, then the entries, then every entry's masks are checked, in that order
 * (docs/semantics.md#errors-of-set_filter).
 */
export function parseFilter(p: UserPointer, endian: 'little' | 'big'): Sys<WatchFilter | null> {
  if (p.kind === 'null') return null
  const little = endian === 'little'
  const header = copyFromUser(p, 0, LAYOUT.headerSize)
  if (!(header instanceof DataView)) return header
  const nr = header.getUint32(LAYOUT.nrFilters, little)
  const reserved = header.getUint32(LAYOUT.reserved, little)
  if (nr === 0 || nr > MAX_FILTERS || reserved !== 0) return err('EINVAL')
  const entries = copyFromUser(p, LAYOUT.filters, nr * LAYOUT.entrySize)
  if (!(entries instanceof DataView)) return entries
  const raw: TypeFilter[] = []
  for (let i = 0; i < nr; i++) {
    const base = i * LAYOUT.entrySize
    raw.push({
      type: entries.getUint32(base + LAYOUT.type, little),
      infoFilter: entries.getUint32(base + LAYOUT.infoFilter, little),
      infoMask: entries.getUint32(base + LAYOUT.infoMask, little),
      subtypeFilter0: entries.getUint32(base + LAYOUT.subtypeFilter, little),
    })
  }
  // Every entry is checked, unknown types included, before any is skipped.
  for (const f of raw) {
    if ((f.infoFilter & ~f.infoMask) !== 0 || (f.infoMask & WATCH_INFO_LENGTH) !== 0) return err('EINVAL')
  }
  // Unknown types are dropped silently; if none is left the filter rejects every key record.
  return new WatchFilter(raw.filter((f) => f.type < WATCH_TYPE__NR))
}
