// The two watch_queue ioctls (docs/semantics.md#set_size, docs/semantics.md#set_filter). Either end
// of the pipe reaches the same queue; a pipe without a queue is ENODEV; anything that is not a pipe
// has no such ioctl (ENOTTY).
import { encodeFilter } from '@watchq/decoder'
import { err, isErrno, type Sys } from '../errors.js'
import { parseFilter, type UserPointer } from '../filter.js'
import type { Process } from '../process.js'
import type { WatchQueue } from '../watch-queue.js'
import { argFd, argInt, hexBytes, type OpHandler, result, type StepContext, StepError } from './context.js'

/** The queue behind an fd for a pipe ioctl: EBADF, ENOTTY (not a pipe), ENODEV (no queue). */
function ioctlQueue(proc: Process, fd: number): Sys<WatchQueue> {
  const file = proc.fds.get(fd)
  if (!file) return err('EBADF')
  const pipe = file.pipe
  if (!pipe) return err('ENOTTY')
  return pipe.watchQueue ?? err('ENODEV')
}

export const opSetSize: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const notes = argInt(c, 'notes')
  const q = ioctlQueue(c.proc, fd)
  if (isErrno(q)) return result(q)
  // By value, as the ioctl's unsigned long: the queue narrows it to 32 bits
  // (docs/semantics.md#the-argument-is-a-note-count); a negative number narrows as its two's
  // complement would.
  return result(q.setSize(notes))
}

const u32 = (v: unknown, where: string): number => {
  if (v === undefined) return 0
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff)
    throw new StepError(`argument filter: ${where}: expected an integer from 0 to 0xffffffff`)
  return v
}

/** How the agent passes the argument: NULL, an unmapped page, raw bytes, or an encoded filter. */
function filterPointer(c: StepContext): UserPointer {
  const f = c.step.filter
  if (f === null) return { kind: 'null' }
  if (f === 'bad-pointer') return { kind: 'fault' }
  if (typeof f !== 'object' || f === undefined || Array.isArray(f))
    throw new StepError('argument filter: expected null, "bad-pointer", {filters} or {bytes}')
  const o = f as Record<string, unknown>
  if (o.bytes !== undefined) return { kind: 'bytes', bytes: hexBytes(o.bytes, 'filter.bytes') }
  if (!Array.isArray(o.filters) || o.filters.length > 1024)
    throw new StepError('argument filter: filters: expected an array of at most 1024 entries')
  const entries = o.filters.map((item: unknown, i) => {
    const where = `filters[${i}]`
    if (typeof item !== 'object' || item === null || (item as { type?: unknown }).type === undefined)
      throw new StepError(`argument filter: ${where}: expected an object with a type`)
    const e = item as Record<string, unknown>
    const sub = e.subtype_filter
    if (sub !== undefined && (!Array.isArray(sub) || sub.length > 8))
      throw new StepError(`argument filter: ${where}.subtype_filter: expected at most 8 words`)
    return {
      type: u32(e.type, `${where}.type`),
      infoFilter: u32(e.info_filter, `${where}.info_filter`),
      infoMask: u32(e.info_mask, `${where}.info_mask`),
      subtypeFilter: ((sub as unknown[] | undefined) ?? []).map((w, j) => u32(w, `${where}.subtype_filter[${j}]`)),
    }
  })
  const nrFilters = o.nr_filters === undefined ? entries.length : u32(o.nr_filters, 'filter.nr_filters')
  const reserved = u32(o.reserved, 'filter.reserved')
  // Laid out in the machine's byte order, exactly the entries given: the kernel reading further faults.
  return { kind: 'bytes', bytes: encodeFilter(entries, { endian: c.kernel.endian, nrFilters, reserved }) }
}

export const opSetFilter: OpHandler = (c) => {
  const fd = argFd(c, 'fd')
  const pointer = filterPointer(c)
  const q = ioctlQueue(c.proc, fd)
  if (isErrno(q)) return result(q)
  const filter = parseFilter(pointer, c.kernel.endian)
  if (isErrno(filter)) return result(filter)
  // Replaced whole; records already queued are not touched
  // (docs/semantics.md#when-a-filter-applies).
  q.filter = filter
  return result(0)
}
