import { Field } from '../../layout/field.js'
import { Struct } from '../../layout/struct.js'

/** One filter entry; identical in every revision from mmap v1 to mainline. */
export const WatchNotificationTypeFilter = Struct(
  { id: 'common/watch_notification_type_filter', c: 'struct watch_notification_type_filter', size: 44, align: 4 },
  {
    type: Field.u32(0, { description: 'Type to let through (unknown types are ignored by the kernel)' }),
    info_filter: Field.u32(4, { description: 'Required value of (info & info_mask)' }),
    info_mask: Field.u32(8, { description: 'Which info bits to compare; must not include the length bits' }),
    subtype_filter: Field.array('__u32', 12, 8, {
      description: 'Bitmap of subtypes to pass; the kernel copies only word 0 (subtypes 0..31)',
    }),
  },
  'One entry of a notification filter',
)
