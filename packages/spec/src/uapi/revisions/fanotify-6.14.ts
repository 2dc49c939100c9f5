import { definesOf } from '../constants/constant.js'
import type { Revision } from './revision.js'

/** Linux 6.14: fanotify reports mount attach/detach; it covers what watch_mount was for. */
export const FANOTIFY_6_14: Revision = {
  id: 'fanotify-6.14',
  title: 'fanotify: notify on mount attach and detach (successor of watch_queue mount watches)',
  date: { value: '2025-01-29', note: 'Posting date; released in Linux 6.14' },
  sources: [
    { kind: 'commit', ref: '0f46d81f2bce', note: 'fanotify: notify on mount attach and detach' },
    { kind: 'message-id', ref: '20250129165803.72138-3-mszeredi@redhat.com' },
  ],
  status: 'merged',
  kernel: { since: '6.14' },
  transport: 'fanotify',
  setup:
    'fanotify_init(FAN_REPORT_MNT, …); fanotify_mark(fd, FAN_MARK_ADD | FAN_MARK_MNTNS, FAN_MNT_ATTACH | FAN_MNT_DETACH, nsfs_fd, NULL)',
  constants: definesOf([
    ['FAN_MNT_ATTACH', 0x0100_0000, 'Mount was attached (a move reports attach and detach)'],
    ['FAN_MNT_DETACH', 0x0200_0000, 'Mount was detached'],
    ['FAN_REPORT_MNT', 0x0000_4000, 'fanotify_init flag; excludes other event types'],
    ['FAN_MARK_MNTNS', 0x0000_0110, 'Mark an nsfs mount-namespace fd'],
    ['FAN_EVENT_INFO_TYPE_MNT', 7, 'Info record type (drafts used 6)'],
  ]),
  records: [],
  structs: ['fanotify/fanotify_event_info_header', 'fanotify/fanotify_event_info_mnt'],
  syscalls: [],
  notes: [
    'Not in the 6.12 header. No READONLY or SETATTR equivalent in 6.14.',
    'mnt_id is the statmount unique mount ID. Later drafts add FAN_MNT_CHANGE 0x04000000 and FAN_NS_MNT_* (not in 6.14).',
  ],
}
