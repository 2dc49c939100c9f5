// The interface's numbers come from the spec (docs/semantics.md#constants-and-limits).
import { describe, expect, it } from 'vitest'
import * as uapi from '../src/uapi.js'

describe('uapi numbers', () => {
  it('are those of docs/semantics.md#constants-and-limits', () => {
    expect([uapi.NOTE_SIZE, uapi.MIN_NOTES, uapi.MAX_NOTES, uapi.MAX_FILTERS]).toEqual([128, 1, 512, 16])
    expect([uapi.IOC_WATCH_QUEUE_SET_SIZE, uapi.IOC_WATCH_QUEUE_SET_FILTER, uapi.KEYCTL_WATCH_KEY]).toEqual([
      0x5760, 0x5761, 32,
    ])
    expect([uapi.WATCH_ID_MIN, uapi.WATCH_ID_MAX, uapi.WATCH_TYPE__NR, uapi.KEY_GC_DELAY_S]).toEqual([-1, 255, 2, 300])
    expect(uapi.NOTIFY_KEY).toEqual({
      INSTANTIATED: 0,
      UPDATED: 1,
      LINKED: 2,
      UNLINKED: 3,
      CLEARED: 4,
      REVOKED: 5,
      INVALIDATED: 6,
      SETATTR: 7,
    })
  })
})
