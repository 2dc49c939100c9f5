// The record union narrows on `kind`; u64 fields are bigint; decoded records are valid encoder input.
import { expectTypeOf, test } from 'vitest'
import type { RecordInput, WatchRecord } from '../src/index.js'
import { decode } from '../src/index.js'

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
