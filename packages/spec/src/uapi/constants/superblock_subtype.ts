// enum superblock_notification_type (never merged).

import type { Constant } from './constant.js'
import { enumOf } from './constant.js'

export const SUPERBLOCK_SUBTYPES = enumOf('superblock_notification_type', [
  ['NOTIFY_SUPERBLOCK_READONLY', 0, 'Filesystem toggled between R/O and R/W'],
  ['NOTIFY_SUPERBLOCK_ERROR', 1, 'Error in filesystem or blockdev'],
  ['NOTIFY_SUPERBLOCK_EDQUOT', 2, 'EDQUOT notification'],
  ['NOTIFY_SUPERBLOCK_NETWORK', 3, 'Network status change'],
])

/** 2020 postings; in May 2019 WATCH_INFO_FLAG_0 carried the same meaning without a name. */
export const SUPERBLOCK_IS_NOW_RO: Constant = {
  name: 'NOTIFY_SUPERBLOCK_IS_NOW_RO',
  value: 0x1_0000,
  c: 'WATCH_INFO_FLAG_0',
  description: 'Superblock changed to R/O',
}
