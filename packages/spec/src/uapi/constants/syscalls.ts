// System calls that set watches, by signature; numbers differ per revision and arch.
import type { Syscall } from './constant.js'

type Extra = Pick<Syscall, 'confidence' | 'note'>

/** mount_notify/sb_notify/watch_mount/watch_sb: a watch on a path. */
export const pathWatch = (name: string, numbers: Syscall['numbers'], extra: Extra = {}): Syscall => ({
  name,
  signature: `int ${name}(int dfd, const char *path, unsigned int at_flags, int watch_fd, int watch_id)`,
  numbers,
  ...extra,
})

/** block_notify/device_notify (two arguments) and watch_devices (with flags from ver #5). */
export const deviceWatch = (name: string, numbers: Syscall['numbers'], extra: Extra = {}, flags = false): Syscall => ({
  name,
  signature: `int ${name}(int watch_fd, int watch_id${flags ? ', unsigned int flags' : ''})`,
  numbers,
  ...extra,
})
