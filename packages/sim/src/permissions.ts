// Key permissions (security/keys/permission.c in our words): 8 bits each for possessor, owner
// user, group and other; the possessor bits add to whichever of the other three applies.
import type { Key } from './keys.js'

export const KEY_VIEW = 0x01
export const KEY_READ = 0x02
export const KEY_WRITE = 0x04
export const KEY_SEARCH = 0x08
export const KEY_LINK = 0x10
export const KEY_SETATTR = 0x20
export const KEY_ALL = 0x3f

export const pos = (bits: number): number => (bits << 24) >>> 0
export const usr = (bits: number): number => bits << 16
export const grp = (bits: number): number => bits << 8
export const oth = (bits: number): number => bits

/** Every bit KEYCTL_SETPERM accepts. */
export const KEY_PERM_MASK = (pos(KEY_ALL) | usr(KEY_ALL) | grp(KEY_ALL) | oth(KEY_ALL)) >>> 0

/**
 * What a lookup needs: one permission bit, or a lookup that checks none (KEY_NEED_UNLINK skips
 * validation too; the overrides and DEFER skip the permission check).
 */
export type KeyNeed = number | 'unlink' | 'sysadmin-override' | 'authtoken-override' | 'defer'

export interface Cred {
  readonly uid: number
  readonly gid: number
  readonly groups: readonly number[]
  /** CAP_SYS_ADMIN (chown to another uid; the special-keyring overrides). */
  readonly capSysAdmin: boolean
  /** CAP_SYS_RESOURCE (rlimits, pipe sizes). */
  readonly capSysResource: boolean
}

/** key_task_permission: 0 if granted, false if not. Capabilities never override key permissions. */
export function keyPermits(key: Key, possessed: boolean, cred: Cred, need: KeyNeed): boolean {
  if (typeof need !== 'number') return true
  let kperm: number
  if (key.uid === cred.uid) kperm = (key.perm >>> 16) & 0xff
  else if (key.gid !== -1 && key.perm & grp(KEY_ALL) && (key.gid === cred.gid || cred.groups.includes(key.gid)))
    kperm = (key.perm >>> 8) & 0xff
  else kperm = key.perm & 0xff
  if (possessed) kperm |= (key.perm >>> 24) & 0xff
  return (kperm & need) === need
}
