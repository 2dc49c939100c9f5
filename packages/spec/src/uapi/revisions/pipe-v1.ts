import { BLOCK_SUBTYPES } from '../constants/block_subtype.js'
import { INFO_PIPE } from '../constants/info.js'
import { IOCTLS_W } from '../constants/ioctl.js'
import { KEY_SUBTYPES } from '../constants/key_subtype.js'
import { KEYCTL_WATCH_KEY } from '../constants/keyctl.js'
import { META_SUBTYPES_PIPE } from '../constants/meta_subtype.js'
import { O_NOTIFICATION_PIPE, O_TMPFILE } from '../constants/pipe_flags.js'
import { deviceWatch } from '../constants/syscalls.js'
import { USB_MAX_NAME_LEN, USB_SUBTYPES_V8 } from '../constants/usb_subtype.js'
import { TYPES_KEY_BLOCK_USB } from '../constants/watch_notification_type.js'
import { derive, marked } from './derive.js'
import { MMAP_V8 } from './mmap-v5.js'
import { blockRecord, keyRecord, PIPE_CORE_STRUCTS, PIPE_META_RECORDS, usbRecord } from './records.js'

const keyctl = {
  ...KEYCTL_WATCH_KEY,
  confidence: 'unconfirmed' as const,
  note: 'Not stated for the pipe RFCs; 32 follows KEYCTL_MOVE 30 and KEYCTL_CAPABILITIES 31 (merged in 5.3)',
}

/** 2019-10-15: the queue becomes a pipe; records are read(); lengths are in bytes. */
export const PIPE_V1 = derive(MMAP_V8, {
  id: 'pipe-v1',
  title: 'pipe: Keyrings, Block and USB notifications (RFC)',
  date: { value: '2019-10-15' },
  sources: [
    { kind: 'message-id', ref: '157117606853.15019.15459271147790470307', note: 'cover' },
    { kind: 'message-id', ref: '157117614968.15019.16151148059437139065', note: '01/21 uapi' },
    { kind: 'message-id', ref: '157117623165.15019.7188193153962358526', note: '18/21 block' },
  ],
  transport: 'pipe',
  setup:
    'pipe2(fds, O_TMPFILE); ioctl(fds[1], IOC_WATCH_QUEUE_SET_SIZE, nr_notes); ioctl(fds[1], IOC_WATCH_QUEUE_SET_FILTER, &filter); read(fds[0], …)',
  lengthUnit: 'byte',
  sizeArgument: { unit: 'notes', min: 1, max: 512 },
  loss: 'loss-record',
  confidence: 'derived',
  note: 'The type list is that of the whole series: 01/21 defines only META (WATCH_TYPE___NR 1); later patches add KEY 1, BLOCK 2, USB 3',
  constants: [
    O_TMPFILE,
    ...marked(
      IOCTLS_W('Set the size in notes (the header comment still says pages)'),
      'unconfirmed',
      "The pipe-v1 ioctl hunk was not retrieved; v2/v3 show 'W' 0x60/0x61",
    ),
    ...TYPES_KEY_BLOCK_USB('WATCH_TYPE___NR'),
    ...META_SUBTYPES_PIPE,
    ...INFO_PIPE,
    ...KEY_SUBTYPES,
    ...BLOCK_SUBTYPES,
    ...USB_SUBTYPES_V8,
    USB_MAX_NAME_LEN,
    keyctl,
  ],
  ring: undefined,
  records: [
    ...PIPE_META_RECORDS.map((r) =>
      r.kind === 'loss'
        ? {
            ...r,
            confidence: 'unconfirmed' as const,
            note: 'read() synthesising the loss record is confirmed for mainline only',
          }
        : r,
    ),
    keyRecord('pipe/key_notification'),
    blockRecord('pipe/block_notification'),
    usbRecord('pipe/usb_notification', { length: { kind: 'flexible', base: 17 } }),
  ],
  structs: [...PIPE_CORE_STRUCTS, 'pipe/block_notification', 'pipe/usb_notification'],
  syscalls: [
    deviceWatch(
      'watch_devices',
      {},
      { confidence: 'unconfirmed', note: 'Unchanged from ver #8; numbers not retrieved for pipe-v1' },
      true,
    ),
  ],
  notes: [
    'pipe2(O_TMPFILE) was a placeholder flag.',
    'SET_SIZE now counts messages (notes), not pages; the kernel preallocates 128-byte notes and splices one pipe buffer per message.',
    'Records are not padded or aligned in the stream; the USB record is 17 + name_len bytes.',
    'REMOVAL was renumbered from 1 to 0 and SKIP is gone; there is no LOST flag any more.',
    'splice, vmsplice, tee and sendfile are refused on notification pipes.',
  ],
})

/** 2019-11-07: O_NOTIFICATION_PIPE (= O_EXCL) replaces O_TMPFILE. */
export const PIPE_V2 = derive(PIPE_V1, {
  id: 'pipe-v2',
  title: 'pipe: Keyrings, Block and USB notifications [ver #2] (RFC)',
  date: { value: '2019-11-07' },
  sources: [{ kind: 'archive', ref: 'kernsec.org LSM archive 2019-November/016966', note: '04/14' }],
  setup:
    'pipe2(fds, O_NOTIFICATION_PIPE); ioctl(fds[1], IOC_WATCH_QUEUE_SET_SIZE, nr_notes); ioctl(fds[1], IOC_WATCH_QUEUE_SET_FILTER, &filter); read(fds[0], …)',
  remove: ['O_TMPFILE'],
  set: [
    O_NOTIFICATION_PIPE,
    {
      name: 'WATCH_TYPE___NR',
      value: 4,
      enum: 'watch_notification_type',
      confidence: 'unconfirmed',
      note: 'Spelling ___NR or __NR not seen for ver #2',
    },
  ],
  notes: ['A GIT PULL of this series (2019-11-26) was not merged for 5.5.'],
})

/** 2020-01-15: rebased onto the pipe-ring rework; WATCH_TYPE__NR spelled with two underscores. */
export const PIPE_V3 = derive(PIPE_V2, {
  id: 'pipe-v3',
  title: 'pipe: Keyrings, Block and USB notifications [ver #3] (RFC)',
  date: { value: '2020-01-15' },
  sources: [
    { kind: 'message-id', ref: '157909503552.20155.3030058841911628518', note: 'cover' },
    { kind: 'message-id', ref: '157909512494.20155.2812648243716525260', note: '10/14' },
    { kind: 'message-id', ref: '157909514270.20155.15305842826442957104', note: '12/14 usb' },
  ],
  constants: [
    ...PIPE_V2.constants.filter((c) => c.enum !== 'watch_notification_type'),
    ...TYPES_KEY_BLOCK_USB('WATCH_TYPE__NR'),
  ],
  syscalls: [
    deviceWatch(
      'watch_devices',
      { x86_64: 436, i386: 436, arm: 436, arm64_compat: 436, mips: 436, powerpc: 436, alpha: 546 },
      {},
      true,
    ),
  ],
  notes: [
    'A linux-next snapshot with KEY and BLOCK but no USB (WATCH_TYPE__NR 3) is grate-driver/linux@5729db177af045ef27aff408fc0a3c9446f453b6.',
  ],
})
