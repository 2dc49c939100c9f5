// Kernel release ranges as cases and expectations files write them.
import { describe, expect, it } from 'vitest'
import { inRange, parseRelease } from '../../src/runner/kernel-range.js'

describe('kernel ranges', () => {
  it('reads releases by their leading numbers', () => {
    expect(parseRelease('6.12.117-amd64')).toEqual([6, 12, 117])
    expect(parseRelease('6.1')).toEqual([6, 1, 0])
    expect(parseRelease('linux')).toBeNull()
  })

  it.each([
    ['6.1.192', '>=6.1 <6.12', true],
    ['6.12.117', '>=6.1 <6.12', false],
    ['6.12.0', '>=6.12', true],
    ['6.11.9', '>=6.12', false],
    ['6.12.117', '6.12', true],
    ['6.13.1', '6.12', false],
    ['6.1.192', '=6.1.192', true],
    ['6.1.191', '=6.1.192', false],
    ['6.1.85', '>6.1.84 <=6.1.85', true],
    ['garbage', '>=6.1', false],
  ])('%s in "%s" is %s', (release, range, want) => {
    expect(inRange(release, range)).toBe(want)
  })

  it('rejects a range without versions', () => {
    expect(() => inRange('6.1', '>=')).toThrow('">=" is not a kernel range')
  })
})
