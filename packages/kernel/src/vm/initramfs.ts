// The guest's whole root file system: an uncompressed cpio archive in the "newc" format the
// kernel unpacks into its rootfs (no decompressor needed in the kernel, no external tool here).
// It holds the mount points the agent uses, /dev/console (without it the kernel starts init with
// no stdin/stdout/stderr, and the agent's first open would take fd 0), and the agent as /init;
// optionally more files (programs a case runs, with their libraries: see guest-programs.ts).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { initramfsDir, writeAtomic } from '../cache/cache.js'

const S_IFDIR = 0o040000
const S_IFREG = 0o100000
const S_IFCHR = 0o020000
const S_IFLNK = 0o120000

/** One archive member. */
export interface CpioEntry {
  readonly name: string
  /** File type and permission bits (st_mode). */
  readonly mode: number
  readonly data?: Uint8Array
  /** For device nodes. */
  readonly rdevMajor?: number
  readonly rdevMinor?: number
}

/** A file of the guest besides /init, at an absolute path: a regular file, or a symbolic link. */
export type GuestFile =
  | { readonly path: string; readonly data: Uint8Array /** Permission bits (default 0o755). */; readonly mode?: number }
  | { readonly path: string; readonly symlink: string }

/** Guest files in path order, so that equal sets of files give equal archives and cache keys. */
export const byPath = (a: GuestFile, b: GuestFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/** The entries of the guest's root: directories, /dev/console, /init, then `extras` with their directories. */
export function initramfsEntries(init: Uint8Array, extras: readonly GuestFile[] = []): CpioEntry[] {
  const base: CpioEntry[] = [
    { name: 'dev', mode: S_IFDIR | 0o755 },
    { name: 'dev/console', mode: S_IFCHR | 0o600, rdevMajor: 5, rdevMinor: 1 },
    { name: 'proc', mode: S_IFDIR | 0o555 },
    { name: 'sys', mode: S_IFDIR | 0o555 },
    { name: 'tmp', mode: S_IFDIR | 0o1777 },
    { name: 'init', mode: S_IFREG | 0o755, data: init },
  ]
  const names = new Set(base.map((e) => e.name))
  const dirs = new Set(base.filter((e) => (e.mode & 0o170000) === S_IFDIR).map((e) => e.name))
  const out = [...base]
  for (const file of [...extras].sort(byPath)) {
    const name = memberName(file.path)
    if (names.has(name)) throw new Error(`the initramfs already has /${name}`)
    const parts = name.split('/')
    // A directory is written before what it holds (the kernel creates members in archive order).
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/')
      if (names.has(dir) && !dirs.has(dir)) throw new Error(`/${dir} is a file, not a directory for ${file.path}`)
      if (!names.has(dir)) out.push({ name: dir, mode: S_IFDIR | 0o755 })
      names.add(dir)
      dirs.add(dir)
    }
    names.add(name)
    if ('symlink' in file) out.push({ name, mode: S_IFLNK | 0o777, data: Buffer.from(file.symlink, 'utf8') })
    else out.push({ name, mode: S_IFREG | ((file.mode ?? 0o755) & 0o7777), data: file.data })
  }
  return out
}

/** An absolute guest path as an archive member name (no leading slash); refuses `.`, `..` and empty parts. */
function memberName(path: string): string {
  const parts = path.split('/')
  if (parts[0] !== '' || parts.length < 2 || parts.slice(1).some((p) => p === '' || p === '.' || p === '..'))
    throw new Error(`not a plain absolute guest path: ${JSON.stringify(path)}`)
  return parts.slice(1).join('/')
}

/** Writes the initramfs for the static binary `init` (and `extras`) to `out`. */
export function makeInitramfs(init: string, out: string, extras: readonly GuestFile[] = []): void {
  writeAtomic(out, cpioNewc(initramfsEntries(readFileSync(init), extras)))
}

/**
 * The initramfs for `init` and `extras`, built once per distinct content in the cache: the key is
 * the binary's hash, and with extras also every extra's path, kind, mode and content (or target).
 */
export function cachedInitramfs(init: string, dir: string = initramfsDir(), extras: readonly GuestFile[] = []): string {
  const bytes = readFileSync(init)
  const hash = createHash('sha256').update(bytes)
  for (const file of [...extras].sort(byPath)) {
    const what =
      'symlink' in file
        ? `l ${file.symlink}`
        : `f ${((file.mode ?? 0o755) & 0o7777).toString(8)} ${createHash('sha256').update(file.data).digest('hex')}`
    hash.update(`\0${file.path}\0${what}`)
  }
  const out = join(dir, `${hash.digest('hex').slice(0, 16)}.cpio`)
  if (!existsSync(out)) writeAtomic(out, cpioNewc(initramfsEntries(bytes, extras)))
  return out
}

/**
 * A newc archive: per member a 110-byte ASCII header ("070701" and 13 eight-digit hex fields),
 * the name with its NUL, padded to 4 bytes, then the data, padded to 4 bytes; then the
 * TRAILER!!! member. Owners are root and times zero, so equal inputs give equal archives.
 */
export function cpioNewc(entries: readonly CpioEntry[]): Buffer {
  const parts: Buffer[] = []
  let ino = 1
  const member = (entry: CpioEntry, inode: number): void => {
    const data = entry.data ?? new Uint8Array(0)
    const name = Buffer.from(`${entry.name}\0`, 'utf8')
    const isDir = (entry.mode & 0o170000) === S_IFDIR
    const fields = [
      inode,
      entry.mode,
      0, // uid
      0, // gid
      isDir ? 2 : 1, // nlink
      0, // mtime
      data.length,
      0, // devmajor
      0, // devminor
      entry.rdevMajor ?? 0,
      entry.rdevMinor ?? 0,
      name.length,
      0, // check (only for the "070702" crc format)
    ]
    const header = `070701${fields.map((f) => hex8(f)).join('')}`
    parts.push(Buffer.from(header, 'ascii'), name, pad(110 + name.length))
    parts.push(Buffer.from(data.buffer, data.byteOffset, data.length), pad(data.length))
  }
  for (const entry of entries) member(entry, ino++)
  member({ name: 'TRAILER!!!', mode: 0 }, 0)
  return Buffer.concat(parts)
}

function hex8(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`cpio field out of range: ${n}`)
  return n.toString(16).toUpperCase().padStart(8, '0')
}

/** Zero bytes up to the next multiple of 4. */
function pad(length: number): Buffer {
  return Buffer.alloc((4 - (length % 4)) % 4)
}
