import { Field } from '../../layout/field.js'
import { Struct, type TStruct } from '../../layout/struct.js'
import { WatchNotificationPipe, WatchNotificationRingV1 } from './watch_notification.js'

const description = 'Mount topology or attribute change (WATCH_TYPE_MOUNT_NOTIFY); never merged'

/** The 16-byte record with u32 mount IDs, on either header. */
const mountNotification16 = <H extends TStruct>(id: string, header: H) =>
  Struct(
    { id, c: 'struct mount_notification', size: 16, align: 4 },
    {
      watch: Field.struct(header, 0),
      triggered_on: Field.u32(8, { description: 'Mount ID the watch was on' }),
      changed_mount: Field.u32(12, { description: 'Mount ID of the mount that changed' }),
    },
    description,
  )

/** May 2019 (mmap v1..v4, and pre-v1). */
export const MountNotificationRingV1 = mountNotification16('ring-v1/mount_notification', WatchNotificationRingV1)

/** fsinfo ver #16/#17 (Feb 2020): the May-2019 fields on the pipe header. */
export const MountNotificationPipe202002 = mountNotification16('pipe/mount_notification~2020-02', WatchNotificationPipe)

/** pipe ver #5 (Mar 2020): event counters added, changed_mount renamed auxiliary_mount. */
export const MountNotificationPipe202003 = Struct(
  { id: 'pipe/mount_notification~2020-03', c: 'struct mount_notification', size: 28, align: 4 },
  {
    watch: Field.struct(WatchNotificationPipe, 0),
    triggered_on: Field.u32(8, { description: 'Mount ID the watch was on' }),
    auxiliary_mount: Field.u32(12, { description: 'Added, moved or removed mount, or 0' }),
    topology_changes: Field.u32(16, { description: 'Topology change counter' }),
    attr_changes: Field.u32(20, { description: 'Attribute change counter' }),
    aux_topology_changes: Field.u32(24, { description: 'Topology change counter of the auxiliary mount' }),
  },
  description,
)

/** mount ver #2 (Aug 2020): counters dropped, IDs widened to u64. */
export const MountNotificationPipe202008 = Struct(
  {
    id: 'pipe/mount_notification~2020-08',
    c: 'struct mount_notification',
    size: 24,
    align: 8,
    alignByArch: { i386: 4 },
  },
  {
    watch: Field.struct(WatchNotificationPipe, 0),
    triggered_on: Field.u64(8, { description: 'Mount ID the watch was on' }),
    auxiliary_mount: Field.u64(16, { description: 'Added, moved or removed mount, or 0' }),
  },
  description,
)
