// Open files and the fd table of the simulated process. A file description (struct file) is shared
// by dup(); closing the last fd of it releases it, and releasing the last description of a pipe
// frees the pipe (docs/semantics.md#closing-the-last-file).
import { err, type Sys } from './errors.js'
import { LIMITS, type MemoryBudget } from './limits.js'
import type { Pipe } from './pipe.js'

/** A regular file on the case's tmpfs: bytes and a size, charged to the machine's memory. */
export class RegularFile {
  data = new Uint8Array(0)
  /** It has splice_read (tmpfs, /proc/sys); a /proc/<pid> file has not: splice and sendfile give EINVAL. */
  spliceRead = true

  private constructor(private readonly memory: MemoryBudget) {}

  /** A file holding `content`; ENOSPC when the machine's memory is used up. */
  static create(content: Uint8Array, memory: MemoryBudget): Sys<RegularFile> {
    if (!memory.charge(content.length)) return err('ENOSPC')
    const f = new RegularFile(memory)
    f.data = content.slice()
    return f
  }

  /** The file is gone (its last description was released). */
  free(): void {
    this.memory.uncharge(this.data.length)
    this.data = new Uint8Array(0)
  }

  get size(): number {
    return this.data.length
  }

  read(pos: number, len: number): Uint8Array {
    if (pos >= this.data.length) return new Uint8Array(0)
    return this.data.slice(pos, Math.min(this.data.length, pos + len))
  }

  write(pos: number, bytes: Uint8Array): Sys<number> {
    const end = pos + bytes.length
    if (end > LIMITS.fileBytes) return err('EFBIG')
    if (end > this.data.length) {
      if (!this.memory.charge(end - this.data.length)) return err('ENOSPC')
      const grown = new Uint8Array(end)
      grown.set(this.data)
      this.data = grown
    }
    this.data.set(bytes, pos)
    return bytes.length
  }
}

export type FileTarget =
  | { readonly kind: 'pipe'; readonly pipe: Pipe }
  | { readonly kind: 'regular'; readonly file: RegularFile }

/** struct file: what was opened, how (FMODE_READ/WRITE, f_flags), and where it is (f_pos). */
export class OpenFile {
  /** fds referring to it. */
  refs = 0
  pos = 0
  /** f_flags that only fcntl observes: O_APPEND and O_NOATIME, set with F_SETFL. */
  append = false
  noatime = false

  constructor(
    readonly target: FileTarget,
    readonly canRead: boolean,
    readonly canWrite: boolean,
    /** f_flags: O_NONBLOCK and O_DIRECT matter here (fcntl F_SETFL changes them). */
    public nonblock: boolean,
    public packet: boolean,
    private readonly onRelease: () => void,
  ) {}

  /** The pipe behind it, ordinary or notification (get_pipe_info(file, false)). */
  get pipe(): Pipe | null {
    return this.target.kind === 'pipe' ? this.target.pipe : null
  }

  /**
   * The pipe as splice sees it: notification pipes are not pipes there (get_pipe_info(file, true);
   * docs/semantics.md#splice-tee-vmsplice-and-sendfile).
   */
  get splicePipe(): Pipe | null {
    const p = this.pipe
    return p && !p.watchQueue ? p : null
  }

  get regular(): RegularFile | null {
    return this.target.kind === 'regular' ? this.target.file : null
  }

  release(): void {
    this.onRelease()
  }
}

/** Fds the case process never gets: stdin/stdout (/dev/null), stderr, and the agent's answer pipe. */
const RESERVED_FDS: ReadonlySet<number> = new Set([0, 1, 2, 1000])

export class FdTable {
  private readonly fds = new Map<number, OpenFile>()
  /** Lowest fd that may be free. */
  private hint = 0

  get(fd: number): OpenFile | undefined {
    return this.fds.get(fd)
  }

  get size(): number {
    return this.fds.size
  }

  /** The lowest free fd below `limit` (the soft RLIMIT_NOFILE), or EMFILE. */
  private lowestFree(limit: number, skip?: number): Sys<number> {
    let fd = this.hint
    while (fd < limit && (this.fds.has(fd) || RESERVED_FDS.has(fd) || fd === skip)) fd++
    return fd < limit ? fd : err('EMFILE')
  }

  /** Installs `file` at the lowest free fd. */
  install(file: OpenFile, limit: number): Sys<number> {
    const fd = this.lowestFree(limit)
    if (typeof fd !== 'number') return fd
    this.fds.set(fd, file)
    file.refs++
    this.hint = fd + 1
    return fd
  }

  /** Two fds at once (pipe2): both or neither. */
  reserveTwo(limit: number): Sys<[number, number]> {
    const a = this.lowestFree(limit)
    if (typeof a !== 'number') return a
    const b = this.lowestFree(limit, a)
    if (typeof b !== 'number') return b
    return [a, b]
  }

  installAt(fd: number, file: OpenFile): void {
    this.fds.set(fd, file)
    file.refs++
    if (fd >= this.hint) this.hint = fd + 1
  }

  close(fd: number): Sys<void> {
    const file = this.fds.get(fd)
    if (!file) return err('EBADF')
    this.fds.delete(fd)
    if (fd < this.hint) this.hint = fd
    if (--file.refs === 0) file.release()
    return undefined
  }

  /** Every open fd, in order (process exit closes them all). */
  all(): number[] {
    return [...this.fds.keys()].sort((a, b) => a - b)
  }
}
