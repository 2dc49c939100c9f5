// Record rules shared by revisions: which struct decodes which type/subtype, per struct family.
import type { RecordRule } from './revision.js'

type Extra = Pick<RecordRule, 'confidence' | 'note'>
const fixed = { kind: 'fixed' } as const

/** Meta records; SKIP records pad to the end of the ring (and cover the ring header), so any length. */
export const metaRecord = (kind: 'skip' | 'removal' | 'loss', subtype: string, structs: string[], extra: Extra = {}) =>
  ({
    kind,
    type: 'WATCH_TYPE_META',
    subtype,
    structs,
    length: kind === 'skip' ? { kind: 'padding' } : fixed,
    ...extra,
  }) as RecordRule

const typed =
  (kind: RecordRule['kind'], type: string, subtypeEnum: string) =>
  (struct: string, extra: Partial<Pick<RecordRule, 'length' | 'subtype'>> & Extra = {}): RecordRule => ({
    kind,
    type,
    subtypeEnum,
    structs: [struct],
    length: fixed,
    ...extra,
  })

export const keyRecord = typed('key', 'WATCH_TYPE_KEY_NOTIFY', 'key_notification_subtype')
export const blockRecord = typed('block', 'WATCH_TYPE_BLOCK_NOTIFY', 'block_notification_type')
export const usbRecord = typed('usb', 'WATCH_TYPE_USB_NOTIFY', 'usb_notification_type')
export const mountRecord = typed('mount', 'WATCH_TYPE_MOUNT_NOTIFY', 'mount_notification_subtype')

/** Superblock errors have their own struct; the rule naming the subtype comes first so it wins. */
export const superblockRecords = (family: 'ring-v1' | 'pipe'): RecordRule[] => [
  typed(
    'superblock-error',
    'WATCH_TYPE_SB_NOTIFY',
    'superblock_notification_type',
  )(`${family}/superblock_error_notification`, { subtype: 'NOTIFY_SUPERBLOCK_ERROR' }),
  typed('superblock', 'WATCH_TYPE_SB_NOTIFY', 'superblock_notification_type')(`${family}/superblock_notification`),
]

/** The meta records of the pipe revisions and mainline. */
export const PIPE_META_RECORDS: RecordRule[] = [
  metaRecord(
    'removal',
    'WATCH_META_REMOVAL_NOTIFICATION',
    ['pipe/watch_notification', 'pipe/watch_notification_removal'],
    {
      note: '16 bytes when the object id is non-zero (key serials), 8 bytes otherwise',
    },
  ),
  metaRecord('loss', 'WATCH_META_LOSS_NOTIFICATION', ['pipe/watch_notification'], {
    note: 'Synthesised by read() after the last record queued before the loss; info = 8',
  }),
]

/** Structs every pipe-based revision has, in header order. */
export const PIPE_CORE_STRUCTS = [
  'pipe/watch_notification',
  'common/watch_notification_type_filter',
  'common/watch_notification_filter',
  'pipe/watch_notification_removal',
  'pipe/key_notification',
]
