// Ops on file descriptors as such: pipe2 (docs/semantics.md#pipe2-with-o_notification_pipe), close
// (docs/semantics.md#closing), dup, open_file, fcntl (F_GETFL, F_SETFL; F_GETPIPE_SZ, F_SETPIPE_SZ:
// docs/semantics.md#f_getpipe_sz-and-pipe-accounting, docs/semantics.md#f_setpipe_sz).
import { FILE_STATUS_FLAGS, type FileStatusFlag, valueOn } from '@watchq/spec'
import { err, isErrno, type Sys } from '../errors.js'
import { OpenFile, RegularFile } from '../files.js'
import type { Kernel } from '../kernel.js'
import { LIMITS } from '../limits.js'
import { Pipe } from '../pipe.js'
import type { Process } from '../process.js'
import { atLeast } from '../profile.js'
import { WatchQueue } from '../watch-queue.js'
import { detachWatch } from '../watches.js'
import {
  argArray,
  argFd,
  argInt,
  argStr,
  type OpHandler,
  result,
  type StepContext,
  StepError,
  StepSkip,
  utf8,
} from './context.js'

/** free_pipe_info: the queue is cleared first (watches unhooked, no removal records), then the buffers. */
function freePipe(k: Kernel, pipe: Pipe): void {
  pipe.watchQueue?.clear((w) => detachWatch(w, k.freeWatch))
  pipe.releaseAll()
  pipe.freed = true
  k.pipes--
}

/** pipe_release for one end. */
function releaseEnd(k: Kernel, pipe: Pipe, end: 'read' | 'write'): void {
  if (end === 'read') pipe.readers--
  else pipe.writers--
  if (--pipe.files === 0) freePipe(k, pipe)
}

/**
 * do_pipe2: any flag outside O_CLOEXEC|O_NONBLOCK|O_DIRECT|O_NOTIFICATION_PIPE is EINVAL before
 * anything else (docs/semantics.md#errors-of-pipe2); then the pipe (ENFILE) and its queue; then two
 * fds (EMFILE).
 */
export function pipe2(proc: Process, flags: number): Sys<[number, number]> {
  const k = proc.kernel
  const f = k.flags
  if ((flags & ~(f.O_CLOEXEC | f.O_NONBLOCK | f.O_DIRECT | f.O_NOTIFICATION_PIPE)) !== 0) return err('EINVAL')
  if (k.pipes >= LIMITS.pipes) return err('ENFILE')
  const fds = proc.fds.reserveTwo(proc.fdLimit)
  if (isErrno(fds)) return fds
  const pipe = new Pipe(k.profile.pageSize, k.endian, k.memory, atLeast(k.profile, '6.1'))
  // The queue is attached right after the ordinary pipe is made (16 slots for root;
  // docs/semantics.md#pipe2-with-o_notification_pipe).
  if (flags & f.O_NOTIFICATION_PIPE) pipe.watchQueue = new WatchQueue(pipe)
  k.pipes++
  const nonblock = (flags & f.O_NONBLOCK) !== 0
  // O_NONBLOCK goes to both ends; O_DIRECT (packet mode) to the write end only.
  const r = new OpenFile({ kind: 'pipe', pipe }, true, false, nonblock, false, () => releaseEnd(k, pipe, 'read'))
  const w = new OpenFile({ kind: 'pipe', pipe }, false, true, nonblock, (flags & f.O_DIRECT) !== 0, () =>
    releaseEnd(k, pipe, 'write'),
  )
  proc.fds.installAt(fds[0], r)
  proc.fds.installAt(fds[1], w)
  return fds
}

