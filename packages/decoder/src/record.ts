// Decoded records: a discriminated union on `kind`. Payload fields are the camelCase names of the
// C members (checked against the spec by test/record.test.ts); u64 values are bigint.
import type { RecordKind } from './tables.js'

export type Endian = 'little' | 'big'

/** Fields every record has. */
export interface RecordHeader {
  /** Byte offset of the record in the input (or in the stream, or in the ring buffer). */
  readonly offset: number
  /** Record length in bytes, from the info field. */
  readonly length: number
  readonly type: number
  readonly subtype: number
  /** The raw info word. */
  readonly info: number
  /** Watch id (info bits 8..15 on the pipe, 24..31 in the May-2019 ring). */
  readonly watchId: number
  /** Type-specific info bits, shifted down (WATCH_INFO_FLAG_n is bit n). */
  readonly typeInfo: number
}

export type KeyEvent =
  | 'instantiated'
  | 'updated'
  | 'linked'
  | 'unlinked'
  | 'cleared'
  | 'revoked'
  | 'invalidated'
  | 'setattr'

export interface KeyRecord extends RecordHeader {
  readonly kind: 'key'
  /** Subtype name, or null for a subtype the revision does not define. */
  readonly event: KeyEvent | null
  readonly keyId: number
  readonly aux: number
}

export interface RemovalRecord extends RecordHeader {
  readonly kind: 'removal'
  /** Object id (the key serial): present in the 16-byte form only. */
  readonly id?: bigint
}

export interface LossRecord extends RecordHeader {
  readonly kind: 'loss'
}

export interface SkipRecord extends RecordHeader {
  readonly kind: 'skip'
}

interface Evented extends RecordHeader {
  /** Subtype name (`NOTIFY_BLOCK_ERROR_IO` → `error-io`), or null if the revision has none. */
  readonly event: string | null
}

export interface BlockRecord extends Evented {
  readonly kind: 'block'
  readonly dev: bigint
  readonly sector: bigint
}

export interface UsbRecord extends Evented {
  readonly kind: 'usb'
  readonly error: number
  readonly reserved: number
  readonly nameLen: number
  readonly name: Uint8Array
}

export interface MountRecord extends Evented {
  readonly kind: 'mount'
  /** u32 up to March 2020, u64 in the August-2020 revision. */
  readonly triggeredOn: number | bigint
  /** May 2019 and February 2020. */
  readonly changedMount?: number
  /** From pipe ver #5 (u32) and August 2020 (u64). */
  readonly auxiliaryMount?: number | bigint
  /** pipe ver #5 counters. */
  readonly topologyChanges?: number
  readonly attrChanges?: number
  readonly auxTopologyChanges?: number
}

export interface SuperblockRecord extends Evented {
  readonly kind: 'superblock'
  readonly sbId: bigint
}

export interface SuperblockErrorRecord extends Evented {
  readonly kind: 'superblock-error'
  readonly sbId: bigint
  readonly errorNumber: number
  readonly errorCookie: number
}

export interface UnknownRecord extends RecordHeader {
  readonly kind: 'unknown'
  /** Why the record could not be decoded as a known kind. */
  readonly reason: 'unknown-type' | 'record-too-short'
  /** The whole record, header included (a copy). */
  readonly bytes: Uint8Array
}

export type WatchRecord =
  | KeyRecord
  | RemovalRecord
  | LossRecord
  | SkipRecord
  | BlockRecord
  | UsbRecord
  | MountRecord
  | SuperblockRecord
  | SuperblockErrorRecord
  | UnknownRecord

export type { RecordKind }

/** The payload field names each kind may carry; the union above and the spec must agree with it. */
export const PAYLOAD_FIELDS: Readonly<Record<RecordKind, readonly string[]>> = {
  skip: [],
  loss: [],
  removal: ['id'],
  key: ['keyId', 'aux'],
  block: ['dev', 'sector'],
  usb: ['error', 'reserved', 'nameLen', 'name'],
  mount: ['triggeredOn', 'changedMount', 'auxiliaryMount', 'topologyChanges', 'attrChanges', 'auxTopologyChanges'],
  superblock: ['sbId'],
  'superblock-error': ['sbId', 'errorNumber', 'errorCookie'],
}
