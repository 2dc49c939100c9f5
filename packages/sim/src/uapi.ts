// The numbers of the interface, read once from the spec's mainline revision
// (docs/semantics.md#constants-and-limits) so that nothing the spec states is written twice.
import { constant, enumMembers, revision, valueOn } from '@watchq/spec'

const MAINLINE = revision('mainline')
const num = (name: string): number => valueOn(constant(MAINLINE, name), 'generic')

/** Bytes per note slot (docs/semantics.md#constants-and-limits); the largest record is one less. */
export const NOTE_SIZE = num('WATCH_QUEUE_NOTE_SIZE')
export const MIN_NOTES = num('WATCH_QUEUE_MIN_NOTES')
export const MAX_NOTES = num('WATCH_QUEUE_MAX_NOTES')
export const MAX_FILTERS = num('WATCH_QUEUE_MAX_FILTERS')
export const WATCH_ID_MIN = num('WATCH_ID_MIN')
export const WATCH_ID_MAX = num('WATCH_ID_MAX')
export const KEY_GC_DELAY_S = num('KEY_GC_DELAY_DEFAULT')

export const IOC_WATCH_QUEUE_SET_SIZE = num('IOC_WATCH_QUEUE_SET_SIZE')
export const IOC_WATCH_QUEUE_SET_FILTER = num('IOC_WATCH_QUEUE_SET_FILTER')
export const KEYCTL_WATCH_KEY = num('KEYCTL_WATCH_KEY')

export const WATCH_TYPE_META = num('WATCH_TYPE_META')
export const WATCH_TYPE_KEY_NOTIFY = num('WATCH_TYPE_KEY_NOTIFY')
/** Types at or above this are unknown: SET_FILTER skips them (docs/semantics.md#unknown-types-and-subtype-words). */
export const WATCH_TYPE__NR = num('WATCH_TYPE__NR')
export const WATCH_META_REMOVAL_NOTIFICATION = num('WATCH_META_REMOVAL_NOTIFICATION')
export const WATCH_META_LOSS_NOTIFICATION = num('WATCH_META_LOSS_NOTIFICATION')

export const WATCH_INFO_LENGTH = num('WATCH_INFO_LENGTH')
export const WATCH_INFO_ID = num('WATCH_INFO_ID') >>> 0
export const WATCH_INFO_ID__SHIFT = num('WATCH_INFO_ID__SHIFT')

/** enum key_notification_subtype, by member name without the NOTIFY_KEY_ prefix. */
const KEY_SUBTYPES = new Map(
  enumMembers(MAINLINE, 'key_notification_subtype').map((c) => [c.name.replace(/^NOTIFY_KEY_/, ''), valueOn(c)]),
)
const subtype = (name: string): number => {
  const v = KEY_SUBTYPES.get(name)
  if (v === undefined) throw new Error(`mainline has no NOTIFY_KEY_${name}`)
  return v
}

export const NOTIFY_KEY = {
  INSTANTIATED: subtype('INSTANTIATED'),
  UPDATED: subtype('UPDATED'),
  LINKED: subtype('LINKED'),
  UNLINKED: subtype('UNLINKED'),
  CLEARED: subtype('CLEARED'),
  REVOKED: subtype('REVOKED'),
  INVALIDATED: subtype('INVALIDATED'),
  SETATTR: subtype('SETATTR'),
} as const
