// splice, tee, vmsplice, sendfile (docs/semantics.md#splice-tee-vmsplice-and-sendfile). The splice
// code asks for pipes with get_pipe_info(…, true), which does not see notification pipes: to it
// they are files without splice_read, whose writes go through pipe_write (and so end in EXDEV).

import type { Observation } from '@watchq/spec'
import { err, isErrno, type Sys } from '../errors.js'
import type { OpenFile } from '../files.js'
import { concat, PIPE_BUF_FLAG_CAN_MERGE, type Pipe } from '../pipe.js'
import {
  argArray,
  argFd,
  argLen,
  blockedForever,
  type OpHandler,
  result,
  type StepContext,
  StepError,
} from './context.js'
import { iovBuffers } from './io.js'

/** include/linux/splice.h: the same bits on every arch. */
export const SPLICE_F_MOVE = 0x01
export const SPLICE_F_NONBLOCK = 0x02
export const SPLICE_F_MORE = 0x04
export const SPLICE_F_GIFT = 0x08
const SPLICE_FLAG_BITS: Readonly<Record<string, number>> = {
  SPLICE_F_MOVE,
  SPLICE_F_NONBLOCK,
  SPLICE_F_MORE,
  SPLICE_F_GIFT,
}

/** The two ends of a splice or tee: open, the first readable and the second writable, else EBADF. */
function openEnds(c: StepContext, fdIn: number, fdOut: number): Sys<{ input: OpenFile; out: OpenFile }> {
  const input = c.proc.fds.get(fdIn)
  const out = input ? c.proc.fds.get(fdOut) : undefined
  if (!input || !out || !input.canRead || !out.canWrite) return err('EBADF')
  return { input, out }
}

/** The flags of splice, tee and vmsplice; MOVE, MORE and GIFT are hints the model can ignore. */
function spliceFlags(c: StepContext): number {
  let flags = 0
  for (const [i, f] of (argArray(c, 'flags', true) ?? []).entries()) {
    const bit = typeof f === 'string' ? SPLICE_FLAG_BITS[f] : undefined
    if (bit === undefined)
      throw new StepError(`argument flags: item ${i} is not a SPLICE_F_* name (MOVE, NONBLOCK, MORE, GIFT)`)
    flags |= bit
  }
  return flags
}

/** What happens when the kernel would sleep: nothing in the model ever fills or drains a pipe later. */
const SLEEPS = Symbol('sleeps')
type Outcome = Sys<number> | typeof SLEEPS

const observe = (r: Outcome, what: string): Observation => (r === SLEEPS ? blockedForever(what) : result(r))

/** vfs_iter_write into a file splice does not see as a pipe: a notification pipe (EXDEV) or a regular file. */
function writeOut(out: OpenFile, data: Uint8Array): Sys<number> {
  const pipe = out.pipe
  if (pipe) {
    const r = pipe.write(data, true, out.packet)
    return typeof r === 'object' && !isErrno(r) ? r.written : r
  }
  const n = out.regular!.write(out.pos, data)
  if (!isErrno(n)) out.pos += n
  return n
}

/** iter_file_splice_write: wait for data in the pipe, write it out, consume only what was written. */
function spliceFromPipe(ipipe: Pipe, out: OpenFile, len: number, nonblock: boolean): Outcome {
  if (ipipe.isEmpty) {
    if (ipipe.writers === 0) return 0
    if (nonblock) return err('EAGAIN')
    return SLEEPS
  }
  const data = concat(ipipe.peek(len))
  const n = writeOut(out, data)
  if (isErrno(n)) return n
  ipipe.take(n)
  return n
}

