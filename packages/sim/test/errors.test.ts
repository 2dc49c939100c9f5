// An errno as a value: asm-generic numbers, one instance per name.
import { describe, expect, it } from 'vitest'
import { Errno, err, errnoValue, isErrno } from '../src/errors.js'

describe('errno values', () => {
  it('carry the asm-generic numbers of the spec and of the VFS around it', () => {
    expect([err('ENOBUFS').value, err('EBADSLT').value, err('EXDEV').value, err('ENOTDIR').value]).toEqual([
      105, 57, 18, 20,
    ])
    expect(errnoValue('ENOKEY')).toBe(126)
    expect(errnoValue('ENOTANERRNO')).toBeUndefined()
  })

  it('are one value per name', () => {
    expect(err('EINVAL')).toBe(Errno.of('EINVAL'))
    expect(isErrno(err('EINVAL'))).toBe(true)
    expect(isErrno(22)).toBe(false)
  })

  it('refuse a name the model does not know (a bug in the model, not an answer)', () => {
    expect(() => err('EWHATEVER')).toThrow(/no errno/)
  })
})
