// Ajv strict mode stays on: every schema compiles, bad annotation values and unknown keywords are
// rejected, and JSON values of structs validate in their JSON form (u64 as decimal strings).
import { describe, expect, it } from 'vitest'
import {
  createAjv,
  fromJson,
  KeyNotificationPipe,
  Revision,
  STRUCTS,
  toJson,
  UsbNotificationPipe,
  WatchNotificationFilter,
  WatchNotificationRemovalPipe,
} from '../src/index.js'

const layout = (l: unknown) => ({ type: 'integer', 'x-uapi-layout': l })

describe('createAjv', () => {
  it('compiles every struct schema and the revision schema in strict mode', () => {
    const ajv = createAjv()
    for (const [id, s] of STRUCTS) expect(() => ajv.compile(s), id).not.toThrow()
    expect(() => ajv.compile(Revision)).not.toThrow()
  })

  it.each([
    ['a negative offset', { offset: -1, ctype: '__u32', size: 4 }, /offset must be >= 0/],
    ['an unknown C type', { offset: 0, ctype: 'int', size: 4 }, /ctype must match pattern/],
    ['a zero-width bitfield', { offset: 0, ctype: '__u32', size: 4, bitfield: { position: 0, width: 0 } }, /width/],
    ['an unknown property', { offset: 0, ctype: '__u32', size: 4, endian: 'big' }, /must NOT have additional/],
    ['a missing size', { offset: 0, ctype: '__u32' }, /must have required property 'size'/],
  ])('rejects %s in x-uapi-layout', (_what, value, message) => {
    expect(() => createAjv().compile(layout(value))).toThrow(message)
  })

  it('rejects a bad x-uapi-struct and an unknown keyword', () => {
    const bad = { type: 'object', 'x-uapi-struct': { id: 'Pipe/X', c: 'struct x', size: 0, align: 1 } }
    expect(() => createAjv().compile(bad)).toThrow(/x-uapi-struct/)
    expect(() => createAjv().compile({ type: 'integer', 'x-uapi-layot': {} })).toThrow(
      /unknown keyword: "x-uapi-layot"/,
    )
  })
})

describe('JSON form of struct values', () => {
  const ajv = createAjv()

  it('validates a mainline key record and rejects a wrong field', () => {
    const v = ajv.compile(KeyNotificationPipe)
    const rec = { watch: { type: 1, subtype: 1, info: 0x110 }, key_id: 123, aux: 0 }
    expect(v(rec)).toBe(true)
    expect(v({ ...rec, watch: { ...rec.watch, subtype: 256 } })).toBe(false)
    expect(v({ ...rec, extra: 1 })).toBe(false)
  })

  it('keeps u64 as a decimal string in JSON and bigint in TypeScript', () => {
    const v = ajv.compile(WatchNotificationRemovalPipe)
    const json = { watch: { type: 0, subtype: 0, info: 0x110 }, id: '18446744073709551615' }
    expect(v(json)).toBe(true)
    expect(v({ ...json, id: 5 })).toBe(false)
    const value = fromJson(WatchNotificationRemovalPipe, json)
    expect(value.id).toBe(2n ** 64n - 1n)
    expect(toJson(WatchNotificationRemovalPipe, value)).toEqual(json)
    expect(() => fromJson(WatchNotificationRemovalPipe, { ...json, id: '18446744073709551616' })).toThrow(/not a u64/)
  })

  it('round-trips byte names and nested filter arrays', () => {
    const usb = { watch: { type: 3, subtype: 0, info: 20 }, error: 0, reserved: 0, name_len: 3, name: '757362' }
    expect(ajv.compile(UsbNotificationPipe)(usb)).toBe(true)
    const value = fromJson(UsbNotificationPipe, usb)
    expect(Buffer.from(value.name).toString()).toBe('usb')
    expect(toJson(UsbNotificationPipe, value)).toEqual(usb)
    const filter = {
      nr_filters: 1,
      __reserved: 0,
      filters: [{ type: 1, info_filter: 0, info_mask: 0, subtype_filter: [4, 0, 0, 0, 0, 0, 0, 0] }],
    }
    expect(ajv.compile(WatchNotificationFilter)(filter)).toBe(true)
    expect(toJson(WatchNotificationFilter, fromJson(WatchNotificationFilter, filter))).toEqual(filter)
  })
})
