// read/preadv2, write, writev, FIONREAD and poll (docs/semantics.md#read, docs/semantics.md#poll,
// docs/semantics.md#write). Waits happen in simulated time: a blocking call waits for deferred work
// (the key gc) that could wake it; if nothing can, the step says it would block forever instead of
// hanging.
import { MAX_LINE_BYTES, POLL_EVENTS, type PollEvent } from '@watchq/spec'
import { err, isErrno } from '../errors.js'
import type { OpenFile } from '../files.js'
import { LIMITS } from '../limits.js'
import { BLOCK, concat, type Pipe } from '../pipe.js'
import { pipesHonourNowait } from '../profile.js'
import {
  argArray,
  argFd,
  argInt,
  argLen,
  blockedForever,
  hexBytes,
  LEN_MAX,
  type OpHandler,
  result,
  type StepContext,
  StepError,
  toHex,
} from './context.js'

/** poll bits (asm-generic, as on x86_64 and s390x), by the protocol's names. */
export const POLL_BITS: Readonly<Record<PollEvent, number>> = {
  POLLIN: 0x001,
  POLLPRI: 0x002,
  POLLOUT: 0x004,
  POLLERR: 0x008,
  POLLHUP: 0x010,
  POLLNVAL: 0x020,
  POLLRDNORM: 0x040,
  POLLWRNORM: 0x100,
}

/** Reads from a pipe, sleeping in simulated time when it must; undefined when it would sleep forever. */
function pipeRead(c: StepContext, pipe: Pipe, len: number, nowait: boolean) {
  for (;;) {
    const r = pipe.read(len, nowait)
    if (r !== BLOCK) return r
    const w = c.kernel.clock.waitFor(() => pipe.readable(), null)
    if (w.blockedForever) return undefined
  }
}

/** The bytes as hex, unless they could never fit an answer line (the agent would fail there too). */
function readResult(bytes: Uint8Array) {
  if (bytes.length * 2 > MAX_LINE_BYTES)
    return { error: `read ${bytes.length} bytes: more than an answer line can carry` }
  return { ret: bytes.length, bytes: toHex(bytes) }
}

export const opRead: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const len = argLen(c, 'len')
  const flags = argArray(c, 'flags', true)
  for (const f of flags ?? []) if (f !== 'RWF_NOWAIT') throw new StepError('argument flags: only RWF_NOWAIT is known')
  const nowaitFlag = (flags ?? []).length > 0
  const file = c.proc.fds.get(fd)
  if (!file?.canRead) return result(err('EBADF'))
  if (flags !== null) {
    // preadv2(…, -1, flags): an empty iovec is done before the flags are looked at.
    if (len === 0) return { ret: 0, bytes: '' }
    // RWF_NOWAIT needs FMODE_NOWAIT, which 6.1 gives neither pipes nor (in the model) tmpfs files
    // (docs/semantics.md#d1-preadv2-with-rwf_nowait-on-the-read-end).
    if (nowaitFlag && !pipesHonourNowait(c.kernel.profile)) return result(err('EOPNOTSUPP'))
  }
  const pipe = file.pipe
  if (pipe) {
    const r = pipeRead(c, pipe, len, file.nonblock || nowaitFlag)
    if (r === undefined) return blockedForever('read on an empty pipe whose write end is open')
    if (isErrno(r)) return result(r)
    return readResult(r)
  }
  const reg = file.regular!
  const bytes = reg.read(file.pos, len)
  file.pos += bytes.length
  return readResult(bytes)
}

/**
 * vfs_write on a file the step may write: pipes (EXDEV on a notification pipe,
 * docs/semantics.md#write) or a regular file.
 */
function writeFile(file: OpenFile, data: Uint8Array) {
  const pipe = file.pipe
  if (pipe) {
    const r = pipe.write(data, file.nonblock, file.packet)
    // Only a reader could make room, and the simulated process is the only one: no deferred work
    // ever drains a pipe, so a blocked write never wakes.
    if (typeof r === 'object' && !isErrno(r)) return blockedForever('write into a full pipe whose read end is open')
    return result(r)
  }
  const reg = file.regular!
  const n = reg.write(file.pos, data)
  if (!isErrno(n)) file.pos += n
  return result(n)
}

export const opWrite: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const data = c.step.bytes !== undefined ? hexBytes(c.step.bytes, 'bytes') : new Uint8Array(argLen(c, 'len', 0))
  const file = c.proc.fds.get(fd)
  if (!file?.canWrite) return result(err('EBADF'))
  return writeFile(file, data)
}

