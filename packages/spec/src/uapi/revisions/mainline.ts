import { INFO_PIPE } from '../constants/info.js'
import { IOCTLS_W } from '../constants/ioctl.js'
import { KEY_SUBTYPES } from '../constants/key_subtype.js'
import { KEYCTL_CAPS1_NOTIFICATIONS, KEYCTL_WATCH_KEY } from '../constants/keyctl.js'
import { MAINLINE_LIMITS } from '../constants/limits.js'
import { META_SUBTYPES_PIPE } from '../constants/meta_subtype.js'
import { O_NOTIFICATION_PIPE } from '../constants/pipe_flags.js'
import { TYPES_MAINLINE } from '../constants/watch_notification_type.js'
import { derive } from './derive.js'
import { PIPE_V5 } from './fsinfo.js'
import { keyRecord, PIPE_CORE_STRUCTS, PIPE_META_RECORDS } from './records.js'

/** Merged for 5.8 and unchanged through 6.12: only key notifications shipped. */
export const MAINLINE = derive(PIPE_V5, {
  id: 'mainline',
  title: 'General notification queue, as merged (Linux 5.8 onward)',
  date: { value: '2020-06', note: 'Merged for 5.8-rc1; commits authored 2020-02-12, committed 2020-05-19' },
  sources: [
    { kind: 'commit', ref: '0858caa419e6', note: 'uapi' },
    { kind: 'commit', ref: 'b580b93664f9', note: 'O_NOTIFICATION_PIPE' },
    { kind: 'commit', ref: 'c73be61cede5', note: 'pipe: Add general notification queue support' },
    { kind: 'commit', ref: '8c0637e950d6', note: 'pipe: Add notification lossage handling' },
    { kind: 'header', ref: 'include/uapi/linux/watch_queue.h (Debian linux-libc-dev; identical in 6.1 and 6.12)' },
  ],
  status: 'merged',
  kernel: { since: '5.8' },
  sizeArgument: { unit: 'notes', min: 1, max: 512, note: 'Rounded up to whole pages of PAGE_SIZE/128 notes' },
  constants: [
    O_NOTIFICATION_PIPE,
    ...IOCTLS_W('Set the size in notes (the header comment says pages)'),
    ...TYPES_MAINLINE,
    ...META_SUBTYPES_PIPE,
    ...INFO_PIPE,
    ...KEY_SUBTYPES,
    KEYCTL_WATCH_KEY,
    KEYCTL_CAPS1_NOTIFICATIONS,
    ...MAINLINE_LIMITS,
  ],
  records: [...PIPE_META_RECORDS, keyRecord('pipe/key_notification')],
  structs: PIPE_CORE_STRUCTS,
  syscalls: [
    {
      name: 'keyctl',
      signature: 'long keyctl(KEYCTL_WATCH_KEY, key_serial_t key, int queue_fd, int watch_id)',
      numbers: { x86_64: 250, i386: 288, s390x: 280 },
    },
  ],
  notes: [
    'BLOCK, USB, MOUNT and SB sources were all dropped; only key notifications shipped.',
    'The removal record is 16 bytes when the id is non-zero (a key serial) and 8 bytes otherwise.',
    'Loss: the kernel flags the last queued buffer; read() then emits an 8-byte {META, LOSS, info = 8} before the next data, or ENOBUFS with less than 8 bytes of buffer.',
    'Each record is a whole pipe buffer; a read buffer smaller than the next record gives ENOBUFS.',
    'Documentation/watch_queue.rst still shows pipe2(fds, O_TMPFILE), a leftover from pipe-v1.',
  ],
})
