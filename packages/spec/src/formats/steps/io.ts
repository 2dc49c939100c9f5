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

export const Writev = op('writev', 'writev(2) with one zero-filled buffer per length', 'none', {
  fd: Fd,
  iov: Type.Array(Len, { maxItems: 16 }),
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

export const Splice = op('splice', 'splice(2) without offsets', 'none', {
  in: Fd,
  out: Fd,
  len: Len,
  flags: Type.Optional(Type.Array(Type.Union([Type.Literal('SPLICE_F_NONBLOCK'), Type.Literal('SPLICE_F_MOVE')]))),
})

export const Tee = op('tee', 'tee(2)', 'none', { in: Fd, out: Fd, len: Len })

export const Vmsplice = op('vmsplice', 'vmsplice(2) with one zero-filled buffer per length', 'none', {
  fd: Fd,
  iov: Type.Array(Len, { maxItems: 16 }),
})

export const Sendfile = op('sendfile', 'sendfile(2) from `in` (its current offset) to `out`', 'none', {
  out: Fd,
  in: Fd,
  count: Len,
})
