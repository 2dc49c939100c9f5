import { Field } from '../../layout/field.js'
import type { TStruct } from '../../layout/struct.js'
import { Struct } from '../../layout/struct.js'
import type { Family } from './families.js'
import { WatchNotificationPipe, WatchNotificationRingV1, WatchNotificationRingV5 } from './watch_notification.js'

const keyNotification = <H extends TStruct>(family: Family, header: H, align: number) =>
  Struct(
    { id: `${family}/key_notification`, c: 'struct key_notification', size: 16, align },
    {
      watch: Field.struct(header, 0),
      key_id: Field.u32(8, { description: 'Serial of the key whose watch list was notified' }),
      aux: Field.u32(12, { description: 'Per-subtype: linked/unlinked key serial, or (u32)-errno for INSTANTIATED' }),
    },
    'Key or keyring change (WATCH_TYPE_KEY_NOTIFY)',
  )

export const KeyNotificationRingV1 = keyNotification('ring-v1', WatchNotificationRingV1, 4)
export const KeyNotificationRingV5 = keyNotification('ring-v5', WatchNotificationRingV5, 8)
export const KeyNotificationPipe = keyNotification('pipe', WatchNotificationPipe, 4)
