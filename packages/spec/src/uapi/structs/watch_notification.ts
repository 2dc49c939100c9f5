import { Field } from '../../layout/field.js'
import { Struct } from '../../layout/struct.js'
import type { Family } from './families.js'

const members = () => ({
  type: Field.bits(0, 0, 24, { description: 'Record type (enum watch_notification_type); bitfield `type:24`' }),
  subtype: Field.bits(0, 24, 8, { description: 'Subtype within the type; bitfield `subtype:8` (memory byte 3)' }),
  info: Field.u32(4, { description: 'Length, watch id and type-specific flags; layout depends on the revision' }),
})

const header = (family: Family, align: 4 | 8) =>
  Struct(
    {
      id: `${family}/watch_notification`,
      c: 'struct watch_notification',
      size: 8,
      align,
      ...(align === 8 ? { aligned: 8 } : {}),
    },
    members(),
    'Common header of every notification record',
  )

/** Header of the mmap ring up to ver #4 and of pre-v1. */
export const WatchNotificationRingV1 = header('ring-v1', 4)
/** Header of mmap ver #5..#8: `__attribute__((aligned(8)))`. */
export const WatchNotificationRingV5 = header('ring-v5', 8)
/** Header of the pipe-based revisions and mainline. */
export const WatchNotificationPipe = header('pipe', 4)
