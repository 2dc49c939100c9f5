// The revision registry: valid against its own schema, internally consistent (every record rule
// names constants and structs of its revision), complete against docs/abi-history.md, and the facts
// docs/abi-history.md states (including what it leaves unconfirmed) are what the registry says.
import { describe, expect, it } from 'vitest'
import {
  computeLayout,
  constant,
  createAjv,
  enumMembers,
  findConstant,
  infoLayout,
  REVISIONS,
  Revision,
  recordLength,
  revision,
  STRUCTS,
  structLayout,
  valueOn,
} from '../../src/index.js'

const byId = REVISIONS.map((r) => [r.id, r] as const)

describe('registry', () => {
  it('holds every revision of docs/abi-history.md, in order', () => {
    expect(REVISIONS.map((r) => r.id)).toEqual([
      'pre-v1',
      'mmap-v1',
      'mmap-v2',
      'mmap-v3',
      'mmap-v4',
      'mmap-v5',
      'mmap-v6',
      'mmap-v7',
      'mmap-v8',
      'pipe-v1',
      'pipe-v2',
      'pipe-v3',
      'fsinfo-v16',
      'fsinfo-v17',
      'pipe-v4',
      'pipe-v5',
      'mainline',
      'mount-2020-07',
      'mount-2020-08',
      'fanotify-6.14',
    ])
    const dates = REVISIONS.map((r) => r.date.value)
    expect([...dates].sort()).toEqual(dates)
  })

  it('names unknown revisions in its error', () => {
    expect(() => revision('mmap-v9')).toThrow(/unknown revision "mmap-v9"; known: pre-v1, mmap-v1/)
  })

  it('validates every revision against the Revision schema with Ajv strict', () => {
    const validate = createAjv().compile(Revision)
    const errors = REVISIONS.flatMap((r) =>
      validate(r as unknown) ? [] : (validate.errors ?? []).map((e) => `${r.id}${e.instancePath} ${e.message}`),
    )
    expect(errors).toEqual([])
  })
})

describe.each(byId)('%s is internally consistent', (_id, rev) => {
  it('has unique constant names and unique values within each enum', () => {
    const names = rev.constants.map((c) => c.name)
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
    for (const tag of new Set(rev.constants.flatMap((c) => (c.enum ? [c.enum] : [])))) {
      const values = enumMembers(rev, tag).map((c) => valueOn(c))
      expect(new Set(values).size, tag).toBe(values.length)
    }
  })

  it('lists structs that exist, with distinct C names', () => {
    for (const id of rev.structs) expect(STRUCTS.has(id), id).toBe(true)
    const cNames = rev.structs.map((id) => structLayout(STRUCTS.get(id)!).c)
    expect(new Set(cNames).size).toBe(cNames.length)
  })

  it('has record rules that name its own types, subtypes, enums and structs', () => {
    for (const r of rev.records) {
      expect(constant(rev, r.type).enum, r.type).toBe('watch_notification_type')
      if (r.subtype) expect(findConstant(rev, r.subtype), r.subtype).toBeDefined()
      if (r.subtypeEnum) expect(enumMembers(rev, r.subtypeEnum).length, r.subtypeEnum).toBeGreaterThan(0)
      for (const s of r.structs) expect(rev.structs, `${r.kind} uses ${s}`).toContain(s)
    }
  })

  it('can encode the length of every fixed-size record it defines', () => {
    if (!rev.lengthUnit) return
    const info = infoLayout(rev)
    const max = (info.lengthMask >>> info.lengthShift) * info.lengthUnit
    for (const r of rev.records.filter((x) => x.length.kind === 'fixed')) {
      for (const s of r.structs) {
        const size = computeLayout(STRUCTS.get(s)!, 'x86_64').size
        expect(size, `${s} in ${rev.id}`).toBeLessThanOrEqual(max)
        if (rev.lengthUnit === 'slot8') expect(size % 8, `${s} fills whole slots`).toBe(0)
      }
    }
  })
})

