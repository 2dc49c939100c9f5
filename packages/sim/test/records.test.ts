// Record formats (docs/semantics.md#record-formats), as bytes in each byte order
// (docs/semantics.md#byte-order-of-the-header).
import { describe, expect, it } from 'vitest'
import { infoIdOf, keyNotification, lossNotification, notificationBytes, removalNotification } from '../src/records.js'
import { NOTIFY_KEY } from '../src/uapi.js'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('records', () => {
  it('a key record is 16 bytes: type 1, the subtype, info 0x10 | id<<8, key id, aux', () => {
    const n = { ...keyNotification(NOTIFY_KEY.LINKED, 0x11223344, 0x55667788), info: 0x10 | infoIdOf(3) }
    expect(hex(notificationBytes(n, 'little'))).toBe('010000021003000044332211' + '88776655')
    expect(hex(notificationBytes(n, 'big'))).toBe('00000102' + '00000310' + '11223344' + '55667788')
  })

  it('a removal record is 16 bytes: type 0, subtype 0, the watch id, the serial as a u64', () => {
    expect(hex(notificationBytes(removalNotification(infoIdOf(7), 0x04525678), 'little'))).toBe(
      '00000000100700007856520400000000',
    )
  })

  it('a LOSS record is 8 bytes with info 8 and no watch id', () => {
    expect(hex(notificationBytes(lossNotification(), 'little'))).toBe('0000000108000000')
    expect(hex(notificationBytes(lossNotification(), 'big'))).toBe('0000000100000008')
  })

  it('keeps aux as an unsigned 32-bit number (negated errnos)', () => {
    expect(keyNotification(NOTIFY_KEY.INSTANTIATED, 1, -126).aux).toBe(0xffffff82)
  })

  it('puts the watch id in info bits 8-15', () => {
    expect([0, 1, 255].map(infoIdOf)).toEqual([0, 0x100, 0xff00])
  })
})
