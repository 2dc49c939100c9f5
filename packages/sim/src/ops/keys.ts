// add_key(2) and the keyctl(2) operations (docs/semantics.md#keyctl_watch_key,
// docs/semantics.md#which-operation-posts-what), each checking in the kernel's order: arguments,
// then the keys it names (lookup_user_key), then what the operation itself refuses.
import { err, errnoValue, isErrno, type Sys } from '../errors.js'
import { clearKeyring, detectCycle, linkKey, revokeKey, unlinkKey } from '../keyrings.js'
import { defaultPerm, indexKeyOf, KEY_TYPES, type Key } from '../keys.js'
import { lookupUserKey } from '../lookup.js'
import { KEY_LINK, KEY_PERM_MASK, KEY_SEARCH, KEY_SETATTR, KEY_VIEW, KEY_WRITE, keyPermits } from '../permissions.js'
import type { Process } from '../process.js'
import { infoIdOf } from '../records.js'
import { NOTIFY_KEY, WATCH_ID_MAX, WATCH_ID_MIN } from '../uapi.js'
import { addWatch, removeWatch, Watch, WatchList } from '../watches.js'
import { argFd, argInt, argKey, argStr, type OpHandler, result, type StepContext, StepError, utf8 } from './context.js'

/** add_key's payload limit, and KEYCTL_UPDATE's (one page). */
const ADD_KEY_PAYLOAD_MAX = 1024 * 1024 - 1
/** KEY_MAX_DESC_SIZE: a description is at most this long, its NUL included. */
const KEY_MAX_DESC_SIZE = 4096
/** key_get_type_from_user copies into a 32-byte buffer. */
const KEY_TYPE_BUF = 32

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8')

/** key_get_type_from_user: empty or too long is EINVAL; a leading dot (internal types) EPERM. */
function typeFromUser(type: string): Sys<string> {
  const n = byteLength(type)
  if (n === 0 || n >= KEY_TYPE_BUF) return err('EINVAL')
  if (type.startsWith('.')) return err('EPERM')
  return type
}

/**
 * add_key(2): a new key is INSTANTIATED then LINKED; an existing one is UPDATED
 * (docs/semantics.md#which-operation-posts-what).
 */
export function addKey(
  proc: Process,
  typeArg: string,
  descArg: string | null,
  payloadArg: Uint8Array | null,
  ringId: number,
): Sys<number> {
  const k = proc.kernel
  if ((payloadArg?.length ?? 0) > ADD_KEY_PAYLOAD_MAX) return err('EINVAL')
  const type = typeFromUser(typeArg)
  if (isErrno(type)) return type
  let description = descArg
  if (description !== null) {
    if (byteLength(description) >= KEY_MAX_DESC_SIZE) return err('EINVAL')
    if (description === '') description = null
    else if (description.startsWith('.') && type.startsWith('keyring')) return err('EPERM')
  }
  const payload = payloadArg && payloadArg.length > 0 ? payloadArg : null
  const dest = lookupUserKey(proc, ringId, { create: true }, KEY_WRITE)
  if (isErrno(dest)) return dest
  // key_create_or_update.
  const keyType = KEY_TYPES.get(type)
  if (!keyType) return err('ENODEV')
  const ring = dest.key
  if (!ring.links) return err('ENOTDIR')
  const prep = keyType.preparse(payload)
  if (prep !== undefined) return prep
  if (description === null) return err('EINVAL')
  if (keyType.vetDescription) {
    const vet = keyType.vetDescription(description)
    if (vet !== undefined) return vet
  }
  if (ring.restricted) return err('EPERM')
  if (keyType.canUpdate) {
    // An updatable, live key of the same type and description in this keyring is updated
    // (docs/semantics.md#which-operation-posts-what).
    const existing = ring.links.get(indexKeyOf(keyType, description))
    if (existing && !existing.revoked && !existing.invalidated) {
      if (!keyPermits(existing, dest.possessed, proc.cred, KEY_WRITE)) return err('EACCES')
      updatePayload(existing, payload)
      k.notifyKey(existing, NOTIFY_KEY.UPDATED, 0)
      return existing.serial
    }
  }
  const key = k.allocKey(type, description, proc.cred.uid, proc.cred.gid, defaultPerm(keyType))
  if (isErrno(key)) return key
  key.payload = payload
  // INSTANTIATED goes to a key nobody can be watching yet; then LINKED to the keyring's watchers.
  k.notifyKey(key, NOTIFY_KEY.INSTANTIATED, 0)
  linkKey(k, ring, key)
  // The syscall's own reference goes; the link keeps the key.
  k.gc.put(key)
  return key.serial
}

