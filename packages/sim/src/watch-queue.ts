// The watch queue of a notification pipe: its notes (the preallocated 128-byte record slots), its
// sizing (docs/semantics.md#set_size), its filter (docs/semantics.md#set_filter), the watches that
// feed it, and how one record is posted or lost (docs/semantics.md#loss).
import { err, type Sys } from './errors.js'
import type { WatchFilter } from './filter.js'
import { PIPE_BUF_FLAG_LOSS, PIPE_BUF_FLAG_WHOLE, type Pipe } from './pipe.js'
import { type Notification, notificationBytes } from './records.js'
import { MAX_NOTES, MIN_NOTES, NOTE_SIZE } from './uapi.js'
import type { Watch } from './watches.js'

/** The next power of two at or above n (n >= 1). */
export function roundupPowOfTwo(n: number): number {
  let p = 1
  while (p < n) p *= 2
  return p
}

/**
 * The sizing math for a SET_SIZE argument already truncated to 32 bits and in range
 * (docs/semantics.md#capacity-and-ring-size).
 */
export function sizing(nrNotes: number, pageSize: number): { nrPages: number; nrNotes: number; ringSlots: number } {
  const perPage = pageSize / NOTE_SIZE
  const nrPages = Math.ceil(nrNotes / perPage)
  const notes = nrPages * perPage
  return { nrPages, nrNotes: notes, ringSlots: roundupPowOfTwo(notes) }
}

export class WatchQueue {
  /** Set when the pipe is released: nothing is posted any more (docs/semantics.md#closing-the-last-file). */
  defunct = false
  /** 0 until SET_SIZE: every post is lost then (docs/semantics.md#losses-before-set_size). */
  nrNotes = 0
  nrPages = 0
  private freeNotes = 0
  filter: WatchFilter | null = null
  /** The watches feeding this queue (wqueue->watches). */
  readonly watches = new Set<Watch>()

  constructor(readonly pipe: Pipe) {}

  get sized(): boolean {
    return this.nrNotes > 0
  }

  /**
   * IOC_WATCH_QUEUE_SET_SIZE after the ENODEV check (the caller's: no queue). `arg` is the ioctl's
   * unsigned long; the kernel takes it as an unsigned int.
   */
  setSize(arg: number): Sys<number> {
    // EBUSY (even for an out-of-range argument) before EINVAL
    // (docs/semantics.md#errors-of-set_size).
    if (this.sized) return err('EBUSY')
    const n = arg >>> 0
    if (n < MIN_NOTES || n > MAX_NOTES) return err('EINVAL')
    const { nrPages, nrNotes, ringSlots } = sizing(n, this.pipe.pageSize)
    // EPERM needs an unprivileged caller over the pipe limits; the simulated caller is root
    // (docs/semantics.md#errors-of-set_size).
    const resized = this.pipe.resizeRing(ringSlots)
    if (resized !== undefined) return resized
    // The CVE-2025-23138 fix: the pipe is charged nr_pages and limited to them (F_GETPIPE_SZ).
    this.pipe.maxUsage = nrPages
    this.pipe.nrAccounted = nrPages
    this.nrPages = nrPages
    this.nrNotes = nrNotes
    this.freeNotes = nrNotes
    return 0
  }

  /**
   * post_one_notification: into the next slot if the ring has room and a note is free; otherwise
   * the post is lost and the newest buffer (slot head-1) is flagged
   * (docs/semantics.md#when-a-record-is-lost). Returns whether it went in.
   */
  post(n: Notification): boolean {
    const pipe = this.pipe
    if (this.defunct || pipe.freed) return false
    if (pipe.isFull(pipe.ringSize) || this.freeNotes === 0) {
      // Before SET_SIZE this flags a slot nobody occupies, which sizing throws away: never reported.
      pipe.slot(pipe.head - 1).flags |= PIPE_BUF_FLAG_LOSS
      return false
    }
    this.freeNotes--
    const buf = pipe.slot(pipe.head)
    const bytes = notificationBytes(n, pipe.endian)
    buf.data = bytes
    buf.offset = 0
    buf.len = bytes.length
    buf.flags = PIPE_BUF_FLAG_WHOLE
    buf.release = () => {
      this.freeNotes++
    }
    pipe.head++
    return true
  }

  /**
   * watch_queue_clear, when the last file of the pipe goes
   * (docs/semantics.md#closing-the-last-file): dead first, then every watch is unhooked from its
   * key without a removal record.
   */
  clear(detach: (w: Watch) => void): void {
    this.defunct = true
    for (const w of [...this.watches]) {
      this.watches.delete(w)
      detach(w)
    }
  }
}
