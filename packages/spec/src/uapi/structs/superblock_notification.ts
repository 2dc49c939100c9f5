import { Field } from '../../layout/field.js'
import { Struct, type TStruct } from '../../layout/struct.js'
import type { Family } from './families.js'
import { WatchNotificationPipe, WatchNotificationRingV1 } from './watch_notification.js'

const superblockNotification = <H extends TStruct>(family: Family, header: H) =>
  Struct(
    {
      id: `${family}/superblock_notification`,
      c: 'struct superblock_notification',
      size: 16,
      align: 8,
      alignByArch: { i386: 4 },
    },
    {
      watch: Field.struct(header, 0),
      sb_id: Field.u64(8, { description: "The superblock's s_unique_id" }),
    },
    'Superblock event (WATCH_TYPE_SB_NOTIFY); never merged',
  )

export const SuperblockNotificationRingV1 = superblockNotification('ring-v1', WatchNotificationRingV1)
export const SuperblockNotificationPipe = superblockNotification('pipe', WatchNotificationPipe)
