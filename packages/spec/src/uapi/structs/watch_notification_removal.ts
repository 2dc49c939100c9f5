import { Field } from '../../layout/field.js'
import { Struct } from '../../layout/struct.js'
import { WatchNotificationPipe, WatchNotificationRingV5 } from './watch_notification.js'

const description = 'Extended removal record: META/REMOVAL carrying the id of the watched object'

/** Added in mmap ver #6; the aligned(8) header makes it align 8 on every arch. */
export const WatchNotificationRemovalRingV5 = Struct(
  { id: 'ring-v5/watch_notification_removal', c: 'struct watch_notification_removal', size: 16, align: 8 },
  { watch: Field.struct(WatchNotificationRingV5, 0), id: Field.u64(8, { description: 'Object id (key serial)' }) },
  description,
)

/** Pipe revisions and mainline: the 16-byte form is sent when the id is non-zero, else 8 bytes. */
export const WatchNotificationRemovalPipe = Struct(
  {
    id: 'pipe/watch_notification_removal',
    c: 'struct watch_notification_removal',
    size: 16,
    align: 8,
    alignByArch: { i386: 4 },
  },
  { watch: Field.struct(WatchNotificationPipe, 0), id: Field.u64(8, { description: 'Object id (key serial)' }) },
  description,
)
