// Expectations files: globs, conditions on kernel/arch, and what counts as unexpected.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImplementationInfo } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { Expectations, globToRegExp, isUnexpected, loadExpectations } from '../../src/runner/expectations.js'

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
    expect(globToRegExp('keys/*').test('keys/update')).toBe(true)
    expect(globToRegExp('keys/*').test('keys/a/b')).toBe(false)
    expect(globToRegExp('**/update').test('keys/a/update')).toBe(true)
    expect(globToRegExp('read/rwf-nowait.6.1').test('read/rwf-nowaitX6X1')).toBe(false)
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

  it('unexpected: anything but pass/skip when unlisted; anything not allowed when listed (an unexpected pass too)', () => {
    expect(isUnexpected('pass', null)).toBe(false)
    expect(isUnexpected('skip', null)).toBe(false)
    expect(isUnexpected('fail', null)).toBe(true)
    expect(isUnexpected('crash', null)).toBe(true)
    const allowed = { statuses: ['fail' as const], reason: 'r' }
    expect(isUnexpected('fail', allowed)).toBe(false)
    expect(isUnexpected('pass', allowed)).toBe(true)
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
