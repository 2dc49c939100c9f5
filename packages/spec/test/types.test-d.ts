// Static types of struct schemas: u32 → number, u64 → bigint, byte arrays → Uint8Array.
import type { Static } from '@sinclair/typebox'
import { expectTypeOf, test } from 'vitest'
import type { KeyNotificationPipe, UsbNotificationPipe, WatchNotificationRemovalPipe } from '../src/index.js'

test('struct value types', () => {
  expectTypeOf<Static<typeof KeyNotificationPipe>['key_id']>().toEqualTypeOf<number>()
  expectTypeOf<Static<typeof KeyNotificationPipe>['watch']['subtype']>().toEqualTypeOf<number>()
  expectTypeOf<Static<typeof WatchNotificationRemovalPipe>['id']>().toEqualTypeOf<bigint>()
  expectTypeOf<Static<typeof UsbNotificationPipe>['name']>().toEqualTypeOf<Uint8Array>()
})