/** ->update for user/logon: the new payload replaces the old, and the expiry goes (user_update). */
function updatePayload(key: Key, payload: Uint8Array | null): void {
  key.payload = payload
  key.expiry = null
}

export const opAddKey: OpHandler = (c) => {
  const type = argStr(c, 'type', false)
  // A NULL type pointer faults when the kernel copies it.
  if (type === null) return result(err('EFAULT'))
  const description = argStr(c, 'description', false)
  const payload = utf8(argStr(c, 'payload', false))
  const ring = argKey(c, 'keyring')
  const r = addKey(c.proc, type, description, payload, ring)
  if (!isErrno(r)) c.proc.noteCreated(r)
  return result(r)
}

export const opKeyringId: OpHandler = (c) => {
  const create = c.step.create
  if (create !== undefined && typeof create !== 'boolean') throw new StepError('argument create: expected a boolean')
  const r = lookupUserKey(c.proc, argKey(c, 'keyring'), { create: create === true }, KEY_SEARCH)
  return result(isErrno(r) ? r : r.key.serial)
}

export const opUpdate: OpHandler = (c) => {
  const id = argKey(c, 'key')
  const payload = utf8(argStr(c, 'payload', false))
  if ((payload?.length ?? 0) > c.kernel.profile.pageSize) return result(err('EINVAL'))
  const ref = lookupUserKey(c.proc, id, {}, KEY_WRITE)
  if (isErrno(ref)) return result(ref)
  const key = ref.key
  if (!key.type.canUpdate) return result(err('EOPNOTSUPP'))
  const p = payload && payload.length > 0 ? payload : null
  const prep = key.type.preparse(p)
  if (prep !== undefined) return result(prep)
  updatePayload(key, p)
  c.kernel.notifyKey(key, NOTIFY_KEY.UPDATED, 0)
  return result(0)
}

/** key_link's checks on the keyring and the key, in order; undefined when the link may be made. */
function linkCheck(ring: Key, key: Key): Sys<void> {
  if (!ring.links) return err('ENOTDIR')
  if (ring.restricted) return err('EPERM')
  return detectCycle(ring, key)
}

export const opLink: OpHandler = (c) => {
  const id = argKey(c, 'key')
  const ringId = argKey(c, 'keyring')
  const ring = lookupUserKey(c.proc, ringId, { create: true }, KEY_WRITE)
  if (isErrno(ring)) return result(ring)
  const key = lookupUserKey(c.proc, id, { create: true }, KEY_LINK)
  if (isErrno(key)) return result(key)
  const check = linkCheck(ring.key, key.key)
  if (check !== undefined) return result(check)
  // LINKED also when the key was linked already (the link is replaced in place;
  // docs/semantics.md#which-operation-posts-what).
  linkKey(c.kernel, ring.key, key.key)
  return result(0)
}

export const opUnlink: OpHandler = (c) => {
  const id = argKey(c, 'key')
  const ringId = argKey(c, 'keyring')
  const ring = lookupUserKey(c.proc, ringId, {}, KEY_WRITE)
  if (isErrno(ring)) return result(ring)
  // The key itself is only identified: no state or permission check (KEY_NEED_UNLINK).
  const key = lookupUserKey(c.proc, id, { partial: true }, 'unlink')
  if (isErrno(key)) return result(key)
  if (!ring.key.links) return result(err('ENOTDIR'))
  return result(unlinkKey(c.kernel, ring.key, key.key) ?? 0)
}

/** KEYCTL_MOVE_EXCL. */
const KEYCTL_MOVE_EXCL = 1

