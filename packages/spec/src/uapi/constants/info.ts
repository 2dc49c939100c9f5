// Bit layouts of watch_notification::info, one list per era.

import type { Constant } from './constant.js'
import { definesOf } from './constant.js'

const flags = (): Constant[] =>
  definesOf(Array.from({ length: 8 }, (_, i) => [`WATCH_INFO_FLAG_${i}`, 0x1_0000 << i, `Type-specific flag bit ${i}`]))

/** May 2019 ring: length in 8-byte slots at bits 3..8, id in the top byte. */
export const INFO_RING_V1: Constant[] = [
  ...definesOf([
    ['WATCH_INFO_OVERRUN', 0x1, 'Event(s) lost due to overrun'],
    ['WATCH_INFO_ENOMEM', 0x2, 'Event(s) lost due to ENOMEM'],
    ['WATCH_INFO_RECURSIVE', 0x4, 'Change was recursive'],
    ['WATCH_INFO_LENGTH', 0x1f8, 'Length of record in slots (bits 3..8)'],
    ['WATCH_INFO_IN_SUBTREE', 0x200, 'Change was not at watched root'],
    ['WATCH_INFO_TYPE_FLAGS', 0xff0000, 'Type-specific flags'],
  ]),
  ...flags(),
  ...definesOf([
    ['WATCH_INFO_ID', 0xff00_0000, 'ID of watchpoint'],
    ['WATCH_LENGTH_SHIFT', 3, 'Shift turning WATCH_INFO_LENGTH into slots'],
  ]),
]

/** Added to the May-2019 header by the block patch (6/7); absent before. */
export const INFO_ID_SHIFT_V1: Constant = { name: 'WATCH_INFO_ID__SHIFT', value: 24 }

const shifted = (conf?: Pick<Constant, 'confidence' | 'note'>): Constant[] =>
  definesOf([
    ['WATCH_INFO_ID', 0xff00, 'ID of watchpoint'],
    ['WATCH_INFO_ID__SHIFT', 8],
    ['WATCH_INFO_TYPE_INFO', 0xffff_0000, 'Type-specific info'],
    ['WATCH_INFO_TYPE_INFO__SHIFT', 16],
  ]).map((c) => (c.name.endsWith('__SHIFT') && conf ? { ...c, ...conf } : c))

/** mmap ver #5..#8: length in 8-byte units at bits 0..5; lost flag lives in the ring header. */
export const INFO_RING_V5: Constant[] = [
  { name: 'WATCH_LENGTH_GRANULARITY', value: 8, c: 'sizeof(__u64)', description: 'Length unit in bytes' },
  ...definesOf([
    ['WATCH_INFO_LENGTH', 0x3f, 'Length of record in units of WATCH_LENGTH_GRANULARITY'],
    ['WATCH_INFO_LENGTH__SHIFT', 0],
  ]),
  ...shifted({
    confidence: 'derived',
    note: 'Shift names as in mainline; the ver #5+ sample uses WATCH_INFO_LENGTH__SHIFT',
  }),
  ...flags(),
  {
    name: 'WATCH_INFO_NOTIFICATIONS_LOST',
    value: 0x1_0000,
    c: 'WATCH_INFO_FLAG_0',
    description: 'Set in the ring header record by the kernel when records were lost; cleared by userspace',
  },
]

/** Pipe revisions and mainline: length in bytes at bits 0..6. */
export const INFO_PIPE: Constant[] = [
  ...definesOf([
    ['WATCH_INFO_LENGTH', 0x7f, 'Length of record in bytes'],
    ['WATCH_INFO_LENGTH__SHIFT', 0],
  ]),
  ...shifted(),
  ...flags(),
]
