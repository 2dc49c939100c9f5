// lookup_user_key in our words: how a keyctl argument becomes a key, and in what order it fails
// (docs/semantics.md#errors-of-keyctl_watch_key, step 2): the special keyrings, then the serial,
// then the key's state, then permission.
import { err, isErrno, type Sys } from './errors.js'
import { KEYRING_SEARCH_MAX_DEPTH } from './keyrings.js'
import type { Key } from './keys.js'
import { KEY_SEARCH, type KeyNeed, keyPermits } from './permissions.js'
import type { Process } from './process.js'

/** KEY_SPEC_*: special keyring ids. */
export const KEY_SPEC = {
  THREAD: -1,
  PROCESS: -2,
  SESSION: -3,
  USER: -4,
  USER_SESSION: -5,
  GROUP: -6,
  REQKEY_AUTH: -7,
  REQUESTOR: -8,
} as const

/** A key with whether the caller possesses it (possessor permissions then apply). */
export interface KeyRef {
  readonly key: Key
  readonly possessed: boolean
}

export interface LookupFlags {
  /** KEY_LOOKUP_CREATE: make the thread/process keyring if missing. */
  readonly create?: boolean
  /** KEY_LOOKUP_PARTIAL: state is checked with key_validate, not by waiting for construction. */
  readonly partial?: boolean
}

/**
 * Whether searching the process's keyrings finds `target`: each keyring searched must grant the
 * possessor Search, and so must the key found (possession needs the right to find the key).
 */
export function possesses(proc: Process, target: Key): boolean {
  const seen = new Set<Key>()
  const searchable = (k: Key) => keyPermits(k, true, proc.cred, KEY_SEARCH)
  const walk = (ring: Key, depth: number): boolean => {
    if (seen.has(ring) || depth > KEYRING_SEARCH_MAX_DEPTH) return false
    seen.add(ring)
    for (const member of ring.links?.values() ?? []) {
      if (member === target && searchable(member)) return true
      if (member.links && searchable(member) && walk(member, depth + 1)) return true
    }
    return false
  }
  for (const root of proc.searchRoots()) {
    if (!searchable(root)) continue
    if (root === target) return true
    if (walk(root, 1)) return true
  }
  return false
}

function special(proc: Process, id: number, flags: LookupFlags): Sys<KeyRef> | null {
  const k = proc.kernel
  switch (id) {
    case KEY_SPEC.THREAD:
    case KEY_SPEC.PROCESS: {
      const which = id === KEY_SPEC.THREAD ? 'thread' : 'process'
      let ring = which === 'thread' ? proc.threadKeyring : proc.processKeyring
      if (!ring) {
        if (!flags.create) return err('ENOKEY')
        const made = proc.installKeyring(which)
        if (isErrno(made)) return made
        ring = made
      }
      return { key: ring, possessed: true }
    }
    case KEY_SPEC.SESSION: {
      // The case process always has the session keyring it joined.
      if (!proc.sessionKeyring) return err('ENOKEY')
      return { key: proc.sessionKeyring, possessed: true }
    }
    case KEY_SPEC.USER:
    case KEY_SPEC.USER_SESSION: {
      const rings = k.userKeyrings(proc.cred.uid, proc.cred.gid)
      if (isErrno(rings)) return rings
      return { key: id === KEY_SPEC.USER ? rings.keyring : rings.session, possessed: true }
    }
    case KEY_SPEC.GROUP:
      // Group keyrings are not supported.
      return err('EINVAL')
    case KEY_SPEC.REQKEY_AUTH:
    case KEY_SPEC.REQUESTOR:
      // Only a process with construction authority has these; a case never has.
      return err('ENOKEY')
    default:
      return null
  }
}

/**
 * lookup_user_key(id, flags, need). Special ids first; 0 and other negatives are EINVAL; an
 * unknown serial is ENOKEY. Then, unless `need` is 'unlink' (which looks at nothing), the key's
 * state: invalidated ENOKEY, revoked EKEYREVOKED, expired EKEYEXPIRED; then the permission.
 */
export function lookupUserKey(proc: Process, id: number, flags: LookupFlags, need: KeyNeed): Sys<KeyRef> {
  let ref = special(proc, id, flags)
  if (ref === null) {
    if (id < 1) return err('EINVAL')
    const key = proc.kernel.lookupKey(id)
    if (!key) return err('ENOKEY')
    ref = { key, possessed: possesses(proc, key) }
  }
  if (isErrno(ref)) return ref
  if (need !== 'unlink') {
    // Every key here is instantiated, so waiting for construction is key_validate's verdict.
    const state = ref.key.validate(proc.kernel.clock.realSeconds())
    if (state !== undefined && need !== 'authtoken-override' && need !== 'defer') return state
  }
  if (!keyPermits(ref.key, ref.possessed, proc.cred, need)) return err('EACCES')
  return ref
}