/** splice_file_to_pipe: room in the pipe first (wait_for_space), then the file's splice_read. */
function spliceFileToPipe(input: OpenFile, opipe: Pipe, len: number, nonblock: boolean): Outcome {
  if (opipe.readers === 0) return err('EPIPE')
  if (opipe.isFull(opipe.maxUsage)) return nonblock ? err('EAGAIN') : SLEEPS
  if (len === 0) return 0
  const room = (opipe.maxUsage - opipe.occupancy) * opipe.pageSize
  // A notification pipe's read end (any pipe, to splice) has no splice_read
  // (docs/semantics.md#splice-tee-vmsplice-and-sendfile).
  const reg = input.regular
  if (!reg?.spliceRead) return err('EINVAL')
  const data = reg.read(input.pos, Math.min(len, room))
  let n = 0
  while (n < data.length) {
    const chunk = data.slice(n, n + opipe.pageSize)
    if (!opipe.pushBuffer(chunk, 0)) break
    n += chunk.length
  }
  if (n === 0 && data.length > 0) return err('ENOMEM')
  input.pos += n
  return n
}

/** splice_pipe_to_pipe: whole buffers move, the last one may be split. */
function splicePipeToPipe(ipipe: Pipe, opipe: Pipe, len: number, nonblock: boolean): Outcome {
  if (ipipe.isEmpty && ipipe.writers > 0) return nonblock ? err('EAGAIN') : SLEEPS
  if (opipe.isFull(opipe.maxUsage) && opipe.readers > 0) return nonblock ? err('EAGAIN') : SLEEPS
  let ret = 0
  while (len > 0) {
    if (opipe.readers === 0) return ret || err('EPIPE')
    if (ipipe.isEmpty && ipipe.writers === 0) break
    if (ipipe.isEmpty || opipe.isFull(opipe.maxUsage)) break
    const ibuf = ipipe.slot(ipipe.tail)
    const n = Math.min(len, ibuf.len)
    const flags = n === ibuf.len ? ibuf.flags : ibuf.flags & ~PIPE_BUF_FLAG_CAN_MERGE
    if (!opipe.pushBuffer(ibuf.data.slice(ibuf.offset, ibuf.offset + n), flags)) return ret || err('ENOMEM')
    ipipe.take(n)
    ret += n
    len -= n
  }
  return ret
}

export const opSplice: OpHandler = (c) => {
  const fdIn = argFd(c, 'in')
  const fdOut = argFd(c, 'out')
  const len = argLen(c, 'len')
  const flags = spliceFlags(c)
  // A zero length is done before anything is looked at
  // (docs/semantics.md#splice-tee-vmsplice-and-sendfile).
  if (len === 0) return result(0)
  const ends = openEnds(c, fdIn, fdOut)
  if (isErrno(ends)) return result(ends)
  const { input, out } = ends
  const ipipe = input.splicePipe
  const opipe = out.splicePipe
  const what = 'splice between pipes that nothing else will fill or drain'
  if (ipipe && opipe) {
    if (ipipe === opipe) return result(err('EINVAL'))
    const nb = (flags & SPLICE_F_NONBLOCK) !== 0 || input.nonblock || out.nonblock
    return observe(splicePipeToPipe(ipipe, opipe, len, nb), what)
  }
  if (ipipe) return observe(spliceFromPipe(ipipe, out, len, (flags & SPLICE_F_NONBLOCK) !== 0 || input.nonblock), what)
  if (opipe)
    return observe(spliceFileToPipe(input, opipe, len, (flags & SPLICE_F_NONBLOCK) !== 0 || out.nonblock), what)
  // Neither side is a pipe to splice (a file and a notification pipe included;
  // docs/semantics.md#splice-tee-vmsplice-and-sendfile).
  return result(err('EINVAL'))
}

/** link_pipe: copies buffers without consuming them. */
function linkPipe(ipipe: Pipe, opipe: Pipe, len: number): Sys<number> {
  let ret = 0
  let t = ipipe.tail
  while (len > 0) {
    if (opipe.readers === 0) return ret || err('EPIPE')
    if (t === ipipe.head || opipe.isFull(opipe.maxUsage)) break
    const ibuf = ipipe.slot(t)
    const n = Math.min(len, ibuf.len)
    if (!opipe.pushBuffer(ibuf.data.slice(ibuf.offset, ibuf.offset + n), ibuf.flags & ~PIPE_BUF_FLAG_CAN_MERGE))
      return ret || err('ENOMEM')
    ret += n
    len -= n
    t++
  }
  return ret
}

