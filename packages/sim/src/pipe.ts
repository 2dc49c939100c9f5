// A pipe (pipe_inode_info): a ring of buffers between a read end and a write end. Ordinary pipes
// and notification pipes share this code — read() in particular is the same function for both,
// which is where the whole-record rule and the LOSS record come from (docs/semantics.md#loss,
// docs/semantics.md#read).
import { err, type Sys } from './errors.js'
import type { MemoryBudget } from './limits.js'
import { lossNotification, notificationBytes } from './records.js'
import type { WatchQueue } from './watch-queue.js'

/** Pipe buffer flags (only the ones the model uses). */
export const PIPE_BUF_FLAG_PACKET = 0x08
export const PIPE_BUF_FLAG_CAN_MERGE = 0x10
/** Notification records: read whole or not at all (docs/semantics.md#whole-records). */
export const PIPE_BUF_FLAG_WHOLE = 0x20
/** A post was lost after this buffer was queued (docs/semantics.md#when-a-record-is-lost). */
export const PIPE_BUF_FLAG_LOSS = 0x40

/** PIPE_DEF_BUFFERS: the ring of a new pipe. */
export const PIPE_DEF_BUFFERS = 16

/** One slot of the ring. The slot objects stay in place; head/tail say which are occupied. */
export interface PipeBuffer {
  data: Uint8Array
  offset: number
  len: number
  flags: number
  /** What consuming the buffer gives back (a notification's note, a data page's memory). */
  release: (() => void) | null
}

const emptySlot = (): PipeBuffer => ({ data: EMPTY, offset: 0, len: 0, flags: 0, release: null })

/** A ring of slots, made on first use: a pipe resized to 2^31 bytes costs nothing until filled. */
class Ring {
  private readonly slots = new Map<number, PipeBuffer>()

  constructor(readonly size: number) {}

  at(counter: number): PipeBuffer {
    const i = counter & (this.size - 1)
    let b = this.slots.get(i)
    if (!b) {
      b = emptySlot()
      this.slots.set(i, b)
    }
    return b
  }

  set(i: number, b: PipeBuffer): void {
    this.slots.set(i, b)
  }
}
const EMPTY = new Uint8Array(0)

/** The call would sleep: the caller waits (in simulated time) and calls again. */
export const BLOCK = Symbol('block')
export type Block = typeof BLOCK

export class Pipe {
  private ring: Ring
  /** Producer and consumer counters; occupancy = head - tail. */
  head = 0
  tail = 0
  /** How many slots writers may fill (F_GETPIPE_SZ = max_usage pages). */
  maxUsage: number
  /** Pages charged to the user (pipe->nr_accounted). */
  nrAccounted: number
  readers = 1
  writers = 1
  /** Open file descriptions (pipe->files): the pipe is freed when the last one goes. */
  files = 2
  /** A LOSS record is due at the top of the next read-loop iteration (docs/semantics.md#where-the-loss-record-goes). */
  noteLoss = false
  watchQueue: WatchQueue | null = null
  freed = false

  constructor(
    readonly pageSize: number,
    readonly endian: 'little' | 'big',
    private readonly memory: MemoryBudget,
    /** 6.1 and later check for a watch queue before anything else in pipe_write; 5.10 last (docs/semantics.md#d3-write-checks-on-510). */
    private readonly watchQueueFirst = true,
  ) {
    this.ring = new Ring(PIPE_DEF_BUFFERS)
    this.maxUsage = PIPE_DEF_BUFFERS
    this.nrAccounted = PIPE_DEF_BUFFERS
  }

  get ringSize(): number {
    return this.ring.size
  }

  get occupancy(): number {
    return this.head - this.tail
  }

  get isEmpty(): boolean {
    return this.head === this.tail
  }

  isFull(limit: number): boolean {
    return this.head - this.tail >= limit
  }

  slot(counter: number): PipeBuffer {
    return this.ring.at(counter)
  }

