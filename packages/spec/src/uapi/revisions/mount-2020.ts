import { INFO_PIPE } from '../constants/info.js'
import { IOCTLS_W } from '../constants/ioctl.js'
import { KEY_SUBTYPES } from '../constants/key_subtype.js'
import { KEYCTL_CAPS1_NOTIFICATIONS, KEYCTL_WATCH_KEY } from '../constants/keyctl.js'
import { META_SUBTYPES_PIPE } from '../constants/meta_subtype.js'
import { MOUNT_FLAGS_2020_02, MOUNT_FLAGS_2020_08, MOUNT_SUBTYPES } from '../constants/mount_subtype.js'
import { O_NOTIFICATION_PIPE } from '../constants/pipe_flags.js'
import { pathWatch } from '../constants/syscalls.js'
import { TYPES_KEY_MOUNT } from '../constants/watch_notification_type.js'
import { derive, marked } from './derive.js'
import { mountRecords, mountStructs } from './fsinfo.js'
import { MAINLINE } from './mainline.js'

const base = [
  O_NOTIFICATION_PIPE,
  ...IOCTLS_W('Set the size in notes'),
  ...TYPES_KEY_MOUNT,
  ...META_SUBTYPES_PIPE,
  ...INFO_PIPE,
  ...KEY_SUBTYPES,
  ...MOUNT_SUBTYPES,
  KEYCTL_WATCH_KEY,
  KEYCTL_CAPS1_NOTIFICATIONS,
]

/** July 2020: a 4-patch "Mount notifications" set on top of mainline; its header was not retrieved. */
export const MOUNT_2020_07 = derive(MAINLINE, {
  id: 'mount-2020-07',
  title: 'Mount notifications (4 patches; 3/4 mount topology)',
  date: { value: '2020-07' },
  sources: [],
  status: 'posted',
  kernel: undefined,
  confidence: 'unconfirmed',
  note: 'Layout not retrieved; most likely still the 28-byte pipe ver #5 record and the Feb-2020 flags',
  constants: [...marked(base, 'unconfirmed', 'July 2020 header not retrieved'), ...MOUNT_FLAGS_2020_02],
  records: mountRecords('pipe/mount_notification~2020-03', false),
  structs: mountStructs('pipe/mount_notification~2020-03', false),
  syscalls: [],
})

/** mount ver #2 (2020-08-03): counters dropped, IDs widened to u64, IS_RECURSIVE removed. */
export const MOUNT_2020_08 = derive(MAINLINE, {
  id: 'mount-2020-08',
  title: 'watch_queue: Implement mount topology and attribute change notifications [ver #2]',
  date: { value: '2020-08-03' },
  sources: [
    { kind: 'message-id', ref: '159646001456.1779777.5833836537798006352', note: '4/5' },
    { kind: 'repository', ref: 'google/kernel-sanitizers@ad7a208a:include/uapi/linux/watch_queue.h' },
  ],
  status: 'posted',
  kernel: undefined,
  constants: [...base, ...MOUNT_FLAGS_2020_08],
  records: mountRecords('pipe/mount_notification~2020-08', false),
  structs: mountStructs('pipe/mount_notification~2020-08', false),
  syscalls: [
    pathWatch(
      'watch_mount',
      { x86_64: 440, i386: 440, arm: 440, alpha: 440 },
      {
        note: '440 on every table (after faccessat2 439)',
      },
    ),
  ],
  notes: [
    "Counters moved to fsinfo at Miklos Szeredi's request; watches per user were limited.",
    'util-linux had an experimental libmount "kernelwatch" consumer (mnt_kernelwatch_*, "Since: v2.37").',
  ],
})
