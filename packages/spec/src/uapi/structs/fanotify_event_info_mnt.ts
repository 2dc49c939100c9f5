import { Field } from '../../layout/field.js'
import { Struct } from '../../layout/struct.js'

const derived = {
  confidence: 'derived' as const,
  note: 'Laid out by C rules from the 6.14 declaration; no 6.14 header was compiled here',
}

export const FanotifyEventInfoHeader = Struct(
  { id: 'fanotify/fanotify_event_info_header', c: 'struct fanotify_event_info_header', size: 4, align: 2 },
  {
    info_type: Field.u8(0, { description: 'FAN_EVENT_INFO_TYPE_*' }),
    pad: Field.u8(1),
    len: Field.u16(2, { description: 'Length of the info record including this header' }),
  },
  'Header of every fanotify info record',
)

/** Linux 6.14: mount attach/detach info; u64 alignment differs on i386. */
export const FanotifyEventInfoMnt = Struct(
  {
    id: 'fanotify/fanotify_event_info_mnt',
    c: 'struct fanotify_event_info_mnt',
    size: 16,
    align: 8,
    sizeByArch: { i386: 12 },
    alignByArch: { i386: 4 },
    ...derived,
  },
  {
    hdr: Field.struct(FanotifyEventInfoHeader, 0),
    mnt_id: Field.u64(8, { offsetByArch: { i386: 4 }, description: 'statmount unique mount ID' }),
  },
  'fanotify mount event info (FAN_EVENT_INFO_TYPE_MNT), the successor of watch_queue mount watches',
)
