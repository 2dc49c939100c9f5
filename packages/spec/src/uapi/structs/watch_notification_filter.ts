import { Field } from '../../layout/field.js'
import { Struct } from '../../layout/struct.js'
import { WatchNotificationTypeFilter } from './watch_notification_type_filter.js'

/** Argument of IOC_WATCH_QUEUE_SET_FILTER; identical in every revision. */
export const WatchNotificationFilter = Struct(
  { id: 'common/watch_notification_filter', c: 'struct watch_notification_filter', size: 8, align: 4 },
  {
    nr_filters: Field.u32(0, { description: 'Number of entries (the kernel accepts 1..16)' }),
    __reserved: Field.u32(4, { description: 'Must be 0' }),
    filters: Field.flexStructs(WatchNotificationTypeFilter, 8, 'nr_filters'),
  },
  'Filter header followed by nr_filters entries',
)
