// Expectations files: globs, conditions on kernel/arch, and what counts as unexpected.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImplementationInfo } from '@watchq/spec'
import fc from 'fast-check'
import picomatch from 'picomatch'
import { describe, expect, it } from 'vitest'
import {
  AllowUnsupported,
  Expectations,
  globMatcher,
  isUnexpected,
  loadExpectations,
} from '../../src/runner/expectations.js'

const impl = (kernel: string, arch = 'x86_64'): ImplementationInfo => ({
  name: 'k',
  version: '1',
  kernel,
  arch,
  endian: 'little',
  pageSize: 4096,
  ops: [],
})

describe('expectations', () => {
  it('globs: * within a segment, ** across', () => {
    const m = (glob: string, id: string) => globMatcher(glob)(id)
    expect(m('keys/*', 'keys/update')).toBe(true)
    expect(m('keys/*', 'keys/a/b')).toBe(false)
    expect(m('**/update', 'keys/a/update')).toBe(true)
    expect(m('**/update', 'update')).toBe(true)
    expect(m('keys/**', 'keys/a/b')).toBe(true)
    expect(m('keys/**', 'read/a')).toBe(false)
    expect(m('keys/**/gc', 'keys/gc')).toBe(true)
    expect(m('read/rwf-nowait.6.1', 'read/rwf-nowaitX6X1')).toBe(false)
    expect(m('read/rwf-nowait-6.?', 'read/rwf-nowait-6.1')).toBe(true)
    expect(m('read/rwf-nowait-6.?', 'read/rwf-nowait-6.12')).toBe(false)
    expect(m('*/*-einval', 'set-filter/entry-einval')).toBe(true)
    expect(m('*-einval', 'set-filter/entry-einval')).toBe(false)
    expect(m('keys**', 'keys/update')).toBe(false)
    expect(m('peers/(ltp)/[kw]*', 'peers/(ltp)/[kw]x')).toBe(true)
  })

  // The pathological glob of the bug report on ids it cannot match. The regular expression this
  // replaced (and picomatch, which compiles * the same way) took about 12 s for one such id; here
  // each costs glob length × id length steps. No wall-clock assertion (this machine is noisy): a
  // thousand ids inside a timeout of a few seconds cannot pass with a backtracking matcher and
  // cannot fail without one.
  it('matches a pathological glob in time proportional to its length', { timeout: 5000 }, () => {
    const matches = globMatcher('*a*a*a*a*a*a*a*a*a*a*b')
    const ids = Array.from({ length: 1000 }, (_, i) => `${'a'.repeat(40 + (i % 40))}${i % 2 ? '' : 'c'}`)
    expect(ids.filter(matches)).toEqual([])
    expect(matches(`${'a'.repeat(60)}b`)).toBe(true)
    expect(globMatcher('**/*a*a*a*a*a*a*a*a*a*a*b')(`keys/${'a'.repeat(60)}`)).toBe(false)
  })

  // picomatch is the reference for what these globs mean, on ids and globs without "." and without
  // three stars in a row: there picomatch leaves some dots unescaped ("a.?" matches "ab-", "***-."
  // matches "b-b") and wants a character after the dot of "*.*". One quirk is left out too: after a
  // segment that ends in *, a last "**" needs one more segment there ("*/**" does not match "keys",
  // though "k*s/**" and "keys/**" do); here a "**" is none or more segments wherever it stands.
  it('means what picomatch means for ?, * and **', () => {
    const segment = fc.stringMatching(/^[ab][ab-]{0,5}$/)
    const id = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'))
    const token = fc.constantFrom('a', 'b', '-', '?', '*', 'ab')
    const globSegment = fc.oneof(
      fc.constant('**'),
      fc
        .array(token, { minLength: 1, maxLength: 5 })
        .map((t) => t.join(''))
        .filter((s) => !s.includes('***')),
    )
    const glob = fc
      .array(globSegment, { minLength: 1, maxLength: 4 })
      .map((s) => s.join('/'))
      .filter((g) => !g.endsWith('*/**'))
    fc.assert(
      fc.property(glob, id, (g, i) => {
        expect(globMatcher(g)(i), `${g} on ${i}`).toBe(picomatch(g, { dot: true })(i))
      }),
      { numRuns: 3000 },
    )
  })

  it('applies the first entry whose case and conditions match', () => {
    const e = new Expectations({
      entries: [
        { case: 'read/nowait', status: 'fail', reason: 'D1: 6.1 has no FMODE_NOWAIT', when: { kernel: '<6.12' } },
        { case: 'keys/*', status: ['fail', 'timeout'], reason: 'gc is slow', when: { arch: ['s390x'] } },
      ],
    })
    expect(e.lookup('read/nowait', impl('6.1.192'))).toEqual({
      statuses: ['fail'],
      reason: 'D1: 6.1 has no FMODE_NOWAIT',
    })
    expect(e.lookup('read/nowait', impl('6.12.117'))).toBeNull()
    expect(e.lookup('keys/gc', impl('6.12.117', 's390x'))?.statuses).toEqual(['fail', 'timeout'])
    expect(e.lookup('keys/gc', impl('6.12.117'))).toBeNull()
  })

  it('unexpected: anything but pass/not-applicable when unlisted; anything not allowed when listed (an unexpected pass too)', () => {
    expect(isUnexpected('pass', null)).toBe(false)
    expect(isUnexpected('not-applicable', null)).toBe(false)
    expect(isUnexpected('unsupported', null)).toBe(true)
    expect(isUnexpected('fail', null)).toBe(true)
    expect(isUnexpected('crash', null)).toBe(true)
    const allowed = { statuses: ['fail' as const], reason: 'r' }
    expect(isUnexpected('fail', allowed)).toBe(false)
    expect(isUnexpected('pass', allowed)).toBe(true)
  })

  it('"skip" in an entry (report version 1\'s word) allows both statuses of a case not run', () => {
    const e = new Expectations({ entries: [{ case: 'a', status: ['fail', 'skip'], reason: 'old file' }] })
    expect(e.lookup('a', null)?.statuses).toEqual(['fail', 'not-applicable', 'unsupported'])
  })

  it('--allow-unsupported: features and op:NAME must all be named; all allows everything', () => {
    const some = new AllowUnsupported(['notification-pipe', 'op:spawn'])
    expect(some.allows(['notification-pipe'])).toEqual({
      statuses: ['pass', 'unsupported'],
      reason: '--allow-unsupported notification-pipe',
    })
    expect(some.allows(['notification-pipe', 'op:spawn'])?.statuses).toContain('unsupported')
    expect(some.allows(['notification-pipe', 'key-gc'])).toBeNull()
    // A case declined as a whole names nothing it lacks: only `all` allows it.
    expect(some.allows(undefined)).toBeNull()
    expect(new AllowUnsupported(['all']).allows(undefined)?.reason).toBe('--allow-unsupported all')
    expect(() => new AllowUnsupported(['notification-pipes', 'op:nope'])).toThrow(
      /--allow-unsupported: unknown "notification-pipes", "op:nope" \(expected a feature/,
    )
  })

  it('loads a file and explains a bad one', () => {
    const dir = tmpdir()
    const good = join(dir, `watchq-exp-${process.pid}.json`)
    writeFileSync(good, JSON.stringify({ entries: [{ case: 'a', status: 'fail', reason: 'why' }] }))
    expect(loadExpectations(good).lookup('a', null)?.reason).toBe('why')
    const bad = join(dir, `watchq-exp-bad-${process.pid}.json`)
    writeFileSync(bad, JSON.stringify({ entries: [{ case: 'a', status: 'failed' }] }))
    expect(() => loadExpectations(bad)).toThrow(
      /not valid:\n {2}at \/entries\/0\/reason: is required\n {2}at \/entries\/0\/status: must be /,
    )
  })
})
