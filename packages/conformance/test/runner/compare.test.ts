// compareStep: one observation against one expectation — handles, alternatives, records, errnos.
import { describe, expect, it } from 'vitest'
import { Bindings } from '../../src/runner/bindings.js'
import { compareStep } from '../../src/runner/compare.js'
import { hexOf, key, loss, removal } from '../support/records.js'

const LE = { endian: 'little', revision: 'mainline' } as const
const BE = { endian: 'big', revision: 'mainline' } as const

describe('compareStep', () => {
  it('accepts a missing expectation and matching ret/errno', () => {
    expect(compareStep(undefined, { errno: 'EINVAL' }, new Bindings(), LE).ok).toBe(true)
    expect(compareStep({ ret: 0 }, { ret: 0 }, new Bindings(), LE).ok).toBe(true)
    expect(compareStep({ errno: 'EBUSY' }, { errno: 'EBUSY' }, new Bindings(), LE).ok).toBe(true)
  })

  it('says what differed', () => {
    expect(compareStep({ ret: 0 }, { errno: 'EINVAL' }, new Bindings(), LE)).toEqual({
      ok: false,
      what: 'expected ret 0, observed EINVAL',
    })
    expect(compareStep({ errno: 'EINVAL' }, { ret: 0 }, new Bindings(), LE)).toEqual({
      ok: false,
      what: 'expected EINVAL, observed ret 0',
    })
    expect(compareStep({ errno: 'EINVAL' }, { errno: 'ENODEV' }, new Bindings(), LE)).toMatchObject({
      what: 'expected EINVAL, observed ENODEV',
    })
    expect(compareStep({ value: 48 }, { ret: 0, value: 32 }, new Bindings(), LE)).toMatchObject({
      what: 'expected value 48, observed 32',
    })
    expect(
      compareStep({ revents: ['POLLIN'] }, { ret: 1, revents: ['POLLIN', 'POLLHUP'] }, new Bindings(), LE),
    ).toMatchObject({
      what: 'expected revents POLLIN, observed POLLHUP|POLLIN',
    })
  })

  it('an errno expectation is not met by success, and a result expectation not by an errno', () => {
    expect(compareStep({ records: [] }, { errno: 'ENOBUFS' }, new Bindings(), LE)).toMatchObject({
      ok: false,
      what: 'expected success, observed ENOBUFS',
    })
  })

  it('binds an unbound handle on first sight, then holds it to that value', () => {
    const b = new Bindings()
    b.set('$k', 1234)
    const bytes = hexOf([key('linked', 1234, 777), key('unlinked', 1234, 777)])
    const exp = {
      records: [
        { kind: 'key', event: 'linked', keyId: '$k', aux: '$new' },
        { event: 'unlinked', aux: '$new' },
      ],
    }
    expect(compareStep(exp, { ret: 32, bytes }, b, LE).ok).toBe(true)
    expect(b.get('$new')).toBe(777)
    const other = hexOf([key('linked', 1234, 777), key('unlinked', 1234, 778)])
    const b2 = new Bindings()
    b2.set('$k', 1234)
    const r = compareStep(exp, { ret: 32, bytes: other }, b2, LE)
    expect(r).toMatchObject({ ok: false, what: 'records[1].aux: expected $new (= 777), observed 778' })
    expect(r.ok ? null : r.decoded).toHaveLength(2)
  })

  it('compares records decoded in the implementation byte order', () => {
    const be = hexOf([key('updated', 5, 0, 3)], 'big')
    expect(
      compareStep(
        { records: [{ kind: 'key', event: 'updated', keyId: 5, watchId: 3 }] },
        { ret: 16, bytes: be },
        new Bindings(),
        BE,
      ).ok,
    ).toBe(true)
    // Read as little-endian, the same bytes are something else.
    expect(
      compareStep(
        { records: [{ kind: 'key', event: 'updated', keyId: 5 }] },
        { ret: 16, bytes: be },
        new Bindings(),
        LE,
      ).ok,
    ).toBe(false)
  })

  it('matches removal ids (u64) as decimal text and handles', () => {
    const b = new Bindings()
    b.set('$k', 987654321)
    const bytes = hexOf([removal(987654321n), loss()])
    expect(
      compareStep(
        {
          records: [
            { kind: 'removal', id: '$k' },
            { kind: 'loss', length: 8 },
          ],
        },
        { ret: 24, bytes },
        b,
        LE,
      ).ok,
    ).toBe(true)
    expect(
      compareStep(
        { records: [{ kind: 'removal', id: '987654321' }, { kind: 'loss' }] },
        { ret: 24, bytes },
        new Bindings(),
        LE,
      ).ok,
    ).toBe(true)
  })

  it('counts records exactly and names the first extra one', () => {
    const bytes = hexOf([key('updated', 5), loss()])
    const r = compareStep({ records: [{ kind: 'key' }] }, { ret: 24, bytes }, new Bindings(), LE)
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.what).toMatch(/^expected 1 record\(s\), observed 2; first extra: .*"kind":"loss"/)
  })

  it('reports bytes that do not decode', () => {
    const r = compareStep({ records: [] }, { ret: 4, bytes: '01000000' }, new Bindings(), LE)
    expect(r.ok ? '' : r.what).toMatch(/^the observed bytes do not decode: .*offset 0/)
  })

  it('tries declared alternatives in order and keeps the bindings of the one that matched', () => {
    const exp = { anyOf: [{ errno: 'EAGAIN' }, { ret: 16, records: [{ kind: 'key', keyId: '$x' }] }] }
    const b = new Bindings()
    expect(compareStep(exp, { ret: 16, bytes: hexOf([key('updated', 42)]) }, b, LE).ok).toBe(true)
    expect(b.get('$x')).toBe(42)
    const b2 = new Bindings()
    const r = compareStep(exp, { errno: 'ENOBUFS' }, b2, LE)
    expect(r).toMatchObject({
      ok: false,
      what: 'alternative 1: expected EAGAIN, observed ENOBUFS; alternative 2: expected ret 16, observed ENOBUFS',
    })
    expect(b2.has('$x')).toBe(false)
  })

  it('a pattern with repeat matches that many consecutive records', () => {
    const bytes = hexOf([key('updated', 9), key('updated', 9), key('updated', 9), loss()])
    const want = { records: [{ kind: 'key', keyId: '$k', repeat: 3 }, { kind: 'loss' }] }
    const b = new Bindings()
    expect(compareStep(want, { ret: 56, bytes }, b, LE).ok).toBe(true)
    expect(b.get('$k')).toBe(9)
    const r = compareStep({ records: [{ kind: 'key', repeat: 4 }] }, { ret: 56, bytes }, new Bindings(), LE)
    expect(r.ok ? '' : r.what).toBe('records[3].kind: expected "key", observed "loss"')
  })

  it('compares exact bytes regardless of spacing and case', () => {
    expect(
      compareStep({ bytes: '01 00 00 00 08 00 00 00' }, { ret: 8, bytes: '0100000008000000' }, new Bindings(), LE).ok,
    ).toBe(true)
    expect(compareStep({ bytes: 'AB' }, { ret: 1, bytes: 'ac' }, new Bindings(), LE).ok).toBe(false)
  })
})
