// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.
import { copyBytes } from '../fields.js'
import type { WatchRecord } from '../record.js'

/** Builds the record at `at` from its header fields; null if a flexible member overruns `length`. */
export type Reader = (
  v: DataView, b: Uint8Array, at: number, le: boolean, offset: number, length: number, type: number,
  subtype: number, info: number, watchId: number, typeInfo: number, kind: string, event: string | null,
) => WatchRecord | null

export const READERS: Readonly<Record<string, Reader>> = {
  'pipe/block_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, dev: v.getBigUint64(at + 8, le), sector: v.getBigUint64(at + 16, le) }) as unknown as WatchRecord
  },
  'pipe/key_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, keyId: v.getUint32(at + 8, le), aux: v.getUint32(at + 12, le) }) as unknown as WatchRecord
  },
  'pipe/mount_notification~2020-02': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, triggeredOn: v.getUint32(at + 8, le), changedMount: v.getUint32(at + 12, le) }) as unknown as WatchRecord
  },
  'pipe/mount_notification~2020-03': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, triggeredOn: v.getUint32(at + 8, le), auxiliaryMount: v.getUint32(at + 12, le), topologyChanges: v.getUint32(at + 16, le), attrChanges: v.getUint32(at + 20, le), auxTopologyChanges: v.getUint32(at + 24, le) }) as unknown as WatchRecord
  },
  'pipe/mount_notification~2020-08': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, triggeredOn: v.getBigUint64(at + 8, le), auxiliaryMount: v.getBigUint64(at + 16, le) }) as unknown as WatchRecord
  },
  'pipe/superblock_error_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, sbId: v.getBigUint64(at + 8, le), errorNumber: v.getUint32(at + 16, le), errorCookie: v.getUint32(at + 20, le) }) as unknown as WatchRecord
  },
  'pipe/superblock_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, sbId: v.getBigUint64(at + 8, le) }) as unknown as WatchRecord
  },
  'pipe/usb_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    const nameLen = v.getUint8(at + 16)
    if (17 + nameLen > length) return null
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, error: v.getUint32(at + 8, le), reserved: v.getUint32(at + 12, le), nameLen, name: copyBytes(b, at + 17, at + 17 + nameLen) }) as unknown as WatchRecord
  },
  'pipe/watch_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind }) as unknown as WatchRecord
  },
  'pipe/watch_notification_removal': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, id: v.getBigUint64(at + 8, le) }) as unknown as WatchRecord
  },
  'ring-v1/block_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, dev: v.getBigUint64(at + 8, le), sector: v.getBigUint64(at + 16, le) }) as unknown as WatchRecord
  },
  'ring-v1/key_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, keyId: v.getUint32(at + 8, le), aux: v.getUint32(at + 12, le) }) as unknown as WatchRecord
  },
  'ring-v1/mount_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, triggeredOn: v.getUint32(at + 8, le), changedMount: v.getUint32(at + 12, le) }) as unknown as WatchRecord
  },
  'ring-v1/superblock_error_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, sbId: v.getBigUint64(at + 8, le), errorNumber: v.getUint32(at + 16, le), errorCookie: v.getUint32(at + 20, le) }) as unknown as WatchRecord
  },
  'ring-v1/superblock_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, sbId: v.getBigUint64(at + 8, le) }) as unknown as WatchRecord
  },
  'ring-v1/usb_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    const nameLen = v.getUint8(at + 16)
    if (17 + nameLen > length) return null
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, error: v.getUint32(at + 8, le), reserved: v.getUint32(at + 12, le), nameLen, name: copyBytes(b, at + 17, at + 17 + nameLen) }) as unknown as WatchRecord
  },
  'ring-v1/watch_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind }) as unknown as WatchRecord
  },
  'ring-v5/block_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, dev: v.getBigUint64(at + 8, le), sector: v.getBigUint64(at + 16, le) }) as unknown as WatchRecord
  },
  'ring-v5/key_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, keyId: v.getUint32(at + 8, le), aux: v.getUint32(at + 12, le) }) as unknown as WatchRecord
  },
  'ring-v5/usb_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    const nameLen = v.getUint8(at + 16)
    if (17 + nameLen > length) return null
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, event, error: v.getUint32(at + 8, le), reserved: v.getUint32(at + 12, le), nameLen, name: copyBytes(b, at + 17, at + 17 + nameLen) }) as unknown as WatchRecord
  },
  'ring-v5/watch_notification': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind }) as unknown as WatchRecord
  },
  'ring-v5/watch_notification_removal': (v, b, at, le, offset, length, type, subtype, info, watchId, typeInfo, kind, event) => {
    return ({ offset, length, type, subtype, info, watchId, typeInfo, kind, id: v.getBigUint64(at + 8, le) }) as unknown as WatchRecord
  },
}
