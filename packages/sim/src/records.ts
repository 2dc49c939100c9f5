// The records a notification queue carries (docs/semantics.md#record-formats), as the kernel builds
// them before posting, and their bytes in the machine's byte order (built by the decoder's encoder,
// never by hand).
import { encode } from '@watchq/decoder'
import {
  WATCH_INFO_ID,
  WATCH_INFO_ID__SHIFT,
  WATCH_META_LOSS_NOTIFICATION,
  WATCH_META_REMOVAL_NOTIFICATION,
  WATCH_TYPE_KEY_NOTIFY,
  WATCH_TYPE_META,
} from './uapi.js'

/** struct watch_notification plus its payload, before it is written into a note. */
export interface KeyNotification {
  readonly kind: 'key'
  readonly type: number
  readonly subtype: number
  info: number
  readonly keyId: number
  readonly aux: number
}
export interface RemovalNotification {
  readonly kind: 'removal'
  readonly type: number
  readonly subtype: number
  info: number
  readonly id: number
}
export interface LossNotification {
  readonly kind: 'loss'
  readonly type: number
  readonly subtype: number
  info: number
}
export type Notification = KeyNotification | RemovalNotification | LossNotification

/**
 * Key notification records are 16 bytes (docs/semantics.md#key-notifications); the watch id is
 * filled in per watch at post time.
 */
export const KEY_RECORD_SIZE = 16
export const REMOVAL_RECORD_SIZE = 16
export const LOSS_RECORD_SIZE = 8

/** notify_key(): info carries the length only; __post_watch_notification adds the watch id. */
export function keyNotification(subtype: number, keyId: number, aux: number): KeyNotification {
  return { kind: 'key', type: WATCH_TYPE_KEY_NOTIFY, subtype, info: KEY_RECORD_SIZE, keyId, aux: aux >>> 0 }
}

/**
 * The removal record carries the watch's id in info and the key serial as a u64 id
 * (docs/semantics.md#removal-records).
 */
export function removalNotification(infoId: number, serial: number): RemovalNotification {
  return {
    kind: 'removal',
    type: WATCH_TYPE_META,
    subtype: WATCH_META_REMOVAL_NOTIFICATION,
    info: (infoId | REMOVAL_RECORD_SIZE) >>> 0,
    id: serial,
  }
}

/** The LOSS record read() makes up: 8 bytes, info = 8, no watch id (docs/semantics.md#where-the-loss-record-goes). */
export function lossNotification(): LossNotification {
  return { kind: 'loss', type: WATCH_TYPE_META, subtype: WATCH_META_LOSS_NOTIFICATION, info: LOSS_RECORD_SIZE }
}

/** The watch id of a KEYCTL_WATCH_KEY call as it sits in info (bits 8-15). */
export const infoIdOf = (watchId: number): number => ((watchId << WATCH_INFO_ID__SHIFT) & WATCH_INFO_ID) >>> 0

// Posting the same record again and again (filling a queue) is the common case: keep the bytes.
const cache = new Map<string, Uint8Array>()
const CACHE_LIMIT = 4096

/** The record's bytes, exactly as a read() copies them out. Treat the result as read-only. */
export function notificationBytes(n: Notification, endian: 'little' | 'big'): Uint8Array {
  const key =
    n.kind === 'key'
      ? `${endian}k${n.subtype},${n.info},${n.keyId},${n.aux}`
      : n.kind === 'removal'
        ? `${endian}r${n.info},${n.id}`
        : `${endian}l${n.info}`
  let bytes = cache.get(key)
  if (!bytes) {
    const record =
      n.kind === 'key'
        ? { kind: 'key' as const, subtype: n.subtype, info: n.info, keyId: n.keyId, aux: n.aux }
        : n.kind === 'removal'
          ? { kind: 'removal' as const, subtype: n.subtype, info: n.info, id: BigInt(n.id) }
          : { kind: 'loss' as const, subtype: n.subtype, info: n.info }
    bytes = encode([record], { endian })
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(key, bytes)
  }
  return bytes
}