export const opPipe2: OpHandler = (c) => {
  const f = c.kernel.flags
  const names: Readonly<Record<string, number>> = {
    O_NOTIFICATION_PIPE: f.O_NOTIFICATION_PIPE,
    O_CLOEXEC: f.O_CLOEXEC,
    O_NONBLOCK: f.O_NONBLOCK,
    O_DIRECT: f.O_DIRECT,
    O_TMPFILE: f.O_TMPFILE,
    O_EXCL: f.O_EXCL,
  }
  let bits = 0
  for (const [i, item] of (argArray(c, 'flags', false) ?? []).entries()) {
    if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 0xffffffff) bits |= item
    else if (typeof item === 'string' && names[item] !== undefined) bits |= names[item]
    else throw new StepError(`argument flags: item ${i} is neither a known flag name nor a 32-bit integer`)
  }
  const fds = pipe2(c.proc, bits)
  return isErrno(fds) ? { errno: fds.name } : { ret: 0, fds: [fds[0], fds[1]] }
}

export const opClose: OpHandler = (c) => {
  const r = c.proc.fds.close(argFd(c, 'fd'))
  return result(r ?? 0)
}

export const opDup: OpHandler = (c) => {
  const file = c.proc.fds.get(argFd(c, 'fd'))
  if (!file) return result(err('EBADF'))
  return result(c.proc.fds.install(file, c.proc.fdLimit))
}

/**
 * The files of the machine the model knows by path, as a case process in our VM sees them: what
 * reading gives, and whether splice can read them (/proc/sys has splice_read, /proc/<pid> files do
 * not: docs/semantics.md#splice-tee-vmsplice-and-sendfile). Any other path is declined.
 */
const MACHINE_FILES: ReadonlyMap<string, { readonly content: string; readonly spliceRead: boolean }> = new Map([
  ['/proc/sys/kernel/ostype', { content: 'Linux\n', spliceRead: true }],
  ['/proc/self/oom_score_adj', { content: '0\n', spliceRead: false }],
])

/**
 * A new regular file holding `content`, open read-write at offset 0 (the agent's tmpfs file); or,
 * with `path`, a file of the machine opened read-only.
 */
export const opOpenFile: OpHandler = (c) => {
  const k = c.kernel
  const path = argStr(c, 'path', true)
  const known = path === null ? undefined : MACHINE_FILES.get(path)
  if (path !== null) {
    if (argStr(c, 'content', true) !== null) throw new StepError('open_file: either path or content, not both')
    if (!known) throw new StepSkip(`open_file: the simulator has no file ${path}`)
  }
  const content = utf8(known ? known.content : argStr(c, 'content', true)) ?? new Uint8Array(0)
  if (content.length > LIMITS.fileBytes) return result(err('EFBIG'))
  if (k.files >= LIMITS.files) return result(err('ENFILE'))
  const reg = RegularFile.create(content, k.memory)
  if (isErrno(reg)) return result(reg)
  if (known) reg.spliceRead = known.spliceRead
  const file = new OpenFile({ kind: 'regular', file: reg }, true, !known, false, false, () => {
    reg.free()
    k.files--
  })
  const fd = c.proc.fds.install(file, c.proc.fdLimit)
  if (isErrno(fd)) reg.free()
  else k.files++
  return result(fd)
}

/** round_pipe_size: a page at least, a power of two, and 0 (EINVAL) above 2^31. */
function roundPipeSize(size: number, pageSize: number): number {
  if (size > 2 ** 31) return 0
  if (size < pageSize) return pageSize
  let p = pageSize
  while (p < size) p *= 2
  return p
}

/**
 * pipe_set_size: EBUSY on a notification pipe whatever the size (docs/semantics.md#f_setpipe_sz),
 * EBUSY if the data would not fit.
 */
export function setPipeSize(pipe: Pipe, arg: number): Sys<number> {
  if (pipe.watchQueue) return err('EBUSY')
  const size = roundPipeSize(arg >>> 0, pipe.pageSize)
  const slots = size / pipe.pageSize
  if (!slots) return err('EINVAL')
  // The limits (pipe-max-size, the user's page budget) bind only unprivileged callers.
  const r = pipe.resizeRing(slots)
  if (r !== undefined) return r
  pipe.maxUsage = slots
  pipe.nrAccounted = slots
  return pipe.maxUsage * pipe.pageSize
}