  /** pipe_resize_ring: a fresh array; only the occupied buffers move (stale slot flags do not). */
  resizeRing(nrSlots: number): Sys<void> {
    const n = this.occupancy
    if (nrSlots < n) return err('EBUSY')
    const ring = new Ring(nrSlots)
    for (let i = 0; i < n; i++) ring.set(i, this.slot(this.tail + i))
    this.ring = ring
    if (this.maxUsage > nrSlots) this.maxUsage = nrSlots
    this.tail = 0
    this.head = n
    return undefined
  }

  /** FIONREAD: the bytes in the ring; a pending LOSS is not counted (docs/semantics.md#deferred-loss). */
  queuedBytes(): number {
    let count = 0
    for (let t = this.tail; t !== this.head; t++) count += this.slot(t).len
    return count
  }

  /** What a blocked reader waits for (pipe_readable). A pending LOSS does not wake it. */
  readable(): boolean {
    return !this.isEmpty || this.writers === 0
  }

  private consume(buf: PipeBuffer): void {
    const release = buf.release
    buf.release = null
    release?.()
    // Consuming the flagged buffer makes the LOSS due
    // (docs/semantics.md#where-the-loss-record-goes).
    if (buf.flags & PIPE_BUF_FLAG_LOSS) this.noteLoss = true
    this.tail++
  }

  /**
   * pipe_read. `nowait` is O_NONBLOCK or IOCB_NOWAIT. Returns the bytes copied, an errno, or
   * BLOCK when it would sleep (nothing copied, writers left, blocking mode).
   */
  read(totalLen: number, nowait: boolean): Sys<Uint8Array> | Block {
    // A null read succeeds, whatever is queued or pending (docs/semantics.md#whole-records).
    if (totalLen === 0) return EMPTY
    const parts: Uint8Array[] = []
    let ret = 0
    let left = totalLen
    for (;;) {
      if (this.noteLoss) {
        // The LOSS goes first in this iteration, if 8 bytes fit; otherwise it stays pending
        // (docs/semantics.md#deferred-loss).
        const loss = notificationBytes(lossNotification(), this.endian)
        if (left < loss.length) {
          if (ret === 0) return err('ENOBUFS')
          break
        }
        parts.push(loss)
        ret += loss.length
        left -= loss.length
        this.noteLoss = false
      }
      if (!this.isEmpty) {
        const buf = this.slot(this.tail)
        let chars = buf.len
        if (chars > left) {
          // A whole record or nothing; ENOBUFS only if nothing was copied yet
          // (docs/semantics.md#whole-records).
          if (buf.flags & PIPE_BUF_FLAG_WHOLE) {
            if (ret === 0) return err('ENOBUFS')
            break
          }
          chars = left
        }
        parts.push(buf.data.subarray(buf.offset, buf.offset + chars))
        ret += chars
        buf.offset += chars
        buf.len -= chars
        if (buf.flags & PIPE_BUF_FLAG_PACKET) {
          // Packet mode: one packet per read; the rest of it is discarded.
          left = chars
          buf.len = 0
        }
        if (buf.len === 0) this.consume(buf)
        left -= chars
        if (left === 0) break
        if (!this.isEmpty) continue
      }
      // Empty ring: EOF without writers (before O_NONBLOCK), else what was copied, else wait.
      if (this.writers === 0) break
      if (ret) break
      if (nowait) return err('EAGAIN')
      return BLOCK
    }
    return concat(parts, ret)
  }

