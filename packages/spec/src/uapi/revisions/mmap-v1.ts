import { BLOCK_SUBTYPES } from '../constants/block_subtype.js'
import { INFO_ID_SHIFT_V1 } from '../constants/info.js'
import { KEYCTL_WATCH_KEY_V4 } from '../constants/keyctl.js'
import { deviceWatch, pathWatch } from '../constants/syscalls.js'
import { TYPES_RING_V1 } from '../constants/watch_notification_type.js'
import { derive } from './derive.js'
import { PRE_V1 } from './pre-v1.js'
import { blockRecord } from './records.js'

/** 2019-05-28: "General notification queue with user mmap()'able ring buffer". */
export const MMAP_V1 = derive(PRE_V1, {
  id: 'mmap-v1',
  title: 'General notification queue with user mmap()able ring buffer (Mount, FS, Block and Keyrings notifications)',
  date: { value: '2019-05-28' },
  sources: [
    {
      kind: 'message-id',
      ref: '155905622921.1304.8775688192987027250.stgit@warthog.procyon.org.uk',
      note: '1/7, full uapi header',
    },
    { kind: 'message-id', ref: '155905930702.7587.7100265859075976147', note: 'cover of the 17:01 repost' },
    { kind: 'message-id', ref: '155905931502.7587.11705449537368497489', note: '1/7 repost' },
    { kind: 'message-id', ref: '155905934373.7587.10824503964531598726', note: '4/7 superblock' },
    { kind: 'message-id', ref: '155905935953.7587.11815678364029606128', note: '6/7 block' },
  ],
  set: [
    ...TYPES_RING_V1,
    INFO_ID_SHIFT_V1,
    ...BLOCK_SUBTYPES,
    { ...KEYCTL_WATCH_KEY_V4, confidence: 'unconfirmed', note: 'Number in v1 not seen; 30 is the ver #4 value' },
  ],
  records: [...PRE_V1.records, blockRecord('ring-v1/block_notification')],
  structs: [...PRE_V1.structs, 'ring-v1/block_notification'],
  syscalls: [
    pathWatch('mount_notify', { x86_64: 435 }, { note: 'On top of the fsinfo series (fsinfo = 434)' }),
    pathWatch('sb_notify', { x86_64: 436 }),
    deviceWatch(
      'block_notify',
      { x86_64: 437, i386: 437 },
      { note: 'One global watch list; the kernel stores watch_id << 24' },
    ),
  ],
  notes: [
    'meta is 20 bytes; metalen = 20/8 = 2 slots, so mask (bytes 16..19) lies in slot 2 and is overwritten by the first record: read mask first.',
    'Initially head = tail = 2 and the header is {META, SKIP, info = 2<<3}. End-of-ring padding is a {META, SKIP} record; wrapping skips the meta slots.',
    'On overrun the kernel ORs WATCH_INFO_OVERRUN into the next record it writes. WATCH_INFO_ENOMEM is defined but unused.',
    'Removal record: 8 bytes {META, REMOVAL, info = watch_id<<24 | 8}.',
    'Only subtype_filter[0] is tested by the filter code.',
    'For superblock READONLY, WATCH_INFO_FLAG_0 means the superblock is now R/O.',
    'poll: POLLIN when head != tail; POLLERR when head - tail > size. No read() or write().',
  ],
})

/** ver #2: krefs and review fixes; no UAPI change is known. */
export const MMAP_V2 = derive(MMAP_V1, {
  id: 'mmap-v2',
  title: 'Mount, FS, Block and Keyrings notifications [ver #2]',
  date: { value: '2019-06', confidence: 'unconfirmed', note: 'Early June 2019; posting not retrieved' },
  sources: [],
  confidence: 'unconfirmed',
  note: 'No UAPI delta from mmap-v1 is known; the posting was not retrieved',
  notes: ['krefs and fixes from the Jann Horn and Greg KH reviews.'],
})
