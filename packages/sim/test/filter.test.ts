// SET_FILTER's checks (docs/semantics.md#errors-of-set_filter) and filtering at post time
// (docs/semantics.md#filtering-at-post-time).
import { encodeFilter } from '@watchq/decoder'
import { describe, expect, it } from 'vitest'
import { isErrno } from '../src/errors.js'
import { parseFilter, WatchFilter } from '../src/filter.js'
import { keyNotification, removalNotification } from '../src/records.js'
import { kinds, queue, read, Sim, type Step, update, userKey, watch } from './helpers.js'

const setFilter = (filter: unknown, fd = '$r'): Step => ({ op: 'set_filter', fd, filter })
const only = (type: number, subtypes: number, extra: Record<string, number> = {}) => ({
  filters: [{ type, subtype_filter: [subtypes], ...extra }],
})

describe('SET_FILTER', () => {
  it('checks ENODEV before anything, even a NULL filter', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'pipe2', flags: [], bind: ['$p', '$q'] },
      setFilter(null, '$p'),
      setFilter('bad-pointer', '$q'),
    ])
    expect(obs.slice(1)).toEqual([{ errno: 'ENODEV' }, { errno: 'ENODEV' }])
  })

  it('removes the filter with NULL, also when none was set', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      setFilter(null),
      userKey(),
      watch(),
      setFilter(only(1, 1 << 7)),
      update(),
      setFilter(null),
      update(),
      read(),
    ])
    expect(obs[2]).toEqual({ ret: 0 })
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['updated'])
  })

  it('faults on an unmapped header (EFAULT) and on entries past the given bytes', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      setFilter('bad-pointer'),
      setFilter({ bytes: '01000000' }),
      setFilter({ filters: [{ type: 1 }], nr_filters: 2 }),
    ])
    expect(obs.slice(2).map((o) => o.errno)).toEqual(['EFAULT', 'EFAULT', 'EFAULT'])
  })

  it('refuses nr_filters 0 or above 16, and a non-zero __reserved, before reading the entries', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      setFilter({ filters: [] }),
      setFilter({ filters: Array.from({ length: 17 }, () => ({ type: 1 })) }),
      setFilter({ filters: [{ type: 1 }], reserved: 1 }),
      setFilter({ filters: [], nr_filters: 17 }),
      setFilter({ filters: Array.from({ length: 16 }, () => ({ type: 1 })) }),
    ])
    expect(obs.slice(2).map((o) => o.errno ?? o.ret)).toEqual(['EINVAL', 'EINVAL', 'EINVAL', 'EINVAL', 0])
  })

  it('refuses info_filter bits outside info_mask, and masks over the length, for every entry and type', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      setFilter(only(1, 4, { info_filter: 0x100, info_mask: 0 })),
      setFilter(only(1, 4, { info_mask: 0x7f })),
      setFilter(only(1, 4, { info_mask: 1 })),
      setFilter(only(9, 1, { info_mask: 0x7f })),
      setFilter({ filters: [{ type: 1 }, { type: 1, info_filter: 16 }] }),
      setFilter(only(1, 4, { info_filter: 0x500, info_mask: 0xff00 })),
    ])
    expect(obs.slice(2).map((o) => o.errno ?? o.ret)).toEqual(['EINVAL', 'EINVAL', 'EINVAL', 'EINVAL', 'EINVAL', 0])
  })

  it('skips unknown types: a filter of only type 2 (or 0x1ff) drops every key record, not removals', () => {
    for (const type of [2, 0x1ff]) {
      const sim = new Sim()
      const obs = sim.run([
        ...queue(),
        setFilter(only(type, 0xffffffff)),
        userKey(),
        watch('$k', 4),
        update(),
        { op: 'unwatch', key: '$k', fd: '$r' },
        read(),
      ])
      expect(obs[2]).toEqual({ ret: 0 })
      expect(kinds(sim.records(obs.at(-1)!))).toEqual(['removal'])
    }
  })

  it('works through the write end', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      setFilter(only(1, 1 << 7), '$w'),
      userKey(),
      watch(),
      update(),
      { op: 'set_timeout', key: '$k', seconds: 9 },
      read(),
    ])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['setattr'])
  })

  it('reads the filter in the machine byte order', () => {
    const be = encodeFilter([{ type: 1, subtypeFilter: [4] }], { endian: 'big' })
    const f = parseFilter({ kind: 'bytes', bytes: be }, 'big')
    expect(f).toBeInstanceOf(WatchFilter)
    expect((f as WatchFilter).filters).toEqual([{ type: 1, infoFilter: 0, infoMask: 0, subtypeFilter0: 4 }])
    // The same bytes read little-endian say nr_filters = 0x01000000: EINVAL.
    expect(parseFilter({ kind: 'bytes', bytes: be }, 'little')).toMatchObject({ name: 'EINVAL' })
    expect(isErrno(parseFilter({ kind: 'fault' }, 'big'))).toBe(true)
  })
})

describe('filtering at post time', () => {
  it('lets through only the subtypes of word 0: type 1, subtype_filter[0] = 1<<2 is LINKED only', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      { op: 'add_key', type: 'keyring', description: 'ring', payload: null, keyring: '@s', bind: '$ring' },
      userKey(),
      watch('$ring'),
      setFilter(only(1, 1 << 2)),
      { op: 'link', key: '$k', keyring: '$ring' },
      { op: 'set_timeout', key: '$ring', seconds: 99 },
      { op: 'unlink', key: '$k', keyring: '$ring' },
      { op: 'clear', keyring: '$ring' },
      read(),
    ])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['linked'])
  })

  it('ignores words 1..7 of subtype_filter', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      setFilter({ filters: [{ type: 1, subtype_filter: [0, ...Array(7).fill(0xffffffff)] }] }),
      userKey(),
      watch(),
      update(),
      read(),
    ])
    expect(obs.at(-1)).toEqual({ errno: 'EAGAIN' })
  })

  it('matches (info & info_mask) == info_filter: mask 0xff00, filter 0x0500 keeps watch id 5 only', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey('$a'),
      userKey('$b'),
      watch('$a', 5),
      watch('$b', 6),
      setFilter(only(1, 0xff, { info_filter: 0x500, info_mask: 0xff00 })),
      update('$b'),
      update('$a'),
      read(),
    ])
    const recs = sim.records(obs.at(-1)!)
    expect(recs.map((r) => r.watchId)).toEqual([5])
  })

  it('ORs entries together, and rejects a type no entry names', () => {
    const f = new WatchFilter([
      { type: 1, infoFilter: 0, infoMask: 0, subtypeFilter0: 1 << 1 },
      { type: 1, infoFilter: 0, infoMask: 0, subtypeFilter0: 1 << 5 },
    ])
    expect(f.accepts(keyNotification(1, 7, 0))).toBe(true)
    expect(f.accepts(keyNotification(5, 7, 0))).toBe(true)
    expect(f.accepts(keyNotification(2, 7, 0))).toBe(false)
    expect(new WatchFilter([]).accepts(keyNotification(1, 7, 0))).toBe(false)
    expect(f.accepts(removalNotification(0x100, 7))).toBe(false)
  })

  it('is not retroactive: records queued before a new filter stay readable', () => {
    const sim = new Sim()
    const obs = sim.run([
      ...queue(),
      userKey(),
      watch(),
      update(),
      setFilter(only(1, 1 << 7)),
      update(),
      { op: 'set_timeout', key: '$k', seconds: 5 },
      read(),
    ])
    expect(kinds(sim.records(obs.at(-1)!))).toEqual(['updated', 'setattr'])
  })
})
