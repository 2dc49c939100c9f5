// What happens to a keyring's links, with the records it posts to the keyring's own watchers
// (docs/semantics.md#which-operation-posts-what): LINKED, UNLINKED, CLEARED; revoking a keyring
// drops its links silently. A dropped link gives its reference back only after an RCU grace period
// (the assoc array edit is freed from an RCU callback), which is what makes the removal record
// asynchronous (docs/semantics.md#removal-records).
import { err, type Sys } from './errors.js'
import type { Kernel } from './kernel.js'
import type { Key } from './keys.js'
import { NOTIFY_KEY } from './uapi.js'

/** KEYRING_SEARCH_MAX_DEPTH: how deep cycle detection (and possession search) goes. */
export const KEYRING_SEARCH_MAX_DEPTH = 6

/** keyring_detect_cycle: linking keyring `key` into `keyring` must not make `keyring` reachable from itself. */
export function detectCycle(keyring: Key, key: Key): Sys<void> {
  if (!key.type.isKeyring) return undefined
  const walk = (ring: Key, depth: number): Sys<void> => {
    if (ring === keyring) return err('EDEADLK')
    if (depth > KEYRING_SEARCH_MAX_DEPTH) return err('ELOOP')
    for (const member of ring.links?.values() ?? []) {
      if (!member.type.isKeyring) continue
      const r = walk(member, depth + 1)
      if (r !== undefined) return r
    }
    return undefined
  }
  return walk(key, 1)
}

/**
 * __key_link: the key replaces whatever link had its index key (itself included: an in-place
 * replacement), silently; LINKED goes to the keyring's watchers with the key's serial.
 */
export function linkKey(k: Kernel, keyring: Key, key: Key): void {
  const links = keyring.links!
  const old = links.get(key.indexKey)
  key.usage++
  links.delete(key.indexKey)
  links.set(key.indexKey, key)
  if (old) k.gc.putAfterGrace(old)
  k.notifyKey(keyring, NOTIFY_KEY.LINKED, key.serial)
}

/** __key_unlink: ENOENT when the key is not linked there; otherwise UNLINKED with its serial. */
export function unlinkKey(k: Kernel, keyring: Key, key: Key): Sys<void> {
  const links = keyring.links!
  if (links.get(key.indexKey) !== key) return err('ENOENT')
  links.delete(key.indexKey)
  k.notifyKey(keyring, NOTIFY_KEY.UNLINKED, key.serial)
  k.gc.putAfterGrace(key)
  return undefined
}

/** Drops every link without a record (keyring revoke, the links of a destroyed keyring). */
export function dropAllLinks(k: Kernel, keyring: Key, when: 'after-grace' | 'now'): void {
  const members = [...keyring.links!.values()]
  keyring.links!.clear()
  for (const m of members) {
    if (when === 'now') k.gc.put(m)
    else k.gc.putAfterGrace(m)
  }
}

/**
 * keyring_clear: drops every link and posts CLEARED, even if it was already empty
 * (docs/semantics.md#which-operation-posts-what).
 */
export function clearKeyring(k: Kernel, keyring: Key): void {
  dropAllLinks(k, keyring, 'after-grace')
  k.notifyKey(keyring, NOTIFY_KEY.CLEARED, 0)
}

/**
 * key_revoke: REVOKED to the key's watchers; a keyring's links go silently
 * (docs/semantics.md#which-operation-posts-what). Idempotent.
 */
export function revokeKey(k: Kernel, key: Key): void {
  if (key.revoked) return
  key.revoked = true
  k.notifyKey(key, NOTIFY_KEY.REVOKED, 0)
  if (key.links) dropAllLinks(k, key, 'after-grace')
}
