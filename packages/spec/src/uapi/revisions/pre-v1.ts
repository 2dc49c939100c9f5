import { INFO_RING_V1 } from '../constants/info.js'
import { IOCTLS_S } from '../constants/ioctl.js'
import { KEY_SUBTYPES } from '../constants/key_subtype.js'
import { META_SUBTYPES_RING } from '../constants/meta_subtype.js'
import { MOUNT_SUBTYPES } from '../constants/mount_subtype.js'
import { SUPERBLOCK_SUBTYPES } from '../constants/superblock_subtype.js'
import { TYPES_PRE_V1 } from '../constants/watch_notification_type.js'
import { keyRecord, metaRecord, mountRecord, superblockRecords } from './records.js'
import type { Revision } from './revision.js'

/** An older dhowells branch state of the ring header: no block type, no WATCH_INFO_ID__SHIFT. */
export const PRE_V1: Revision = {
  id: 'pre-v1',
  title: 'Notification ring before the May-2019 posting (dhowells branch state)',
  date: { value: '2019-05', confidence: 'unconfirmed', note: 'Before 2019-05-28; exact date unknown' },
  sources: [
    {
      kind: 'repository',
      ref: 'ammarfaizi2/linux-block@004b6f3dce157cf2269caa3be062e893a99be3b7:include/uapi/linux/watch_queue.h',
    },
  ],
  status: 'posted',
  transport: 'mmap-ring',
  setup: 'open("/dev/watch_queue"); ioctl(IOC_WATCH_QUEUE_SET_SIZE, nr_pages); mmap(PROT_READ|PROT_WRITE, MAP_SHARED)',
  lengthUnit: 'slot8',
  sizeArgument: { unit: 'pages', min: 1, max: 16, powerOfTwo: true },
  ring: { header: 'ring-v1/watch_queue_buffer', metaSlots: 2 },
  loss: 'overrun-flag-on-next-record',
  constants: [
    ...IOCTLS_S,
    ...TYPES_PRE_V1,
    ...META_SUBTYPES_RING,
    ...INFO_RING_V1,
    ...KEY_SUBTYPES,
    ...MOUNT_SUBTYPES,
    ...SUPERBLOCK_SUBTYPES,
  ],
  records: [
    metaRecord('skip', 'WATCH_META_SKIP_NOTIFICATION', ['ring-v1/watch_notification'], {
      note: 'Padding to the end of the ring, and the ring header itself; any length',
    }),
    metaRecord('removal', 'WATCH_META_REMOVAL_NOTIFICATION', ['ring-v1/watch_notification']),
    mountRecord('ring-v1/mount_notification'),
    ...superblockRecords('ring-v1'),
    keyRecord('ring-v1/key_notification'),
  ],
  structs: [
    'ring-v1/watch_notification',
    'ring-v1/watch_queue_buffer',
    'common/watch_notification_type_filter',
    'common/watch_notification_filter',
    'ring-v1/key_notification',
    'ring-v1/mount_notification',
    'ring-v1/superblock_notification',
    'ring-v1/superblock_error_notification',
  ],
  syscalls: [],
  notes: [
    'Identical to mmap-v1 except: no BLOCK_NOTIFY (WATCH_TYPE___NR is 4), no WATCH_INFO_ID__SHIFT.',
    'The sb_id comment reads "[fsinfo_sb_notifications::watch_id]".',
  ],
}
