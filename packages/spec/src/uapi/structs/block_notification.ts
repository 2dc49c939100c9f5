import { Field } from '../../layout/field.js'
import { Struct, type TStruct } from '../../layout/struct.js'
import type { Family } from './families.js'
import { WatchNotificationPipe, WatchNotificationRingV1, WatchNotificationRingV5 } from './watch_notification.js'

const blockNotification = <H extends TStruct>(family: Family, header: H, alignByArch?: { i386: number }) =>
  Struct(
    {
      id: `${family}/block_notification`,
      c: 'struct block_notification',
      size: 24,
      align: 8,
      ...(alignByArch ? { alignByArch } : {}),
    },
    {
      watch: Field.struct(header, 0),
      dev: Field.u64(8, { description: 'Kernel dev_t of the disk (disk_devt()), or 0' }),
      sector: Field.u64(16, { description: 'Affected sector' }),
    },
    'Block layer error (WATCH_TYPE_BLOCK_NOTIFY); never merged',
  )

export const BlockNotificationRingV1 = blockNotification('ring-v1', WatchNotificationRingV1, { i386: 4 })
export const BlockNotificationRingV5 = blockNotification('ring-v5', WatchNotificationRingV5)
export const BlockNotificationPipe = blockNotification('pipe', WatchNotificationPipe, { i386: 4 })
