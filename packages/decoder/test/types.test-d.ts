// The record union narrows on `kind`; u64 fields are bigint; decoded records are valid encoder input.
import { expectTypeOf, test } from 'vitest'
import type { RecordInput, Walker, WatchRecord } from '../src/index.js'
import { decode, openWalker } from '../src/index.js'

test('narrowing on kind', () => {
  const recs = decode(new Uint8Array(0))
  expectTypeOf(recs).toEqualTypeOf<WatchRecord[]>()
  const r = recs[0]!
  if (r.kind === 'key') {
    expectTypeOf(r.keyId).toEqualTypeOf<number>()
    expectTypeOf(r.event).toEqualTypeOf<
      'instantiated' | 'updated' | 'linked' | 'unlinked' | 'cleared' | 'revoked' | 'invalidated' | 'setattr' | null
    >()
  }
  if (r.kind === 'removal') expectTypeOf(r.id).toEqualTypeOf<bigint | undefined>()
  if (r.kind === 'block') expectTypeOf(r.sector).toEqualTypeOf<bigint>()
  if (r.kind === 'usb') expectTypeOf(r.name).toEqualTypeOf<Uint8Array>()
  if (r.kind === 'unknown') expectTypeOf(r.reason).toEqualTypeOf<'unknown-type' | 'record-too-short'>()
  // @ts-expect-error keyId exists only on key records
  r.keyId
})

test('decoded records are encoder input', () => {
  expectTypeOf<WatchRecord>().toExtend<RecordInput>()
})

test('the walker reads numbers by offset, u64 as bigint', () => {
  const w = openWalker(new Uint8Array(0), { endian: 'little' })
  expectTypeOf(w).toEqualTypeOf<Walker>()
  expectTypeOf(w.first()).toEqualTypeOf<number>()
  expectTypeOf(w.next).parameters.toEqualTypeOf<[at: number]>()
  expectTypeOf(w.word(0, 8)).toEqualTypeOf<number>()
  expectTypeOf(w.u32(0, 8)).toEqualTypeOf<number>()
  expectTypeOf(w.u64(0, 8)).toEqualTypeOf<bigint>()
  expectTypeOf(w.length(0)).toEqualTypeOf<number>()
  // @ts-expect-error the payload offset is required
  w.word(0)
  // @ts-expect-error the walker's state is not part of its type
  w._words
})
