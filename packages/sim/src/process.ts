// The case process: forked by the agent for one case, running as root, with a fresh fd table
// (new fds start at 3), its own RLIMIT_NOFILE, and a fresh anonymous session keyring it joined.
import { err, isErrno, type Sys } from './errors.js'
import { FdTable } from './files.js'
import type { Kernel } from './kernel.js'
import { type Key, SESSION_KEYRING_PERM, THREAD_KEYRING_PERM } from './keys.js'
import type { Cred } from './permissions.js'

/** INR_OPEN_CUR / INR_OPEN_MAX: what init (and so the agent) starts with. */
export const DEFAULT_NOFILE = { soft: 1024, hard: 4096 } as const
/** fs.nr_open: the highest RLIMIT_NOFILE hard limit. */
export const NR_OPEN = 1_048_576

export class Process {
  readonly cred: Cred = { uid: 0, gid: 0, groups: [0], capSysAdmin: true, capSysResource: true }
  readonly fds = new FdTable()
  nofile: { soft: number; hard: number } = { ...DEFAULT_NOFILE }
  threadKeyring: Key | null = null
  processKeyring: Key | null = null
  sessionKeyring: Key | null = null
  /** The serial of the session keyring joined at the start (0 if that failed). */
  sessionSerial = 0
  /** What add_key returned, for the cleanup (the agent's ownkeys). */
  readonly created: number[] = []
  private exited = false

  constructor(readonly kernel: Kernel) {}

  /** KEYCTL_JOIN_SESSION_KEYRING with no name: a new anonymous "_ses" keyring. */
  joinSession(): Sys<void> {
    const ring = this.kernel.allocKey('keyring', '_ses', this.cred.uid, this.cred.gid, SESSION_KEYRING_PERM, true)
    if (isErrno(ring)) return ring
    this.sessionKeyring = ring
    this.sessionSerial = ring.serial
    return undefined
  }

  /** install_thread_keyring / install_process_keyring, on first use with KEY_LOOKUP_CREATE. */
  installKeyring(which: 'thread' | 'process'): Sys<Key> {
    const name = which === 'thread' ? '_tid' : '_pid'
    const ring = this.kernel.allocKey('keyring', name, this.cred.uid, this.cred.gid, THREAD_KEYRING_PERM, true)
    if (isErrno(ring)) return ring
    if (which === 'thread') this.threadKeyring = ring
    else this.processKeyring = ring
    return ring
  }

  /** The keyrings possession is searched from (search_process_keyrings_rcu). */
  searchRoots(): Key[] {
    const roots = [this.threadKeyring, this.processKeyring, this.sessionKeyring].filter((k): k is Key => k !== null)
    if (!this.sessionKeyring) {
      const u = this.kernel.user(this.cred.uid)
      if (u.sessionKeyring) roots.push(u.sessionKeyring)
    }
    return roots
  }

  noteCreated(serial: number): void {
    if (!this.created.includes(serial)) this.created.push(serial)
  }

  /**
   * exit: every fd closed (pipes freed, queues cleared: docs/semantics.md#closing-the-last-file),
   * then its keyrings let go. Idempotent.
   */
  exit(): void {
    if (this.exited) return
    this.exited = true
    const k = this.kernel
    for (const fd of this.fds.all()) this.fds.close(fd)
    for (const ring of [this.threadKeyring, this.processKeyring, this.sessionKeyring]) if (ring) k.gc.put(ring)
    this.threadKeyring = null
    this.processKeyring = null
    this.sessionKeyring = null
  }

  /** The EMFILE limit for new fds. */
  get fdLimit(): number {
    return this.nofile.soft
  }

  /** setrlimit(RLIMIT_NOFILE): soft above hard is EINVAL; hard above nr_open, or raised without CAP_SYS_RESOURCE, EPERM. */
  setNofile(soft: number, hard: number | undefined): Sys<number> {
    const h = hard ?? this.nofile.hard
    if (soft > h) return err('EINVAL')
    if (h > NR_OPEN) return err('EPERM')
    if (h > this.nofile.hard && !this.cred.capSysResource) return err('EPERM')
    this.nofile = { soft, hard: h }
    return 0
  }
}
