import { IOCTLS_W } from '../constants/ioctl.js'
import { KEYCTL_WATCH_KEY_V4 } from '../constants/keyctl.js'
import { deviceWatch, pathWatch } from '../constants/syscalls.js'
import { USB_MAX_NAME_LEN, USB_SUBTYPES_V3 } from '../constants/usb_subtype.js'
import { TYPES_RING_V3 } from '../constants/watch_notification_type.js'
import { derive } from './derive.js'
import { MMAP_V2 } from './mmap-v1.js'
import { usbRecord } from './records.js'

/** 2019-06-06: ioctls move to 'W', USB source added, block watches via device_notify(). */
export const MMAP_V3 = derive(MMAP_V2, {
  id: 'mmap-v3',
  title: 'Mount, FS, Block and Keyrings notifications [ver #3]',
  date: { value: '2019-06-06' },
  sources: [
    { kind: 'message-id', ref: '155981411940.17513.7137844619951358374', note: 'cover' },
    { kind: 'message-id', ref: '155981416919.17513.7715903175984222836', note: '05/10 superblock' },
    { kind: 'message-id', ref: '155981420247.17513.18371208824032389940', note: '09/10 usb' },
  ],
  set: [...IOCTLS_W('Set the ring size in pages'), ...TYPES_RING_V3, ...USB_SUBTYPES_V3, USB_MAX_NAME_LEN],
  records: [
    ...MMAP_V2.records,
    usbRecord('ring-v1/usb_notification', { length: { kind: 'flexible', base: 17, roundTo: 8 } }),
  ],
  structs: [...MMAP_V2.structs, 'ring-v1/usb_notification'],
  syscalls: [
    pathWatch('mount_notify', {}, { confidence: 'unconfirmed', note: 'Numbers for ver #3 not retrieved' }),
    pathWatch('sb_notify', {}, { confidence: 'unconfirmed', note: 'Numbers for ver #3 not retrieved' }),
    deviceWatch(
      'device_notify',
      {},
      {
        confidence: 'unconfirmed',
        note: 'Block watches became a common device list; numbers not retrieved',
      },
    ),
  ],
  notes: [
    'USB record length is round_up(17 + name_len, 8) bytes, in v1 byte-valued slot units.',
    'The info layout is still v1.',
  ],
})

/** 2019-06-07: UAPI split into its own patch, syscalls renamed watch_*, KEYCTL_WATCH_KEY = 30. */
export const MMAP_V4 = derive(MMAP_V3, {
  id: 'mmap-v4',
  title: 'Mount, FS, Block and Keyrings notifications [ver #4]',
  date: { value: '2019-06-07' },
  sources: [
    { kind: 'message-id', ref: '155991706083.15579.16359443779582362339', note: '02/13 uapi' },
    { kind: 'message-id', ref: '155991709983.15579.13232123365803197237', note: '06/13 keys' },
  ],
  set: [KEYCTL_WATCH_KEY_V4],
  syscalls: [
    pathWatch('watch_mount', { x86_64: 435 }),
    pathWatch('watch_sb', { x86_64: 436 }),
    deviceWatch('watch_devices', { x86_64: 437 }),
  ],
  notes: [
    'LSM hooks added.',
    'The info layout is still v1 (02/13 commit text: OVERRUN, ENOMEM, RECURSIVE, IN_SUBTREE, TYPE_FLAGS, ID).',
  ],
})
