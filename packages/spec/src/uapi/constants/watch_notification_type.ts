// enum watch_notification_type, as it changed from revision to revision.
import { enumOf } from './constant.js'

const TAG = 'watch_notification_type'

export const TYPES_PRE_V1 = enumOf(TAG, [
  ['WATCH_TYPE_META', 0, 'Special record'],
  ['WATCH_TYPE_MOUNT_NOTIFY', 1, 'Mount notification record'],
  ['WATCH_TYPE_SB_NOTIFY', 2, 'Superblock notification'],
  ['WATCH_TYPE_KEY_NOTIFY', 3, 'Key/keyring change notification'],
  ['WATCH_TYPE___NR', 4],
])

export const TYPES_RING_V1 = enumOf(TAG, [
  ['WATCH_TYPE_META', 0, 'Special record'],
  ['WATCH_TYPE_MOUNT_NOTIFY', 1, 'Mount notification record'],
  ['WATCH_TYPE_SB_NOTIFY', 2, 'Superblock notification'],
  ['WATCH_TYPE_KEY_NOTIFY', 3, 'Key/keyring change notification'],
  ['WATCH_TYPE_BLOCK_NOTIFY', 4, 'Block layer notifications'],
  ['WATCH_TYPE___NR', 5],
])

export const TYPES_RING_V3 = enumOf(TAG, [
  ['WATCH_TYPE_META', 0, 'Special record'],
  ['WATCH_TYPE_MOUNT_NOTIFY', 1, 'Mount notification record'],
  ['WATCH_TYPE_SB_NOTIFY', 2, 'Superblock notification'],
  ['WATCH_TYPE_KEY_NOTIFY', 3, 'Key/keyring change notification'],
  ['WATCH_TYPE_BLOCK_NOTIFY', 4, 'Block layer notifications'],
  ['WATCH_TYPE_USB_NOTIFY', 5, 'USB subsystem notifications'],
  ['WATCH_TYPE___NR', 6],
])

/** mmap ver #5..#8 and the pipe RFCs v1..v3 (mount and superblock moved to another series). */
export const TYPES_KEY_BLOCK_USB = (nr: string) =>
  enumOf(TAG, [
    ['WATCH_TYPE_META', 0, 'Special record'],
    ['WATCH_TYPE_KEY_NOTIFY', 1, 'Key/keyring change notification'],
    ['WATCH_TYPE_BLOCK_NOTIFY', 2, 'Block layer notifications'],
    ['WATCH_TYPE_USB_NOTIFY', 3, 'USB subsystem notifications'],
    [nr, 4],
  ])

/** fsinfo ver #16/#17 and pipe ver #4/#5: keys, mount and superblock on the pipe core. */
export const TYPES_KEY_MOUNT_SB = (nr: string) =>
  enumOf(TAG, [
    ['WATCH_TYPE_META', 0, 'Special record'],
    ['WATCH_TYPE_KEY_NOTIFY', 1, 'Key change event notification'],
    ['WATCH_TYPE_MOUNT_NOTIFY', 2, 'Mount topology change notification'],
    ['WATCH_TYPE_SB_NOTIFY', 3, 'Superblock change notification'],
    [nr, 4],
  ])

export const TYPES_MAINLINE = enumOf(TAG, [
  ['WATCH_TYPE_META', 0, 'Special record'],
  ['WATCH_TYPE_KEY_NOTIFY', 1, 'Key change event notification'],
  ['WATCH_TYPE__NR', 2],
])

/** mount notifications ver #2 (Aug 2020). */
export const TYPES_KEY_MOUNT = enumOf(TAG, [
  ['WATCH_TYPE_META', 0, 'Special record'],
  ['WATCH_TYPE_KEY_NOTIFY', 1, 'Key change event notification'],
  ['WATCH_TYPE_MOUNT_NOTIFY', 2, 'Mount topology change notification'],
  ['WATCH_TYPE___NR', 3],
])
