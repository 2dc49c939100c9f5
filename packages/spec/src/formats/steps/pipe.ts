// Steps on file descriptors as such: creating pipes and files, closing, duplicating, fcntl.
import { Type } from '@sinclair/typebox'
import { Fd } from '../values.js'
import { op } from './step.js'

/** pipe2(2) flag names an implementation must know; an integer passes raw bits. */
export const PIPE2_FLAGS = [
  'O_NOTIFICATION_PIPE',
  'O_CLOEXEC',
  'O_NONBLOCK',
  'O_DIRECT',
  'O_TMPFILE',
  'O_EXCL',
] as const

export const Pipe2 = op('pipe2', 'pipe2(2); binds [read end, write end]', 'fds', {
  flags: Type.Array(Type.Union([...PIPE2_FLAGS.map((f) => Type.Literal(f)), Type.Integer({ minimum: 0 })]), {
    description: 'Flag names, or integers for raw bits; [] is an ordinary pipe',
  }),
})

export const Close = op('close', 'close(2)', 'none', { fd: Fd })

export const Dup = op('dup', 'dup(2); binds the new fd', 'ret', { fd: Fd })

export const OpenFile = op(
  'open_file',
  'A new regular file (O_RDWR, in a private temp dir) holding `content`; binds its fd, positioned at 0',
  'ret',
  {
    content: Type.Optional(Type.String({ description: 'UTF-8 text written before the fd is returned' })),
  },
)

export const Fcntl = op('fcntl', 'fcntl(2) with a pipe-size command', 'ret', {
  fd: Fd,
  cmd: Type.Union([Type.Literal('F_GETPIPE_SZ'), Type.Literal('F_SETPIPE_SZ')]),
  arg: Type.Optional(Type.Integer({ minimum: 0 })),
})
