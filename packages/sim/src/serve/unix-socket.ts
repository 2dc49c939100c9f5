// The Unix socket's path, before and after binding: a path the kernel cannot hold is refused before
// anything is made (Node would cut it to 107 bytes and listen on the stray path); a live server's
// socket is never taken over (it would keep running, unreachable); only a socket nobody answers on
// is replaced; anything else at the path (a file, a directory, a symbolic link) is left alone.
import { lstatSync, type Stats, statSync, unlinkSync } from 'node:fs'
import { connect } from 'node:net'
import { dirname } from 'node:path'

/**
 * The most bytes of a Unix socket path: sun_path is 108 bytes on Linux, the last one the NUL.
 * Counted in bytes of the path as given: bind() resolves nothing, a relative path is measured as is.
 */
export const MAX_UNIX_PATH_BYTES = 107

/** How long the probe of an existing socket waits for an answer before calling it alive. */
const PROBE_TIMEOUT_MS = 2000

/** The path is taken or unusable (not a usage error: the command line was well formed). */
export class ListenError extends Error {
  override readonly name = 'ListenError'
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot listen on ${path}: ${reason}`)
  }
}

/** Why `path` cannot name a Unix socket, or undefined when it can. */
export function unixPathProblem(path: string): string | undefined {
  if (path === '') return 'the path is empty'
  if (path.includes('\0')) return 'the path contains a NUL byte'
  const bytes = Buffer.byteLength(path)
  if (bytes > MAX_UNIX_PATH_BYTES)
    return `the path is ${bytes} bytes long; a Unix socket path holds at most ${MAX_UNIX_PATH_BYTES} (use a shorter path, or a relative one from a nearer directory)`
  return undefined
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link'
  if (st.isDirectory()) return 'a directory'
  if (st.isFile()) return 'a regular file'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isBlockDevice()) return 'a block device'
  return 'of another kind'
}

/** 'alive' when something accepts a connection on the socket, 'stale' when nothing listens. */
function probe(path: string): Promise<'alive' | 'stale' | 'gone' | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const socket = connect({ path })
    const done = (v: 'alive' | 'stale' | 'gone' | NodeJS.ErrnoException) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(v)
    }
    // A server too busy to accept within the time is still a server.
    const timer = setTimeout(() => done('alive'), PROBE_TIMEOUT_MS)
    socket.once('connect', () => done('alive'))
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') done('stale')
      else if (e.code === 'ENOENT') done('gone')
      // EAGAIN: its backlog is full, so somebody listens.
      else if (e.code === 'EAGAIN') done('alive')
      else done(e)
    })
  })
}

/**
 * Makes `path` free for a new socket: nothing there, or a stale socket (removed). Throws a
 * ListenError when a server answers there or the path holds anything but a socket.
 */
export async function clearUnixPath(path: string): Promise<void> {
  const problem = unixPathProblem(path)
  if (problem) throw new ListenError(path, problem)
  const st = lstatOrUndefined(path)
  if (!st) {
    // bind() would say EACCES for a missing directory (libuv turns ENOENT into EACCES): say what it is.
    const parent = dirname(path)
    try {
      statSync(parent)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ListenError(path, `no directory ${parent}`)
      // Anything else bind() names itself.
    }
    return
  }
  if (!st.isSocket()) throw new ListenError(path, `it is ${kindOf(st)}, not a socket; not replacing it`)
  const found = await probe(path)
  if (found === 'alive')
    throw new ListenError(path, 'another server is answering on it; stop that one first, or choose another path')
  if (found === 'gone') return
  if (found !== 'stale')
    throw new ListenError(path, `cannot tell whether a server is answering on it (${found.code ?? found.message})`)
  // Nobody answers: a socket left by a server that did not stop cleanly. It must still be the same one.
  const again = lstatOrUndefined(path)
  if (again?.isSocket() && again.ino === st.ino && again.dev === st.dev) unlinkSync(path)
  else if (again) throw new ListenError(path, 'it changed while it was checked; not replacing it')
}

/** The identity of the socket this server made, to remove it at the end only if it is still ours. */
export function socketIdentity(path: string): { dev: number; ino: number } | undefined {
  const st = lstatOrUndefined(path)
  return st?.isSocket() ? { dev: st.dev, ino: st.ino } : undefined
}

/** Removes the socket at `path` if it is still the one `identity` names. */
export function removeOwnSocket(path: string, identity: { dev: number; ino: number } | undefined): void {
  if (!identity) return
  try {
    const st = lstatOrUndefined(path)
    if (st?.isSocket() && st.ino === identity.ino && st.dev === identity.dev) unlinkSync(path)
  } catch {
    // Gone already, or the directory became unreadable: nothing of ours to clean.
  }
}
