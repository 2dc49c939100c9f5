// Mount notification subtypes (never merged) and the info flags of the 2020 postings.

import type { Constant } from './constant.js'
import { enumOf } from './constant.js'

export const MOUNT_SUBTYPES = enumOf('mount_notification_subtype', [
  ['NOTIFY_MOUNT_NEW_MOUNT', 0, 'New mount added'],
  ['NOTIFY_MOUNT_UNMOUNT', 1, 'Mount removed manually'],
  ['NOTIFY_MOUNT_EXPIRY', 2, 'Automount expired'],
  ['NOTIFY_MOUNT_READONLY', 3, 'Mount R/O state changed'],
  ['NOTIFY_MOUNT_SETATTR', 4, 'Mount attributes changed'],
  ['NOTIFY_MOUNT_MOVE_FROM', 5, 'Mount moved from here'],
  ['NOTIFY_MOUNT_MOVE_TO', 6, 'Mount moved to here (compare op_id)'],
])

const flag = (name: string, bit: number, description: string): Constant => ({
  name,
  value: 0x1_0000 << bit,
  c: `WATCH_INFO_FLAG_${bit}`,
  description,
})

/** fsinfo ver #16/#17 (Feb 2020) and, most likely, pipe ver #4/#5. */
export const MOUNT_FLAGS_2020_02: Constant[] = [
  flag('NOTIFY_MOUNT_IN_SUBTREE', 0, 'Event not on watched mount'),
  flag('NOTIFY_MOUNT_IS_RECURSIVE', 1, 'Change applied recursively'),
  flag('NOTIFY_MOUNT_IS_NOW_RO', 2, 'Mount changed to R/O'),
  flag('NOTIFY_MOUNT_IS_SUBMOUNT', 3, 'New mount is submount'),
]

/** mount ver #2 (Aug 2020): IS_RECURSIVE removed, the rest moved down. */
export const MOUNT_FLAGS_2020_08: Constant[] = [
  flag('NOTIFY_MOUNT_IN_SUBTREE', 0, 'Event not on watched mount'),
  flag('NOTIFY_MOUNT_IS_NOW_RO', 1, 'Mount changed to R/O'),
  flag('NOTIFY_MOUNT_IS_SUBMOUNT', 2, 'New mount is submount'),
]
