// Reading, writing and the splice family, plus FIONREAD and poll.
import { Type } from '@sinclair/typebox'
import { PollEvent } from '../expectation.js'
import { Fd, Hex } from '../values.js'
import { op } from './step.js'

const Len = Type.Integer({ minimum: 0, maximum: 1 << 20 })

export const Read = op('read', 'read(2), or preadv2(2) at offset -1 when flags are given; observes the bytes', 'none', {
  fd: Fd,
  len: Len,
  flags: Type.Optional(Type.Array(Type.Literal('RWF_NOWAIT'))),
})

export const Write = op('write', 'write(2) of `bytes` (or `len` zero bytes)', 'none', {
  fd: Fd,
  bytes: Type.Optional(Hex),
  len: Type.Optional(Len),
})

/** One buffer of writev/vmsplice: a length (that many zero bytes) or the bytes themselves. */
const IovItem = Type.Union([Len, Hex], { description: 'A length (zero-filled), or the bytes as hex' })

export const Writev = op('writev', 'writev(2) with one buffer per item: a length (zero-filled) or hex bytes', 'none', {
  fd: Fd,
  iov: Type.Array(IovItem, { maxItems: 16 }),
})

export const Fionread = op('fionread', 'ioctl(fd, FIONREAD): observes the count as `value`', 'none', { fd: Fd })

export const Poll = op(
  'poll',
  'poll(2) on one fd; observes `revents` by name; waits at most timeoutMs (the bounded wait for asynchronous records)',
  'none',
  {
    fd: Fd,
    events: Type.Array(PollEvent, { minItems: 1 }),
    timeoutMs: Type.Integer({ minimum: 0, maximum: 60000 }),
  },
)

/** How long wait_queued may wait at most (the runner and the agent add it to the case's time limit). */
export const MAX_QUEUED_WAIT_MS = 60_000

export const WaitQueued = op(
  'wait_queued',
  'Repeats ioctl(fd, FIONREAD) (about every millisecond) until at least `bytes` are queued: ret 0 and the count ' +
    'as `value`. ETIMEDOUT when timeoutMs pass first; the errno of FIONREAD when it fails. The bounded wait for ' +
    'records posted asynchronously (the key garbage collector), where several must arrive before a read',
  'none',
  {
    fd: Fd,
    bytes: Type.Integer({ minimum: 1, maximum: 1 << 20, description: 'At least this many bytes queued' }),
    timeoutMs: Type.Integer({ minimum: 0, maximum: MAX_QUEUED_WAIT_MS }),
  },
)

/** The flags of splice(2), tee(2) and vmsplice(2) (include/linux/splice.h: the same bits on every arch). */
export const SPLICE_FLAGS = ['SPLICE_F_MOVE', 'SPLICE_F_NONBLOCK', 'SPLICE_F_MORE', 'SPLICE_F_GIFT'] as const
const SpliceFlags = Type.Optional(
  Type.Array(Type.Union(SPLICE_FLAGS.map((f) => Type.Literal(f))), {
    description: 'Flag names, OR-ed; none if absent',
  }),
)

export const Splice = op('splice', 'splice(2) without offsets', 'none', {
  in: Fd,
  out: Fd,
  len: Len,
  flags: SpliceFlags,
})

export const Tee = op('tee', 'tee(2)', 'none', { in: Fd, out: Fd, len: Len, flags: SpliceFlags })

export const Vmsplice = op(
  'vmsplice',
  'vmsplice(2) with one buffer per item: a length (zero-filled) or hex bytes',
  'none',
  { fd: Fd, iov: Type.Array(IovItem, { maxItems: 16 }), flags: SpliceFlags },
)

export const Sendfile = op('sendfile', 'sendfile(2) from `in` (its current offset) to `out`', 'none', {
  out: Fd,
  in: Fd,
  count: Len,
})
