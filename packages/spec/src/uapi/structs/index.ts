// Every struct variant the spec knows, by id.

import { structLayout } from '../../layout/read.js'
import type { TStruct } from '../../layout/struct.js'
import * as block from './block_notification.js'
import * as fanotify from './fanotify_event_info_mnt.js'
import * as key from './key_notification.js'
import * as mount from './mount_notification.js'
import * as sbError from './superblock_error_notification.js'
import * as sb from './superblock_notification.js'
import * as usb from './usb_notification.js'
import * as header from './watch_notification.js'
import * as filter from './watch_notification_filter.js'
import * as removal from './watch_notification_removal.js'
import * as typeFilter from './watch_notification_type_filter.js'
import * as ring from './watch_queue_buffer.js'

export * from './block_notification.js'
export * from './families.js'
export * from './fanotify_event_info_mnt.js'
export * from './key_notification.js'
export * from './mount_notification.js'
export * from './superblock_error_notification.js'
export * from './superblock_notification.js'
export * from './usb_notification.js'
export * from './watch_notification.js'
export * from './watch_notification_filter.js'
export * from './watch_notification_removal.js'
export * from './watch_notification_type_filter.js'
export * from './watch_queue_buffer.js'

const modules = [header, ring, key, removal, block, usb, mount, sb, sbError, typeFilter, filter, fanotify]

/** All struct variants keyed by their id (`family/c_name[~variant]`). */
export const STRUCTS: ReadonlyMap<string, TStruct> = new Map(
  modules.flatMap((m) => Object.values(m) as TStruct[]).map((s) => [structLayout(s).id, s]),
)