/** The buffers of writev/vmsplice: an item is a length (zero-filled) or hex bytes. */
export function iovBuffers(c: StepContext): Uint8Array[] {
  const iov = argArray(c, 'iov', false)!
  if (iov.length > 1024) throw new StepError('argument iov: at most 1024 buffers')
  const bufs = iov.map((v, i) => {
    if (typeof v === 'string') return hexBytes(v, `iov: item ${i}`)
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > LEN_MAX)
      throw new StepError(`argument iov: item ${i}: expected a length from 0 to ${LEN_MAX} or hex bytes`)
    // The agent allocates every buffer; beyond this much it could not either.
    if (v > LIMITS.buffer) throw new StepError('argument iov: out of memory for the buffers')
    return new Uint8Array(v)
  })
  if (bufs.reduce((a, b) => a + b.length, 0) > LIMITS.buffer)
    throw new StepError('argument iov: out of memory for the buffers')
  return bufs
}

export const opWritev: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const bufs = iovBuffers(c)
  const file = c.proc.fds.get(fd)
  if (!file?.canWrite) return result(err('EBADF'))
  // vfs_writev returns before the pipe sees a zero-length vector (docs/semantics.md#write).
  if (bufs.every((b) => b.length === 0)) return result(0)
  return writeFile(file, concat(bufs))
}

export const opFionread: OpHandler = (c) => {
  const file = c.proc.fds.get(argFd(c, 'fd'))
  if (!file) return result(err('EBADF'))
  const pipe = file.pipe
  // The bytes queued; a pending LOSS is not counted (docs/semantics.md#fionread). A regular file:
  // what is left to read.
  const value = pipe ? pipe.queuedBytes() : file.regular!.size - file.pos
  return { ret: 0, value: value | 0 }
}

/** FIONREAD of one fd, as opFionread reports it. */
function queued(c: StepContext, fd: number) {
  const file = c.proc.fds.get(fd)
  if (!file) return err('EBADF')
  return file.pipe ? file.pipe.queuedBytes() : file.regular!.size - file.pos
}

/**
 * wait_queued: FIONREAD until `bytes` are queued, in simulated time (the key gc's deferred removal
 * records arrive as their time comes); ETIMEDOUT after timeoutMs.
 */
export const opWaitQueued: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const want = argInt(c, 'bytes')
  const timeout = argInt(c, 'timeoutMs')
  if (timeout < 0 || timeout > 3_600_000) throw new StepError('argument timeoutMs: expected 0 to 3600000')
  const reached = () => {
    const n = queued(c, fd)
    return isErrno(n) || n >= want
  }
  const w = c.kernel.clock.waitFor(reached, timeout)
  const n = queued(c, fd)
  if (isErrno(n)) return { errno: n.name, elapsedMs: w.elapsedMs }
  if (n < want) return { errno: 'ETIMEDOUT', elapsedMs: w.elapsedMs }
  return { ret: 0, value: n | 0, elapsedMs: w.elapsedMs }
}

/** pipe_poll / the default mask of a regular file, before masking with the requested events. */
function pollMask(file: OpenFile | undefined): number {
  if (!file) return POLL_BITS.POLLNVAL
  const pipe = file.pipe
  if (!pipe) return POLL_BITS.POLLIN | POLL_BITS.POLLOUT | POLL_BITS.POLLRDNORM | POLL_BITS.POLLWRNORM
  let mask = 0
  if (file.canRead) {
    // POLLIN iff a record is queued (a pending LOSS does not count); POLLHUP without writers
    // (docs/semantics.md#poll).
    if (!pipe.isEmpty) mask |= POLL_BITS.POLLIN | POLL_BITS.POLLRDNORM
    if (pipe.writers === 0) mask |= POLL_BITS.POLLHUP
  }
  if (file.canWrite) {
    if (!pipe.isFull(pipe.maxUsage)) mask |= POLL_BITS.POLLOUT | POLL_BITS.POLLWRNORM
    if (pipe.readers === 0) mask |= POLL_BITS.POLLERR
  }
  return mask
}

export const opPoll: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const events = argArray(c, 'events', false)!
  const timeout = argInt(c, 'timeoutMs')
  if (timeout < 0 || timeout > 3_600_000) throw new StepError('argument timeoutMs: expected 0 to 3600000')
  let wanted = 0
  for (const [i, e] of events.entries()) {
    const bit = typeof e === 'string' ? POLL_BITS[e as PollEvent] : undefined
    if (!bit) throw new StepError(`argument events: item ${i} is not a poll event name`)
    wanted |= bit
  }
  // POLLERR, POLLHUP and POLLNVAL are reported whether asked for or not; a negative fd is ignored.
  const revents = () =>
    fd < 0 ? 0 : pollMask(c.proc.fds.get(fd)) & (wanted | POLL_BITS.POLLERR | POLL_BITS.POLLHUP | POLL_BITS.POLLNVAL)
  const w = c.kernel.clock.waitFor(() => revents() !== 0, timeout)
  const got = revents()
  return {
    ret: got ? 1 : 0,
    revents: POLL_EVENTS.filter((name) => (got & POLL_BITS[name]) !== 0),
    elapsedMs: w.elapsedMs,
  }
}
