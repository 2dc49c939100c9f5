// The guest's whole root file system: an uncompressed cpio archive in the "newc" format the
// kernel unpacks into its rootfs (no decompressor needed in the kernel, no external tool here).
// It holds the mount points the agent uses, /dev/console (without it the kernel starts init with
// no stdin/stdout/stderr, and the agent's first open would take fd 0), and the agent as /init.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { initramfsDir, writeAtomic } from './cache.js'

const S_IFDIR = 0o040000
const S_IFREG = 0o100000
const S_IFCHR = 0o020000

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

/** The entries of the guest's root: directories, /dev/console, /init. */
export function initramfsEntries(init: Uint8Array): CpioEntry[] {
  return [
    { name: 'dev', mode: S_IFDIR | 0o755 },
    { name: 'dev/console', mode: S_IFCHR | 0o600, rdevMajor: 5, rdevMinor: 1 },
    { name: 'proc', mode: S_IFDIR | 0o555 },
    { name: 'sys', mode: S_IFDIR | 0o555 },
    { name: 'tmp', mode: S_IFDIR | 0o1777 },
    { name: 'init', mode: S_IFREG | 0o755, data: init },
  ]
}

/** Writes the initramfs for the static binary `init` to `out`. */
export function makeInitramfs(init: string, out: string): void {
  writeAtomic(out, cpioNewc(initramfsEntries(readFileSync(init))))
}

/** The initramfs for `init`, built once per distinct binary (by content hash) in the cache. */
export function cachedInitramfs(init: string, dir: string = initramfsDir()): string {
  const bytes = readFileSync(init)
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  const out = join(dir, `${hash}.cpio`)
  if (!existsSync(out)) writeAtomic(out, cpioNewc(initramfsEntries(bytes)))
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