describe('facts of docs/abi-history.md', () => {
  const v = (id: string, name: string, arch: 'generic' | 'mips' = 'generic') =>
    valueOn(constant(revision(id), name), arch)

  it('info layouts: slots in May 2019, 8-byte units from ver #5, bytes on the pipe', () => {
    expect(infoLayout(revision('mmap-v1'))).toEqual({
      lengthMask: 0x1f8,
      lengthShift: 3,
      lengthUnit: 8,
      idMask: 0xff00_0000,
      idShift: 24,
      typeInfoMask: 0xff_0000,
    })
    expect(infoLayout(revision('mmap-v8'))).toMatchObject({
      lengthMask: 0x3f,
      lengthShift: 0,
      lengthUnit: 8,
      idShift: 8,
    })
    expect(infoLayout(revision('mainline'))).toEqual({
      lengthMask: 0x7f,
      lengthShift: 0,
      lengthUnit: 1,
      idMask: 0xff00,
      idShift: 8,
      typeInfoMask: 0xffff_0000,
    })
    // The May-2019 producers set info = sizeof(record): the byte value lands on the slot field.
    expect(recordLength(infoLayout(revision('mmap-v1')), 16 | (3 << 24))).toBe(16)
    expect(recordLength(infoLayout(revision('mmap-v8')), 2 | (3 << 8))).toBe(16)
    expect(recordLength(infoLayout(revision('mainline')), 0x110)).toBe(16)
  })

  it('type and subtype numbering across revisions', () => {
    expect(v('pre-v1', 'WATCH_TYPE___NR')).toBe(4)
    expect(findConstant(revision('pre-v1'), 'WATCH_INFO_ID__SHIFT')).toBeUndefined()
    expect(v('mmap-v1', 'WATCH_TYPE_BLOCK_NOTIFY')).toBe(4)
    expect(v('mmap-v3', 'WATCH_TYPE_USB_NOTIFY')).toBe(5)
    expect(v('mmap-v5', 'WATCH_TYPE_KEY_NOTIFY')).toBe(1)
    expect(v('mmap-v7', 'NOTIFY_USB_BUS_ADD')).toBe(2)
    expect(findConstant(revision('mmap-v8'), 'NOTIFY_USB_BUS_ADD')).toBeUndefined()
    expect(v('mmap-v8', 'NOTIFY_USB_DEVICE_ERROR')).toBe(3)
    expect(v('mmap-v1', 'WATCH_META_SKIP_NOTIFICATION')).toBe(0)
    expect(v('mmap-v8', 'WATCH_META_REMOVAL_NOTIFICATION')).toBe(1)
    expect(v('pipe-v1', 'WATCH_META_REMOVAL_NOTIFICATION')).toBe(0)
    expect(v('pipe-v1', 'WATCH_META_LOSS_NOTIFICATION')).toBe(1)
    expect(findConstant(revision('pipe-v1'), 'WATCH_META_SKIP_NOTIFICATION')).toBeUndefined()
    expect(v('pipe-v3', 'WATCH_TYPE__NR')).toBe(4)
    expect(v('fsinfo-v17', 'WATCH_TYPE_SB_NOTIFY')).toBe(3)
    expect(v('mainline', 'WATCH_TYPE__NR')).toBe(2)
    expect(v('mount-2020-08', 'WATCH_TYPE___NR')).toBe(3)
    expect(v('mount-2020-08', 'NOTIFY_MOUNT_IS_SUBMOUNT')).toBe(0x4_0000)
    expect(v('fsinfo-v16', 'NOTIFY_MOUNT_IS_SUBMOUNT')).toBe(0x8_0000)
  })

  it('ioctls, pipe flags and keyctl numbers', () => {
    expect(v('mmap-v2', 'IOC_WATCH_QUEUE_SET_SIZE')).toBe(0x7301)
    expect(v('mmap-v3', 'IOC_WATCH_QUEUE_SET_FILTER')).toBe(0x5761)
    expect(v('mainline', 'IOC_WATCH_QUEUE_SET_SIZE', 'mips')).toBe(0x2000_5760)
    expect(v('pipe-v1', 'O_TMPFILE')).toBe(0o20200000)
    expect(findConstant(revision('pipe-v1'), 'O_NOTIFICATION_PIPE')).toBeUndefined()
    expect(v('pipe-v2', 'O_NOTIFICATION_PIPE', 'mips')).toBe(0x400)
    expect(v('mmap-v4', 'KEYCTL_WATCH_KEY')).toBe(30)
    expect(v('mainline', 'KEYCTL_WATCH_KEY')).toBe(32)
    expect(v('mainline', 'KEYCTL_CAPS1_NOTIFICATIONS')).toBe(4)
    expect(v('mainline', 'WATCH_QUEUE_MAX_FILTERS')).toBe(16)
  })

  it('marks what the sources leave open as unconfirmed, and nothing in mainline', () => {
    const unconfirmed = (id: string) => {
      const r = revision(id)
      return [
        ...(r.confidence === 'unconfirmed' ? ['revision'] : []),
        ...(r.date.confidence === 'unconfirmed' ? ['date'] : []),
        ...r.constants.filter((c) => c.confidence === 'unconfirmed').map((c) => c.name),
        ...r.records.filter((c) => c.confidence === 'unconfirmed').map((c) => `record:${c.kind}`),
        ...r.syscalls.filter((c) => c.confidence === 'unconfirmed').map((c) => `syscall:${c.name}`),
      ]
    }
    expect(unconfirmed('mainline')).toEqual([])
    expect(unconfirmed('pre-v1')).toEqual(['date'])
    expect(unconfirmed('mmap-v1')).toEqual(['KEYCTL_WATCH_KEY'])
    expect(unconfirmed('mmap-v2')).toEqual(expect.arrayContaining(['revision', 'date']))
    expect(unconfirmed('mmap-v6')).toContain('date')
    expect(unconfirmed('mmap-v8')).toEqual(['KEYCTL_WATCH_KEY', 'record:usb', 'syscall:watch_devices'])
    expect(unconfirmed('pipe-v1')).toEqual(
      expect.arrayContaining(['IOC_WATCH_QUEUE_SET_SIZE', 'record:loss', 'syscall:watch_devices']),
    )
    expect(unconfirmed('pipe-v2')).toContain('WATCH_TYPE___NR')
    expect(unconfirmed('pipe-v4')).toEqual(expect.arrayContaining(['revision', 'syscall:watch_mount']))
    expect(unconfirmed('mount-2020-07')).toContain('revision')
    expect(structLayout(STRUCTS.get('ring-v1/usb_notification')!).confidence).toBe('derived')
    expect(structLayout(STRUCTS.get('fanotify/fanotify_event_info_mnt')!).confidence).toBe('derived')
  })
})
