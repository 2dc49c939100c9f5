import { BLOCK_SUBTYPES } from '../constants/block_subtype.js'
import { INFO_RING_V5 } from '../constants/info.js'
import { IOCTLS_W } from '../constants/ioctl.js'
import { KEY_SUBTYPES } from '../constants/key_subtype.js'
import { KEYCTL_WATCH_KEY_V4 } from '../constants/keyctl.js'
import { META_SUBTYPES_RING } from '../constants/meta_subtype.js'
import { deviceWatch } from '../constants/syscalls.js'
import { USB_MAX_NAME_LEN, USB_SUBTYPES_V3, USB_SUBTYPES_V8 } from '../constants/usb_subtype.js'
import { TYPES_KEY_BLOCK_USB } from '../constants/watch_notification_type.js'
import { derive } from './derive.js'
import { MMAP_V4 } from './mmap-v3.js'
import { blockRecord, keyRecord, metaRecord, usbRecord } from './records.js'
import type { RecordRule } from './revision.js'

const RECORDS_V5: RecordRule[] = [
  metaRecord('skip', 'WATCH_META_SKIP_NOTIFICATION', ['ring-v5/watch_notification']),
  metaRecord('removal', 'WATCH_META_REMOVAL_NOTIFICATION', ['ring-v5/watch_notification']),
  keyRecord('ring-v5/key_notification'),
  blockRecord('ring-v5/block_notification'),
  usbRecord('ring-v5/usb_notification', {
    length: { kind: 'flexible', base: 17, roundTo: 8 },
    confidence: 'unconfirmed',
    note: 'Length encoding after ver #3 not seen; ver #3 used round_up(17 + name_len, 8)',
  }),
]

const STRUCTS_V5 = [
  'ring-v5/watch_notification',
  'ring-v5/watch_queue_buffer',
  'common/watch_notification_type_filter',
  'common/watch_notification_filter',
  'ring-v5/key_notification',
  'ring-v5/block_notification',
  'ring-v5/usb_notification',
]

const keyctl = {
  ...KEYCTL_WATCH_KEY_V4,
  confidence: 'unconfirmed' as const,
  note: 'Not stated for ver #5..#8; 30 is the ver #4 value',
}

/** 2019-06-28: info reworked (length in 8-byte units at bits 0..5), header aligned(8), lost flag in the ring header. */
export const MMAP_V5 = derive(MMAP_V4, {
  id: 'mmap-v5',
  title: 'Keyrings, Block and USB notifications [ver #5]',
  date: { value: '2019-06-28' },
  sources: [
    { kind: 'message-id', ref: '156173695061.15137.17196611619288074120', note: '4/9' },
    { kind: 'message-id', ref: '156173690158.15137.3985163001079120218', note: 'cover' },
    { kind: 'archive', ref: 'patchwork comment 22743079', note: 'ver #5 header' },
  ],
  constants: [
    ...IOCTLS_W('Set the ring size in pages'),
    ...TYPES_KEY_BLOCK_USB('WATCH_TYPE___NR'),
    ...META_SUBTYPES_RING,
    ...INFO_RING_V5,
    ...KEY_SUBTYPES,
    ...BLOCK_SUBTYPES,
    ...USB_SUBTYPES_V3,
    USB_MAX_NAME_LEN,
    keyctl,
  ],
  ring: { header: 'ring-v5/watch_queue_buffer', metaSlots: 3 },
  loss: 'lost-flag-in-ring-header',
  records: RECORDS_V5,
  structs: STRUCTS_V5,
  syscalls: [
    deviceWatch('watch_devices', {}, { confidence: 'unconfirmed', note: 'Numbers for ver #5..#7 not retrieved' }, true),
  ],
  notes: [
    'Mount and superblock notifications moved to a separate series, "Mount and superblock notifications [ver #5]", whose layouts were not retrieved.',
    'meta gained __reserved and is 24 bytes: the ring header spans 3 slots and is skipped on wrap.',
    'ver #5 has no extended removal struct; removal records are 8 bytes.',
  ],
})

/** ver #6: adds struct watch_notification_removal (date not found). */
export const MMAP_V6 = derive(MMAP_V5, {
  id: 'mmap-v6',
  title: 'Keyrings, Block and USB notifications [ver #6]',
  date: { value: '2019-07', confidence: 'unconfirmed', note: 'July or August 2019' },
  sources: [
    {
      kind: 'repository',
      ref: 'Jackeagle/kernel_msm-3.18@2f20eaaa29fd75de3d731363cf28b8b5acf3361e',
      note: 'ver #6/#7-state header',
    },
  ],
  records: [
    RECORDS_V5[0]!,
    metaRecord('removal', 'WATCH_META_REMOVAL_NOTIFICATION', [
      'ring-v5/watch_notification',
      'ring-v5/watch_notification_removal',
    ]),
    ...RECORDS_V5.slice(2),
  ],
  structs: [...STRUCTS_V5.slice(0, 4), 'ring-v5/watch_notification_removal', ...STRUCTS_V5.slice(4)],
  notes: ['The removal record is 8 bytes (plain header) or 16 bytes (with the object id); length tells them apart.'],
})

/** ver #7 (2019-08-30): only LSM hook arguments changed. */
export const MMAP_V7 = derive(MMAP_V6, {
  id: 'mmap-v7',
  title: 'Keyrings, Block and USB notifications [ver #7]',
  date: { value: '2019-08-30' },
  sources: [{ kind: 'message-id', ref: '156717343223.2204.15875738850129174524', note: 'cover' }],
  notes: ['Only LSM hook arguments changed.'],
})

/** ver #8 (2019-09-04): USB bus notifications removed. */
export const MMAP_V8 = derive(MMAP_V7, {
  id: 'mmap-v8',
  title: 'Keyrings, Block and USB notifications [ver #8]',
  date: { value: '2019-09-04' },
  sources: [
    { kind: 'message-id', ref: '156763534546.18676.3530557439501101639', note: 'cover with the ver #2..#8 changelog' },
  ],
  remove: USB_SUBTYPES_V3.map((c) => c.name).filter((n) => !USB_SUBTYPES_V8.some((c) => c.name === n)),
  set: [...USB_SUBTYPES_V8],
  syscalls: [
    deviceWatch(
      'watch_devices',
      { x86_64: 436 },
      {
        confidence: 'unconfirmed',
        note: 'Most likely 436 (after clone3 435); confirmed only for pipe-v3. flags must be 0 (unconfirmed)',
      },
      true,
    ),
  ],
  notes: [
    'Pages are charged to RLIMIT_MEMLOCK (CAP_IPC_LOCK bypasses); the mapping is VM_DONTEXPAND.',
    'WATCH_INFO_NOTIFICATIONS_LOST is meaningful only in the ring header record: the kernel sets it, userspace clears it.',
  ],
})
