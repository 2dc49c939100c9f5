// The errno values the interface returns (docs/semantics.md#constants-and-limits), asm-generic
// numbering. alpha, mips, parisc and sparc renumber some of these; they are not in scope of the
// spec yet.

export interface Errno {
  readonly name: string
  readonly value: number
  readonly where: string
}

export const ERRNOS: readonly Errno[] = [
  { name: 'EPERM', value: 1, where: 'SET_SIZE over the pipe accounting limits' },
  { name: 'ENOENT', value: 2, where: 'KEYCTL_UNLINK of a key that is not linked; watch add racing teardown' },
  { name: 'EIO', value: 5, where: 'KEYCTL_WATCH_KEY on an uninstantiated key without construction' },
  { name: 'EBADF', value: 9, where: 'read on the write end; vmsplice with a non-empty iovec' },
  { name: 'EAGAIN', value: 11, where: 'read on an empty O_NONBLOCK queue; watch count over RLIMIT_NOFILE' },
  { name: 'ENOMEM', value: 12, where: 'allocation failures' },
  { name: 'EACCES', value: 13, where: 'KEYCTL_WATCH_KEY without View permission or refused by the LSM' },
  { name: 'EFAULT', value: 14, where: 'bad filter pointer; read copy fault' },
  { name: 'EBUSY', value: 16, where: 'second SET_SIZE; duplicate watch; F_SETPIPE_SZ on a notification pipe' },
  { name: 'EEXIST', value: 17, where: 'KEYCTL_RESTRICT_KEYRING on a restricted keyring' },
  { name: 'EXDEV', value: 18, where: 'write() and splice into a notification pipe' },
  { name: 'ENODEV', value: 19, where: 'SET_SIZE/SET_FILTER on an ordinary pipe' },
  { name: 'EINVAL', value: 22, where: 'bad pipe2 flags, sizes, filters, watch ids or queue fds' },
  { name: 'ENFILE', value: 23, where: 'pipe2 over the pipe-user-pages-hard limit' },
  { name: 'EMFILE', value: 24, where: 'pipe2 out of file descriptors' },
  { name: 'ENOTTY', value: 25, where: 'the ioctls on a non-pipe, without CONFIG_WATCH_QUEUE, or from 32-bit compat' },
  { name: 'ESPIPE', value: 29, where: 'pwrite with an offset' },
  { name: 'EPIPE', value: 32, where: 'pre-6.1.85 zero-length write with no readers' },
  { name: 'ENOSYS', value: 38, where: 'keyctl on emulators without keyrings' },
  { name: 'EBADSLT', value: 57, where: 'KEYCTL_WATCH_KEY -1 without a watch' },
  { name: 'ENOPKG', value: 65, where: 'pipe2(O_NOTIFICATION_PIPE) without CONFIG_WATCH_QUEUE' },
  { name: 'EMSGSIZE', value: 90, where: 'never returned; named by the 2020 commit message only' },
  { name: 'EOPNOTSUPP', value: 95, where: 'KEYCTL_WATCH_KEY without CONFIG_KEY_NOTIFICATIONS; RWF_NOWAIT read on 6.1' },
  { name: 'ENOBUFS', value: 105, where: 'read buffer smaller than the next record' },
  { name: 'EDQUOT', value: 122, where: 'key quota exceeded' },
  { name: 'ENOKEY', value: 126, where: 'unknown, invalidated or negated key' },
  { name: 'EKEYEXPIRED', value: 127, where: 'expired key' },
  { name: 'EKEYREVOKED', value: 128, where: 'revoked key' },
  { name: 'EKEYREJECTED', value: 129, where: 'rejected key' },
]