  /**
   * pipe_write for `data`. `packet` is the write end's O_DIRECT. Returns the bytes written, an
   * errno, or BLOCK with what was written so far when it would sleep for room.
   */
  write(data: Uint8Array, nowait: boolean, packet: boolean): Sys<number> | { block: Block; written: number } {
    // From 6.1 a notification pipe refuses every write first, even an empty one or one without
    // readers (docs/semantics.md#write); 5.10 makes those two checks first
    // (docs/semantics.md#d3-write-checks-on-510).
    if (this.watchQueue && this.watchQueueFirst) return err('EXDEV')
    if (data.length === 0) return 0
    // SIGPIPE is ignored by the agent: the write fails with EPIPE.
    if (this.readers === 0) return err('EPIPE')
    if (this.watchQueue) return err('EXDEV')
    const page = this.pageSize
    let at = 0
    let ret = 0
    const chars = data.length & (page - 1)
    if (chars && !this.isEmpty) {
      // Small writes merge into the last buffer when it allows it and there is room in its page.
      const buf = this.slot(this.head - 1)
      const offset = buf.offset + buf.len
      if (buf.flags & PIPE_BUF_FLAG_CAN_MERGE && offset + chars <= page) {
        // The page was charged whole when it was made.
        buf.data = grow(buf.data, offset + chars)
        buf.data.set(data.subarray(0, chars), offset)
        buf.len += chars
        at = chars
        ret = chars
        if (at === data.length) return ret
      }
    }
    for (;;) {
      if (this.readers === 0) return ret ? ret : err('EPIPE')
      if (!this.isFull(this.maxUsage)) {
        // A page for the data; none left is ENOMEM (or what was written so far).
        if (!this.memory.charge(page)) return ret ? ret : err('ENOMEM')
        const copied = Math.min(page, data.length - at)
        this.fill(data.slice(at, at + copied), packet ? PIPE_BUF_FLAG_PACKET : PIPE_BUF_FLAG_CAN_MERGE, page)
        at += copied
        ret += copied
        if (at === data.length) return ret
        continue
      }
      if (nowait) return ret ? ret : err('EAGAIN')
      return { block: BLOCK, written: ret }
    }
  }

  /** The next slot gets `data`; `charged` bytes of the machine's memory come back when it is consumed. */
  private fill(data: Uint8Array, flags: number, charged: number): void {
    const buf = this.slot(this.head)
    buf.data = data
    buf.offset = 0
    buf.len = data.length
    buf.flags = flags
    buf.release = charged ? () => this.memory.uncharge(charged) : null
    this.head++
  }

  /** Queues a buffer made elsewhere (splice, tee, vmsplice into this pipe); false when memory ran out. */
  pushBuffer(data: Uint8Array, flags: number): boolean {
    if (!this.memory.charge(this.pageSize)) return false
    this.fill(data, flags, this.pageSize)
    return true
  }

  /** Takes up to `len` bytes from the front, buffer by buffer (splice out of a pipe). */
  take(len: number): Uint8Array {
    const parts: Uint8Array[] = []
    let got = 0
    while (got < len && !this.isEmpty) {
      const buf = this.slot(this.tail)
      const n = Math.min(buf.len, len - got)
      parts.push(buf.data.subarray(buf.offset, buf.offset + n))
      buf.offset += n
      buf.len -= n
      got += n
      if (buf.len === 0) this.consume(buf)
    }
    return concat(parts, got)
  }

  /** Copies up to `len` bytes from the front without consuming them (tee). */
  peek(len: number): Uint8Array[] {
    const parts: Uint8Array[] = []
    let got = 0
    for (let t = this.tail; t !== this.head && got < len; t++) {
      const buf = this.slot(t)
      const n = Math.min(buf.len, len - got)
      parts.push(buf.data.slice(buf.offset, buf.offset + n))
      got += n
    }
    return parts
  }

  /** Drops every buffer (free_pipe_info), giving their notes back. */
  releaseAll(): void {
    while (!this.isEmpty) {
      const buf = this.slot(this.tail)
      buf.len = 0
      this.consume(buf)
    }
  }
}

function grow(data: Uint8Array, size: number): Uint8Array {
  if (data.length >= size) return data
  const out = new Uint8Array(size)
  out.set(data)
  return out
}

export function concat(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1) return parts[0]!.slice()
  const out = new Uint8Array(total ?? parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