export const opMove: OpHandler = (c) => {
  const id = argKey(c, 'key')
  const fromId = argKey(c, 'from')
  const toId = argKey(c, 'to')
  const flags = argInt(c, 'flags', 0)
  if ((flags & ~KEYCTL_MOVE_EXCL) !== 0 || flags > 0xffffffff) return result(err('EINVAL'))
  const key = lookupUserKey(c.proc, id, { create: true }, KEY_LINK)
  if (isErrno(key)) return result(key)
  const from = lookupUserKey(c.proc, fromId, {}, KEY_WRITE)
  if (isErrno(from)) return result(from)
  const to = lookupUserKey(c.proc, toId, { create: true }, KEY_WRITE)
  if (isErrno(to)) return result(to)
  // from == to is done, with nothing posted (docs/semantics.md#which-operation-posts-what).
  if (from.key === to.key) return result(0)
  if (!from.key.links || !to.key.links) return result(err('ENOTDIR'))
  if (from.key.links.get(key.key.indexKey) !== key.key) return result(err('ENOENT'))
  if (flags & KEYCTL_MOVE_EXCL && to.key.links.has(key.key.indexKey)) return result(err('EEXIST'))
  const check = linkCheck(to.key, key.key)
  if (check !== undefined) return result(check)
  // UNLINKED on the source, then LINKED on the destination (docs/semantics.md#order-of-records).
  unlinkKey(c.kernel, from.key, key.key)
  linkKey(c.kernel, to.key, key.key)
  return result(0)
}

/** KEYCTL_CLEAR. */
export function keyctlClear(proc: Process, id: number): Sys<number> {
  const ring = lookupUserKey(proc, id, { create: true }, KEY_WRITE)
  if (isErrno(ring)) return ring
  if (!ring.key.links) return err('ENOTDIR')
  clearKeyring(proc.kernel, ring.key)
  return 0
}

export const opClear: OpHandler = (c) => result(keyctlClear(c.proc, argKey(c, 'keyring')))

/** KEYCTL_REVOKE: Write permission, or failing that (EACCES only) Setattr. */
export function keyctlRevoke(proc: Process, id: number): Sys<number> {
  let ref = lookupUserKey(proc, id, {}, KEY_WRITE)
  if (isErrno(ref) && ref.name === 'EACCES') ref = lookupUserKey(proc, id, {}, KEY_SETATTR)
  if (isErrno(ref)) return ref
  revokeKey(proc.kernel, ref.key)
  return 0
}

export const opRevoke: OpHandler = (c) => result(keyctlRevoke(c.proc, argKey(c, 'key')))

export const opInvalidate: OpHandler = (c) => {
  const ref = lookupUserKey(c.proc, argKey(c, 'key'), {}, KEY_SEARCH)
  if (isErrno(ref)) return result(ref)
  const key = ref.key
  if (!key.invalidated) {
    key.invalidated = true
    c.kernel.notifyKey(key, NOTIFY_KEY.INVALIDATED, 0)
    // An immediate gc links pass unlinks it from every keyring, silently
    // (docs/semantics.md#which-operation-posts-what).
    c.kernel.gc.scheduleLinksPass()
  }
  return result(0)
}

export const opSetperm: OpHandler = (c) => {
  const id = argKey(c, 'key')
  const perm = argInt(c, 'perm')
  if (perm < 0 || perm > 0xffffffff || (perm & ~KEY_PERM_MASK) !== 0) return result(err('EINVAL'))
  const ref = lookupUserKey(c.proc, id, { create: true, partial: true }, KEY_SETATTR)
  if (isErrno(ref)) return result(ref)
  // Only the owner may change the permissions; no capability overrides that.
  if (ref.key.uid !== c.proc.cred.uid) return result(err('EACCES'))
  ref.key.perm = perm >>> 0
  c.kernel.notifyKey(ref.key, NOTIFY_KEY.SETATTR, 0)
  return result(0)
}

export const opChown: OpHandler = (c) => {
  const id = argKey(c, 'key')
  const uid = argInt(c, 'uid') >>> 0
  const gid = argInt(c, 'gid') >>> 0
  const NONE = 0xffffffff
  // Nothing to change is 0 and posts nothing, before the key is even looked up
  // (docs/semantics.md#which-operation-posts-what).
  if (uid === NONE && gid === NONE) return result(0)
  const ref = lookupUserKey(c.proc, id, { create: true, partial: true }, KEY_SETATTR)
  if (isErrno(ref)) return result(ref)
  const key = ref.key
  const cred = c.proc.cred
  const privileged =
    (uid !== NONE && uid !== key.uid) ||
    (gid !== NONE && gid !== key.gid && gid !== cred.gid && !cred.groups.includes(gid))
  if (privileged && !cred.capSysAdmin) return result(err('EACCES'))
  if (uid !== NONE && uid !== key.uid) {
    const moved = c.kernel.transferQuota(key, uid)
    if (moved !== undefined) return result(moved)
    key.uid = uid
  }
  if (gid !== NONE) key.gid = gid
  c.kernel.notifyKey(key, NOTIFY_KEY.SETATTR, 0)
  return result(0)
}

