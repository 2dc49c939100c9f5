import { INFO_PIPE } from '../constants/info.js'
import { IOCTLS_W } from '../constants/ioctl.js'
import { KEY_SUBTYPES } from '../constants/key_subtype.js'
import { KEYCTL_WATCH_KEY } from '../constants/keyctl.js'
import { META_SUBTYPES_PIPE } from '../constants/meta_subtype.js'
import { MOUNT_FLAGS_2020_02, MOUNT_SUBTYPES } from '../constants/mount_subtype.js'
import { O_NOTIFICATION_PIPE } from '../constants/pipe_flags.js'
import { SUPERBLOCK_IS_NOW_RO, SUPERBLOCK_SUBTYPES } from '../constants/superblock_subtype.js'
import { pathWatch } from '../constants/syscalls.js'
import { TYPES_KEY_MOUNT_SB } from '../constants/watch_notification_type.js'
import { derive } from './derive.js'
import { PIPE_V3 } from './pipe-v1.js'
import { keyRecord, mountRecord, PIPE_CORE_STRUCTS, PIPE_META_RECORDS, superblockRecords } from './records.js'
import type { RecordRule, Syscall } from './revision.js'

export const mountRecords = (mountStruct: string, sb = true): RecordRule[] => [
  ...PIPE_META_RECORDS,
  keyRecord('pipe/key_notification'),
  mountRecord(mountStruct),
  ...(sb ? superblockRecords('pipe') : []),
]

export const mountStructs = (mountStruct: string, sb = true) => [
  ...PIPE_CORE_STRUCTS,
  mountStruct,
  ...(sb ? ['pipe/superblock_notification', 'pipe/superblock_error_notification'] : []),
]

const SYSCALLS_2020_02: Syscall[] = [
  pathWatch('watch_mount', { x86_64: 439, i386: 439, arm: 439, alpha: 549 }),
  pathWatch('watch_sb', { x86_64: 440, i386: 440, arm: 440, alpha: 550 }),
]
/** fsinfo ver #16 (2020-02-18): mount and superblock sources layered on the keys-only pipe core. */
export const FSINFO_V16 = derive(PIPE_V3, {
  id: 'fsinfo-v16',
  title: 'VFS: Filesystem information and notifications [ver #16] (mount 13/19, superblock 15/19)',
  date: { value: '2020-02-18' },
  sources: [{ kind: 'archive', ref: 'Message-IDs not retrieved; Jann Horn replied on 2020-02-19' }],
  constants: [
    O_NOTIFICATION_PIPE,
    ...IOCTLS_W('Set the size in notes'),
    ...TYPES_KEY_MOUNT_SB('WATCH_TYPE___NR'),
    ...META_SUBTYPES_PIPE,
    ...INFO_PIPE,
    ...KEY_SUBTYPES,
    ...MOUNT_SUBTYPES,
    ...MOUNT_FLAGS_2020_02,
    ...SUPERBLOCK_SUBTYPES,
    SUPERBLOCK_IS_NOW_RO,
    { ...KEYCTL_WATCH_KEY, confidence: 'unconfirmed', note: 'Not stated for this series' },
  ],
  records: mountRecords('pipe/mount_notification~2020-02'),
  structs: mountStructs('pipe/mount_notification~2020-02'),
  syscalls: SYSCALLS_2020_02,
  notes: [
    'Both syscalls still compute info_id = watch_id << 24 although WATCH_INFO_ID is 0xff00 (a leftover); keyctl uses << 8.',
    'The commit messages still say /dev/event_queue.',
  ],
})

/** fsinfo ver #17 (2020-02-21): same UAPI as ver #16. */
export const FSINFO_V17 = derive(FSINFO_V16, {
  id: 'fsinfo-v17',
  title: 'VFS: Filesystem information and notifications [ver #17] (mount 02/17, superblock 05/17)',
  date: { value: '2020-02-21' },
  sources: [
    { kind: 'message-id', ref: '158230810644.2185128.16726948836367716086', note: 'cover' },
    { kind: 'message-id', ref: '158230812258.2185128.14372614867325950789', note: '02/17 mount' },
    { kind: 'message-id', ref: '158230814575.2185128.14652288302879169043', note: '05/17 superblock' },
  ],
  notes: ['Same UAPI as fsinfo ver #16.'],
})

/** pipe ver #4 (2020-03-09): USB and device notifications dropped, mount and superblock included. */
export const PIPE_V4 = derive(FSINFO_V17, {
  id: 'pipe-v4',
  title: 'pipe: Keyrings, mount and superblock notifications [ver #4] (RFC)',
  date: { value: '2020-03-09' },
  sources: [{ kind: 'archive', ref: 'lkml.iu.edu 2003.1/00825', note: '04/17' }],
  confidence: 'unconfirmed',
  note: 'The header hunk was not retrieved: type numbers, flag bits and syscall numbers are most likely as in fsinfo ver #16/#17',
  syscalls: SYSCALLS_2020_02.map((s) => ({ ...s, confidence: 'unconfirmed' as const })),
  notes: [
    'ver #4 dropped USB and device notifications (and watch_devices) and included the mount and superblock sources.',
  ],
})

/** pipe ver #5 (2020-03-18): mount record gains event counters (28 bytes). */
export const PIPE_V5 = derive(PIPE_V4, {
  id: 'pipe-v5',
  title: 'pipe: Keyrings, mount and superblock notifications [ver #5]',
  date: { value: '2020-03-18' },
  sources: [
    {
      kind: 'message-id',
      ref: '158454378820.2863966.10496767254293183123',
      note: 'cover with the ver #1..#5 changelog',
    },
    { kind: 'message-id', ref: '158454391302.2863966.1884682840541676280', note: '13/17 mount' },
  ],
  records: mountRecords('pipe/mount_notification~2020-03'),
  structs: mountStructs('pipe/mount_notification~2020-03'),
  notes: ['Event counters exported in the mount record; changed_mount renamed auxiliary_mount.'],
})