export const opTee: OpHandler = (c) => {
  const fdIn = argFd(c, 'in')
  const fdOut = argFd(c, 'out')
  const len = argLen(c, 'len')
  const flags = spliceFlags(c)
  if (len === 0) return result(0)
  const ends = openEnds(c, fdIn, fdOut)
  if (isErrno(ends)) return result(ends)
  const { input, out } = ends
  const ipipe = input.splicePipe
  const opipe = out.splicePipe
  // Both ends must be pipes to splice, and different ones; a notification pipe is not
  // (docs/semantics.md#splice-tee-vmsplice-and-sendfile).
  if (!ipipe || !opipe || ipipe === opipe) return result(err('EINVAL'))
  const nb = (flags & SPLICE_F_NONBLOCK) !== 0 || input.nonblock || out.nonblock
  const what = 'tee between pipes that nothing else will fill or drain'
  if (ipipe.isEmpty && ipipe.writers > 0) return observe(nb ? err('EAGAIN') : SLEEPS, what)
  if (opipe.isFull(opipe.maxUsage)) {
    if (opipe.readers === 0) return result(err('EPIPE'))
    return observe(nb ? err('EAGAIN') : SLEEPS, what)
  }
  return result(linkPipe(ipipe, opipe, len))
}

export const opVmsplice: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const flags = spliceFlags(c)
  const bufs = iovBuffers(c)
  const file = c.proc.fds.get(fd)
  // vmsplice_type: a writable file is spliced into, a readable one out of.
  if (!file || (!file.canWrite && !file.canRead)) return result(err('EBADF'))
  const total = bufs.reduce((a, b) => a + b.length, 0)
  if (total === 0) return result(0)
  // A notification pipe is not a pipe here, on either end
  // (docs/semantics.md#splice-tee-vmsplice-and-sendfile).
  const pipe = file.splicePipe
  if (!pipe) return result(err('EBADF'))
  const nonblock = (flags & SPLICE_F_NONBLOCK) !== 0
  const what = 'vmsplice on a pipe that nothing else will fill or drain'
  if (file.canWrite) {
    if (pipe.readers === 0) return result(err('EPIPE'))
    // wait_for_space: SPLICE_F_NONBLOCK turns the sleep into EAGAIN.
    if (pipe.isFull(pipe.maxUsage)) return nonblock ? result(err('EAGAIN')) : blockedForever(what)
    let ret = 0
    for (const buf of bufs) {
      for (let at = 0; at < buf.length && !pipe.isFull(pipe.maxUsage); at += pipe.pageSize) {
        const chunk = buf.slice(at, at + pipe.pageSize)
        if (!pipe.pushBuffer(chunk, 0)) return result(ret || err('ENOMEM'))
        ret += chunk.length
      }
    }
    return result(ret)
  }
  if (pipe.isEmpty) {
    if (pipe.writers === 0) return result(0)
    return nonblock ? result(err('EAGAIN')) : blockedForever(what)
  }
  return result(pipe.take(total).length)
}

export const opSendfile: OpHandler = (c) => {
  const fdOut = argFd(c, 'out')
  const fdIn = argFd(c, 'in')
  const count = argLen(c, 'count')
  const input = c.proc.fds.get(fdIn)
  if (!input?.canRead) return result(err('EBADF'))
  const out = c.proc.fds.get(fdOut)
  if (!out?.canWrite) return result(err('EBADF'))
  const opipe = out.splicePipe
  if (opipe) return observe(spliceFileToPipe(input, opipe, count, out.nonblock), 'sendfile into a full pipe')
  // do_splice_direct: the input must be a file with splice_read (a notification read end or a
  // /proc/<pid> file is EINVAL, before the output is written: docs/semantics.md#splice-tee-vmsplice-and-sendfile).
  const reg = input.regular
  if (!reg?.spliceRead) return result(err('EINVAL'))
  const data = reg.read(input.pos, count)
  // 0 at end of file; into a notification pipe, EXDEV with the input offset left alone.
  if (data.length === 0) return result(0)
  const n = writeOut(out, data)
  if (isErrno(n)) return result(n)
  input.pos += n
  return result(n)
}