export const opSetTimeout: OpHandler = (c) => {
  const id = argKey(c, 'key')
  const seconds = argInt(c, 'seconds') >>> 0
  const ref = lookupUserKey(c.proc, id, { create: true, partial: true }, KEY_SETATTR)
  if (isErrno(ref)) return result(ref)
  const key = ref.key
  key.expiry = seconds > 0 ? c.kernel.clock.realSeconds() + seconds : null
  if (key.expiry !== null) c.kernel.gc.scheduleExpiry(key.expiry)
  // SETATTR even when nothing changed (docs/semantics.md#which-operation-posts-what).
  c.kernel.notifyKey(key, NOTIFY_KEY.SETATTR, 0)
  return result(0)
}

export const opRestrictKeyring: OpHandler = (c) => {
  const id = argKey(c, 'keyring')
  const type = argStr(c, 'type', true)
  const restriction = argStr(c, 'restriction', true)
  if (type !== null) {
    const t = typeFromUser(type)
    if (isErrno(t)) return result(t)
  }
  if (restriction !== null && type === null) return result(err('EINVAL'))
  const ref = lookupUserKey(c.proc, id, {}, KEY_SETATTR)
  if (isErrno(ref)) return result(ref)
  const ring = ref.key
  if (!ring.links) return result(err('ENOTDIR'))
  if (type !== null) {
    // No key type the model knows can restrict a keyring (asymmetric keys are not modelled).
    return result(KEY_TYPES.has(type) ? err('ENOENT') : err('ENOKEY'))
  }
  if (ring.restricted) return result(err('EEXIST'))
  ring.restricted = true
  c.kernel.notifyKey(ring, NOTIFY_KEY.SETATTR, 0)
  return result(0)
}

/** keyctl_reject_key: a kernel-internal or out-of-range error is EINVAL; without authority, EPERM. */
function reject(error: number): Sys<number> {
  if (error <= 0 || error >= 4095 || error === 512 || error === 513 || error === 514 || error === 516)
    return err('EINVAL')
  // The instantiation authority must have been assumed; a case never has it.
  return err('EPERM')
}

export const opNegate: OpHandler = (c) => {
  argKey(c, 'key')
  argInt(c, 'timeout')
  argKey(c, 'keyring', 0)
  return result(reject(errnoValue('ENOKEY')!))
}

export const opReject: OpHandler = (c) => {
  argKey(c, 'key')
  argInt(c, 'timeout')
  const name = argStr(c, 'error', false)
  argKey(c, 'keyring', 0)
  const value = name === null ? undefined : errnoValue(name)
  if (value === undefined) throw new StepError(`argument error: unknown errno name "${name}"`)
  return result(reject(value))
}

/**
 * KEYCTL_WATCH_KEY (docs/semantics.md#errors-of-keyctl_watch_key): the id, then the key, then the
 * queue, then add or remove.
 */
export function watchKey(proc: Process, keyId: number, fd: number, idArg: number): Sys<number> {
  const k = proc.kernel
  // The id is an int: 0xffffffff is -1 (remove).
  const watchId = idArg | 0
  if (watchId < WATCH_ID_MIN || watchId > WATCH_ID_MAX) return err('EINVAL')
  const ref = lookupUserKey(proc, keyId, { create: true }, KEY_VIEW)
  if (isErrno(ref)) return ref
  // get_watch_queue: anything but a notification pipe (either end) is EINVAL, never EBADF.
  const queue = proc.fds.get(fd)?.pipe?.watchQueue
  if (!queue) return err('EINVAL')
  const key = ref.key
  if (watchId >= 0) {
    key.watchers ??= new WatchList()
    const r = addWatch(
      new Watch(queue, key.serial, infoIdOf(watchId), k.user(proc.cred.uid)),
      key.watchers,
      proc.nofile.soft,
    )
    return r ?? 0
  }
  return removeWatch(key.watchers, queue, key.serial, k.freeWatch) ?? 0
}

function watchOp(c: StepContext, remove: boolean) {
  const key = argKey(c, 'key')
  const fd = argFd(c, 'fd')
  const id = remove ? -1 : argInt(c, 'id')
  return result(watchKey(c.proc, key, fd, id))
}

export const opWatch: OpHandler = (c) => watchOp(c, false)
export const opUnwatch: OpHandler = (c) => watchOp(c, true)
