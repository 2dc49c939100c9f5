// Keys and keyrings: what a key is (serial, type, description, payload, owner, permissions,
// state) and the key types the model knows. A keyring's links are a map from the index key
// (type + description) to the linked key: one link per index key, as in the kernel's assoc array.
import { err, type Sys } from './errors.js'
import { KEY_ALL, KEY_LINK, KEY_READ, KEY_SEARCH, KEY_SETATTR, KEY_VIEW, KEY_WRITE, pos, usr } from './permissions.js'
import type { WatchList } from './watches.js'

export interface KeyType {
  readonly name: string
  readonly isKeyring: boolean
  /** Has ->update (KEYCTL_UPDATE, and add_key updating an existing key). */
  readonly canUpdate: boolean
  /** Has ->read (gives the possessor READ by default). */
  readonly canRead: boolean
  /** ->preparse: the payload's rules. */
  preparse(payload: Uint8Array | null): Sys<void>
  /** ->vet_description, where the type has one. */
  vetDescription?(description: string): Sys<void>
}

/** user/logon payloads: 1..32767 bytes (user_preparse). */
const USER_PAYLOAD_MAX = 32767
const userPreparse = (p: Uint8Array | null): Sys<void> =>
  !p || p.length === 0 || p.length > USER_PAYLOAD_MAX ? err('EINVAL') : undefined

export const KEY_TYPES: ReadonlyMap<string, KeyType> = new Map<string, KeyType>([
  ['user', { name: 'user', isKeyring: false, canUpdate: true, canRead: true, preparse: userPreparse }],
  [
    'logon',
    {
      name: 'logon',
      isKeyring: false,
      canUpdate: true,
      canRead: false,
      preparse: userPreparse,
      // "service:rest": a colon, not first.
      vetDescription: (d) => (d.indexOf(':') > 0 ? undefined : err('EINVAL')),
    },
  ],
  [
    'keyring',
    {
      name: 'keyring',
      isKeyring: true,
      canUpdate: false,
      canRead: true,
      // A keyring is created empty: any payload is refused.
      preparse: (p) => (p && p.length > 0 ? err('EINVAL') : undefined),
    },
  ],
])

/** key_create_or_update's default for add_key: the possessor gets all the type allows, the owner View. */
export function defaultPerm(type: KeyType): number {
  let perm = pos(KEY_VIEW | KEY_SEARCH | KEY_LINK | KEY_SETATTR) | usr(KEY_VIEW)
  if (type.canRead) perm |= pos(KEY_READ)
  if (type.isKeyring || type.canUpdate) perm |= pos(KEY_WRITE)
  return perm >>> 0
}

/** The keyrings a process gets (_tid, _pid, _ses), and a user's own (_uid.N, _uid_ses.N). */
export const THREAD_KEYRING_PERM = (pos(KEY_ALL) | usr(KEY_VIEW)) >>> 0
export const SESSION_KEYRING_PERM = (pos(KEY_ALL) | usr(KEY_VIEW | KEY_READ | KEY_LINK)) >>> 0
export const USER_KEYRING_PERM = (pos(KEY_ALL & ~KEY_SETATTR) | usr(KEY_ALL & ~KEY_SETATTR)) >>> 0

export const indexKeyOf = (type: KeyType, description: string): string => `${type.name}\u0000${description}`

export class Key {
  payload: Uint8Array | null = null
  revoked = false
  invalidated = false
  /** Wall-clock second it expires at; null: never. */
  expiry: number | null = null
  /** Key usage count: links from keyrings, process credentials, users; 0 means the gc reaps it. */
  usage = 1
  destroyed = false
  /** A keyring restricted by KEYCTL_RESTRICT_KEYRING (only "no links at all" is modelled). */
  restricted = false
  /** Keyrings only: index key → linked key. */
  readonly links: Map<string, Key> | null
  /** key->watchers: null until the first KEYCTL_WATCH_KEY add reaches it. */
  watchers: WatchList | null = null
  /** Whether the key still counts against its owner's quota. */
  inQuota = true

  constructor(
    readonly serial: number,
    readonly type: KeyType,
    readonly description: string,
    public uid: number,
    public gid: number,
    public perm: number,
  ) {
    this.links = type.isKeyring ? new Map() : null
  }

  get indexKey(): string {
    return indexKeyOf(this.type, this.description)
  }

  /** key_validate: invalidated, then revoked, then expired (docs/semantics.md#errors-of-keyctl_watch_key, step 2). */
  validate(nowSeconds: number): Sys<void> {
    if (this.invalidated) return err('ENOKEY')
    if (this.revoked) return err('EKEYREVOKED')
    if (this.expiry !== null && nowSeconds >= this.expiry) return err('EKEYEXPIRED')
    return undefined
  }

  /** key_is_dead for the gc's links pass: expired past the gc delay, or invalidated (not revoked). */
  isDead(nowSeconds: number, gcDelaySeconds: number): boolean {
    if (this.invalidated) return true
    return this.expiry !== null && this.expiry + gcDelaySeconds <= nowSeconds
  }
}
