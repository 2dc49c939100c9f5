// enum watch_meta_notification_subtype: the ring had SKIP at 0; the pipe renumbered REMOVAL to 0.
import { enumOf } from './constant.js'

const TAG = 'watch_meta_notification_subtype'

export const META_SUBTYPES_RING = enumOf(TAG, [
  ['WATCH_META_SKIP_NOTIFICATION', 0, 'Just skip this record'],
  ['WATCH_META_REMOVAL_NOTIFICATION', 1, 'Watched object was removed'],
])

export const META_SUBTYPES_PIPE = enumOf(TAG, [
  ['WATCH_META_REMOVAL_NOTIFICATION', 0, 'Watched object was removed'],
  ['WATCH_META_LOSS_NOTIFICATION', 1, 'Data loss occurred'],
])