/** The spec's file status flag bits on the simulated arches (x86_64 and s390x: asm-generic). */
const FILE_FLAG_BITS: Readonly<Record<FileStatusFlag, number>> = Object.fromEntries(
  FILE_STATUS_FLAGS.map((f) => [f.name, valueOn(f, 'generic')]),
) as Record<FileStatusFlag, number>

/** f_flags as F_GETFL returns them: the access mode and the status flags the model keeps. */
function statusFlags(file: OpenFile): number {
  const b = FILE_FLAG_BITS
  let flags = file.canRead && file.canWrite ? 2 : file.canWrite ? 1 : 0
  if (file.nonblock) flags |= b.O_NONBLOCK
  if (file.packet) flags |= b.O_DIRECT
  if (file.append) flags |= b.O_APPEND
  if (file.noatime) flags |= b.O_NOATIME
  // open(2) on a 64-bit kernel adds O_LARGEFILE; pipe2 does not.
  if (file.regular) flags |= b.O_LARGEFILE
  return flags
}

/** F_GETFL observed by name, as the agent lists them: the access mode, then each flag set. */
function flagNames(flags: number): string[] {
  const names: string[] = [['O_RDONLY', 'O_WRONLY', 'O_RDWR', '0x3'][flags & 3]!]
  let left = flags & ~3
  for (const f of FILE_STATUS_FLAGS) {
    const bit = FILE_FLAG_BITS[f.name]
    if (left & bit) {
      names.push(f.name)
      left &= ~bit
    }
  }
  for (let bit = 4; left; bit *= 2)
    if (left & bit) {
      names.push(`0x${bit.toString(16)}`)
      left &= ~bit
    }
  return names
}

/**
 * setfl: only O_APPEND, O_NONBLOCK, O_DIRECT and O_NOATIME change (other bits are ignored). O_DIRECT
 * needs a file that can do direct I/O — tmpfs only from 6.6 on — except on a pipe, where it is packet
 * mode (docs/semantics.md#file-status-flags).
 */
function setStatusFlags(c: StepContext, file: OpenFile, arg: number): Sys<number> {
  const b = FILE_FLAG_BITS
  if (arg & b.O_DIRECT && !file.pipe && !atLeast(c.kernel.profile, '6.12')) return err('EINVAL')
  file.append = (arg & b.O_APPEND) !== 0
  file.nonblock = (arg & b.O_NONBLOCK) !== 0
  file.packet = (arg & b.O_DIRECT) !== 0
  file.noatime = (arg & b.O_NOATIME) !== 0
  return 0
}

export const opFcntl: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  let arg = argInt(c, 'arg', 0)
  const cmd = c.step.cmd
  if (cmd !== 'F_GETPIPE_SZ' && cmd !== 'F_SETPIPE_SZ' && cmd !== 'F_GETFL' && cmd !== 'F_SETFL')
    throw new StepSkip('fcntl: only F_GETPIPE_SZ, F_SETPIPE_SZ, F_GETFL and F_SETFL are known')
  const flags = argArray(c, 'flags', true)
  if (flags) {
    arg = 0
    for (const [i, f] of flags.entries()) {
      const bit = typeof f === 'string' ? FILE_FLAG_BITS[f as FileStatusFlag] : undefined
      if (bit === undefined) throw new StepError(`argument flags: item ${i} is not a file status flag name`)
      arg |= bit
    }
  }
  const file = c.proc.fds.get(fd)
  if (!file) return result(err('EBADF'))
  if (cmd === 'F_GETFL') {
    const f = statusFlags(file)
    return { ret: f, flags: flagNames(f) }
  }
  if (cmd === 'F_SETFL') return result(setStatusFlags(c, file, arg))
  const pipe = file.pipe
  // pipe_fcntl: not a pipe is EBADF.
  if (!pipe) return result(err('EBADF'))
  if (cmd === 'F_GETPIPE_SZ') return result(pipe.maxUsage * pipe.pageSize)
  return result(setPipeSize(pipe, arg))
}
