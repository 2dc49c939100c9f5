// Where built kernels and initramfs archives are kept between runs:
// ${XDG_CACHE_HOME:-~/.cache}/watchq/{kernels,initramfs}. Files appear by rename, so a reader
// never sees one half written, and a build in progress holds a lock other processes wait on.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

export function cacheRoot(): string {
  const xdg = process.env['XDG_CACHE_HOME']
  return join(xdg && xdg !== '' ? xdg : join(homedir(), '.cache'), 'watchq')
}

export function kernelsDir(): string {
  return join(cacheRoot(), 'kernels')
}

export function initramfsDir(): string {
  return join(cacheRoot(), 'initramfs')
}

/** Writes `data` to `path` through a temporary file in the same directory and a rename. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, path)
}

const LOCK_POLL_MS = 250

const chains = new Map<string, Promise<unknown>>()

/**
 * Work on the same `key` runs one at a time in this process, in call order; a failure does not stop
 * the work queued after it. (withLock's file names the process, so it does not order its callers.)
 */
export function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (chains.get(key) ?? Promise.resolve()).then(work)
  const settled = run.catch(() => {})
  chains.set(key, settled)
  void settled.then(() => {
    if (chains.get(key) === settled) chains.delete(key)
  })
  return run
}

/**
 * Runs `work` holding the lock file `path` (it names the holder's pid). A lock whose holder is
 * dead is taken over; one held by a live process is waited for.
 */
export async function withLock<T>(path: string, work: () => Promise<T>, onWait?: (pid: number) => void): Promise<T> {
  mkdirSync(dirname(path), { recursive: true })
  let told = false
  for (;;) {
    try {
      const fd = openSync(path, 'wx')
      writeFileSync(fd, `${process.pid}\n`)
      closeSync(fd)
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const holder = Number.parseInt(readText(path), 10)
      if (!Number.isInteger(holder) || holder === process.pid || !alive(holder)) {
        rmSync(path, { force: true })
        continue
      }
      if (!told) onWait?.(holder)
      told = true
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(path, { force: true })
  }
}

/** A file's text, or '' when it cannot be read. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
