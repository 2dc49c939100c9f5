import { Field } from '../../layout/field.js'
import { Struct, type TStruct } from '../../layout/struct.js'
import type { Family } from './families.js'
import { SuperblockNotificationPipe, SuperblockNotificationRingV1 } from './superblock_notification.js'

const superblockErrorNotification = <S extends TStruct>(family: Family, sb: S) =>
  Struct(
    {
      id: `${family}/superblock_error_notification`,
      c: 'struct superblock_error_notification',
      size: 24,
      align: 8,
      alignByArch: { i386: 4 },
    },
    {
      s: Field.struct(sb, 0),
      error_number: Field.u32(16, { description: 'Error number' }),
      error_cookie: Field.u32(20, { description: 'Cookie to match related errors' }),
    },
    'Superblock error (SB_NOTIFY subtype ERROR); never merged',
  )

export const SuperblockErrorNotificationRingV1 = superblockErrorNotification('ring-v1', SuperblockNotificationRingV1)
export const SuperblockErrorNotificationPipe = superblockErrorNotification('pipe', SuperblockNotificationPipe)
