// The state of one simulated machine: its clock, its users (key quotas, watch counts, their own
// keyrings), every key by serial, and the counts that bound what a client can make it hold.
// Cases run one after another in fresh processes on the same machine, like the agent's forks.
import { err, type Sys } from './errors.js'
import { KeyGc } from './gc.js'
import { linkKey } from './keyrings.js'
import { KEY_TYPES, Key, USER_KEYRING_PERM } from './keys.js'
import { LIMITS, MemoryBudget } from './limits.js'
import { endianOf, type OpenFlags, openFlags, type SimProfile } from './profile.js'
import { keyNotification } from './records.js'
import { type Chooser, DEFAULT_CHOOSER } from './schedule.js'
import { SerialSource } from './serials.js'
import { Clock, GRACE_MS } from './time.js'
import { type FreeWatch, postWatchNotification, type WatchOwner } from './watches.js'

/** key_quota_root_maxkeys and key_quota_maxkeys (the sysctl defaults). */
const ROOT_MAX_KEYS = 1_000_000
const USER_MAX_KEYS = 200

export class User implements WatchOwner {
  nrWatches = 0
  /** Keys charged to this user (qnkeys). */
  qnkeys = 0
  /** _uid.N and _uid_ses.N, made on first use (look_up_user_keyrings). */
  keyring: Key | null = null
  sessionKeyring: Key | null = null

  constructor(readonly uid: number) {}

  get maxKeys(): number {
    return this.uid === 0 ? ROOT_MAX_KEYS : USER_MAX_KEYS
  }
}

export class Kernel {
  readonly clock = new Clock()
  readonly gc: KeyGc
  readonly keys = new Map<number, Key>()
  readonly users = new Map<number, User>()
  readonly endian: 'little' | 'big'
  readonly flags: OpenFlags
  /** Bytes in pipe pages and regular files. */
  readonly memory = new MemoryBudget()
  pipes = 0
  files = 0
  /** Answers the choice points of deferred work (schedule.ts); the default model's by default. */
  chooser: Chooser = DEFAULT_CHOOSER
  private readonly serials = new SerialSource()

  constructor(readonly profile: SimProfile) {
    this.endian = endianOf(profile)
    this.flags = openFlags(profile)
    this.gc = new KeyGc(this)
  }

  user(uid: number): User {
    let u = this.users.get(uid)
    if (!u) {
      u = new User(uid)
      this.users.set(uid, u)
    }
    return u
  }

  /**
   * key_alloc: a new key with a fresh serial, charged to its owner. `overQuota` is
   * KEY_ALLOC_QUOTA_OVERLOAD (the kernel's own keyrings may exceed the quota).
   */
  allocKey(typeName: string, description: string, uid: number, gid: number, perm: number, overQuota = false): Sys<Key> {
    const type = KEY_TYPES.get(typeName)
    if (!type) return err('ENODEV')
    const owner = this.user(uid)
    if (this.keys.size >= LIMITS.keys) return err('EDQUOT')
    if (!overQuota && owner.qnkeys + 1 > owner.maxKeys) return err('EDQUOT')
    const serial = this.serials.allocate((s) => this.keys.has(s))
    const key = new Key(serial, type, description, uid, gid, perm)
    owner.qnkeys++
    this.keys.set(serial, key)
    return key
  }

  /** Gives a key's quota back to its owner, once. */
  releaseQuota(key: Key): void {
    if (!key.inQuota) return
    key.inQuota = false
    const owner = this.user(key.uid)
    owner.qnkeys = Math.max(0, owner.qnkeys - 1)
  }

  /** Moves a key's quota to another user (KEYCTL_CHOWN); EDQUOT if the new owner is full. */
  transferQuota(key: Key, uid: number): Sys<void> {
    const to = this.user(uid)
    if (key.inQuota) {
      if (to.qnkeys + 1 > to.maxKeys) return err('EDQUOT')
      to.qnkeys++
      const from = this.user(key.uid)
      from.qnkeys = Math.max(0, from.qnkeys - 1)
    }
    return undefined
  }

  /** key_lookup: a key someone still references (a key awaiting the gc is not found). */
  lookupKey(serial: number): Key | undefined {
    const key = this.keys.get(serial)
    return key && key.usage > 0 && !key.destroyed ? key : undefined
  }

  /** notify_key: a key record to the key's own watchers (docs/semantics.md#key-notifications). */
  notifyKey(key: Key, subtype: number, aux: number): void {
    if (key.watchers) postWatchNotification(key.watchers, keyNotification(subtype, key.serial, aux), key.serial)
  }

  /**
   * free_watch runs from an RCU callback: only then does the owner's watch count go down
   * (docs/semantics.md#the-per-user-watch-limit).
   */
  readonly freeWatch: FreeWatch = (w) => {
    // Not a choice point of exploring schedules (schedule.ts): it moves no record, only the watch
    // count, and offering it after every step would spend the bound on schedules that look alike.
    this.clock.defer(
      GRACE_MS,
      'rcu: free watch',
      () => {
        w.owner.nrWatches--
      },
      false,
    )
  }

  /** look_up_user_keyrings: the user keyring, linked from the user session keyring, made on first use. */
  userKeyrings(uid: number, gid: number): Sys<{ keyring: Key; session: Key }> {
    const u = this.user(uid)
    if (!u.keyring || !u.sessionKeyring) {
      const keyring = this.allocKey('keyring', `_uid.${uid}`, uid, gid, USER_KEYRING_PERM, true)
      if (!(keyring instanceof Key)) return keyring
      const session = this.allocKey('keyring', `_uid_ses.${uid}`, uid, gid, USER_KEYRING_PERM, true)
      if (!(session instanceof Key)) return session
      linkKey(this, session, keyring)
      u.keyring = keyring
      u.sessionKeyring = session
    }
    return { keyring: u.keyring, session: u.sessionKeyring }
  }
}
