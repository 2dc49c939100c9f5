// Steps on file descriptors as such: creating pipes and files, closing, duplicating, fcntl.
import { Type } from '@sinclair/typebox'
import { FILE_STATUS_FLAGS } from '../../uapi/constants/file_flags.js'
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
  'A new regular file (O_RDWR, in a private temp dir) holding `content`; or, with `path`, that existing file ' +
    'opened O_RDONLY (its errno otherwise). Binds the fd, positioned at 0',
  'ret',
  {
    content: Type.Optional(Type.String({ description: 'UTF-8 text written before the fd is returned' })),
    path: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 4095,
        pattern: '^/',
        description:
          'An absolute path on the machine under test (/proc/…, a file of the VM initramfs), opened O_RDONLY; not with content',
      }),
    ),
  },
)

export const Fcntl = op(
  'fcntl',
  'fcntl(2): the pipe size (F_GETPIPE_SZ, F_SETPIPE_SZ with `arg`) or the file status flags (F_GETFL observes ' +
    'them by name as `flags`; F_SETFL sets `flags`, or the raw bits of `arg`)',
  'ret',
  {
    fd: Fd,
    cmd: Type.Union([
      Type.Literal('F_GETPIPE_SZ'),
      Type.Literal('F_SETPIPE_SZ'),
      Type.Literal('F_GETFL'),
      Type.Literal('F_SETFL'),
    ]),
    arg: Type.Optional(Type.Integer({ minimum: 0 })),
    flags: Type.Optional(
      Type.Array(Type.Union(FILE_STATUS_FLAGS.map((f) => Type.Literal(f.name))), {
        description: "F_SETFL: the flags to set, by name (this arch's bits); [] clears them all",
      }),
    ),
  },
)
