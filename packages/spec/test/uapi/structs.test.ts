// Meta-tests of every struct variant: annotated, laid out by the C rules, no overlaps, tiled.
import { describe, expect, it } from 'vitest'
import {
  computeLayout,
  Field,
  LAYOUT_ARCHES,
  layoutProblems,
  members,
  STRUCTS,
  Struct,
  structLayout,
  WatchNotificationPipe,
} from '../../src/index.js'

const all = [...STRUCTS.entries()]

describe('struct catalogue', () => {
  it('has every variant of docs/abi-history.md under a unique id', () => {
    expect([...STRUCTS.keys()].sort()).toEqual(
      [
        'common/watch_notification_filter',
        'common/watch_notification_type_filter',
        'fanotify/fanotify_event_info_header',
        'fanotify/fanotify_event_info_mnt',
        'pipe/block_notification',
        'pipe/key_notification',
        'pipe/mount_notification~2020-02',
        'pipe/mount_notification~2020-03',
        'pipe/mount_notification~2020-08',
        'pipe/superblock_error_notification',
        'pipe/superblock_notification',
        'pipe/usb_notification',
        'pipe/watch_notification',
        'pipe/watch_notification_removal',
        'ring-v1/block_notification',
        'ring-v1/key_notification',
        'ring-v1/mount_notification',
        'ring-v1/superblock_error_notification',
        'ring-v1/superblock_notification',
        'ring-v1/usb_notification',
        'ring-v1/watch_notification',
        'ring-v1/watch_queue_buffer',
        'ring-v5/block_notification',
        'ring-v5/key_notification',
        'ring-v5/usb_notification',
        'ring-v5/watch_notification',
        'ring-v5/watch_notification_removal',
        'ring-v5/watch_queue_buffer',
      ].sort(),
    )
  })

  it.each(all)('%s: the id names the C struct', (id, s) => {
    expect(id.split('/')[1]!.split('~')[0]).toBe(structLayout(s).c.replace('struct ', ''))
  })
})

describe.each(LAYOUT_ARCHES)('layout of every struct on %s', (arch) => {
  it.each(all)('%s follows the C rules, has no overlaps and tiles sizeof', (_id, s) => {
    expect(layoutProblems(s, arch)).toEqual([])
  })
})

describe('ABI facts from docs/abi-history.md#struct-sizes-and-alignment', () => {
  const size = (id: string, arch: 'x86_64' | 'i386' = 'x86_64') => computeLayout(STRUCTS.get(id)!, arch)
  it.each([
    ['ring-v1/watch_queue_buffer', 20, 4, 4],
    ['ring-v1/superblock_notification', 16, 8, 4],
    ['ring-v1/superblock_error_notification', 24, 8, 4],
    ['ring-v1/block_notification', 24, 8, 4],
    ['ring-v5/watch_notification', 8, 8, 8],
    ['ring-v5/watch_queue_buffer', 24, 8, 8],
    ['ring-v5/watch_notification_removal', 16, 8, 8],
    ['ring-v5/usb_notification', 24, 8, 8],
    ['pipe/watch_notification', 8, 4, 4],
    ['pipe/watch_notification_removal', 16, 8, 4],
    ['pipe/key_notification', 16, 4, 4],
    ['pipe/block_notification', 24, 8, 4],
    ['pipe/usb_notification', 20, 4, 4],
    ['pipe/mount_notification~2020-03', 28, 4, 4],
    ['pipe/mount_notification~2020-08', 24, 8, 4],
    ['common/watch_notification_type_filter', 44, 4, 4],
    ['common/watch_notification_filter', 8, 4, 4],
  ] as const)('%s: sizeof %i, align %i (i386 %i)', (id, bytes, align, align32) => {
    expect(size(id).size).toBe(bytes)
    expect(size(id).align).toBe(align)
    expect(size(id, 'i386').align).toBe(align32)
  })

  it('usb_notification puts name_len at 16 and name[] at 17 in every family', () => {
    for (const id of ['ring-v1/usb_notification', 'ring-v5/usb_notification', 'pipe/usb_notification']) {
      const m = computeLayout(STRUCTS.get(id)!, 'x86_64').members
      expect(m.find((x) => x.name === 'name_len')?.offset).toBe(16)
      expect(m.find((x) => x.name === 'name')?.offset).toBe(17)
    }
  })

  it('every member of every struct has a layout annotation', () => {
    for (const [, s] of all) expect(members(s).length).toBe(Object.keys(s.properties).length)
  })
})

describe('the meta-checks can fail', () => {
  it('reports a wrong offset, a wrong sizeof, an overlap and a missing annotation', () => {
    const bad = Struct(
      { id: 'pipe/bad_notification', c: 'struct bad_notification', size: 20, align: 4 },
      { watch: Field.struct(WatchNotificationPipe, 0), a: Field.u32(4), b: Field.u64(12) },
      'deliberately wrong',
    )
    expect(layoutProblems(bad, 'x86_64')).toEqual([
      'pipe/bad_notification on x86_64: sizeof declared 20, C rules give 24',
      'pipe/bad_notification on x86_64: align declared 4, C rules give 8',
      'pipe/bad_notification on x86_64: a offset declared 4, C rules give 8',
      'pipe/bad_notification on x86_64: b offset declared 12, C rules give 16',
      'pipe/bad_notification on x86_64: a overlaps the member before it',
      'pipe/bad_notification on x86_64: members 20 + padding 4 != sizeof 20',
    ])
    const unannotated = Struct(
      { id: 'pipe/bare', c: 'struct bare', size: 4, align: 4 },
      { x: { type: 'integer' } as never },
      'no layout',
    )
    expect(layoutProblems(unannotated, 'i386')).toEqual(['pipe/bare on i386: x has no x-uapi-layout'])
  })
})
