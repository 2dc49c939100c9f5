import { Field } from '../../layout/field.js'
import { Struct } from '../../layout/struct.js'
import { WatchNotificationRingV1, WatchNotificationRingV5 } from './watch_notification.js'

const union = { member: 'meta', alternative: 'struct watch_notification slots[0]' }

/** May-2019 ring header: 20 bytes, so integer division gives 2 meta slots and `mask` sits in slot 2. */
export const WatchQueueBufferRingV1 = Struct(
  { id: 'ring-v1/watch_queue_buffer', c: 'struct watch_queue_buffer', size: 20, align: 4, union },
  {
    watch: Field.struct(WatchNotificationRingV1, 0, { description: 'A META/SKIP record covering the header slots' }),
    head: Field.u32(8, { volatile: true, description: 'Ring head index (slots), written by the kernel' }),
    tail: Field.u32(12, { volatile: true, description: 'Ring tail index (slots), owned by userspace, never masked' }),
    mask: Field.u32(16, { description: 'Ring index mask; overwritten by the first record (read it first)' }),
  },
  'Shared ring header at the start of the mmap()ed /dev/watch_queue buffer (mmap v1..v4)',
)

/** ver #5..#8 ring header: 24 bytes (3 slots) with `__reserved`. */
export const WatchQueueBufferRingV5 = Struct(
  { id: 'ring-v5/watch_queue_buffer', c: 'struct watch_queue_buffer', size: 24, align: 8, union },
  {
    watch: Field.struct(WatchNotificationRingV5, 0, {
      description: 'META/SKIP record; WATCH_INFO_NOTIFICATIONS_LOST is set here by the kernel',
    }),
    head: Field.u32(8, { description: 'Ring head index (slots)' }),
    tail: Field.u32(12, { description: 'Ring tail index (slots)' }),
    mask: Field.u32(16, { description: 'Ring index mask' }),
    __reserved: Field.u32(20),
  },
  'Shared ring header of the mmap()ed /dev/watch_queue buffer (mmap ver #5..#8)',
)
