// pipe2() flags that select a notification pipe. Values per arch are those of Debian's cross
// UAPI headers (checked by test/uapi/cross-headers.test.ts).
import type { Constant } from './constant.js'

/** pipe-v2 onward: O_NOTIFICATION_PIPE is O_EXCL. */
export const O_NOTIFICATION_PIPE: Constant = {
  name: 'O_NOTIFICATION_PIPE',
  value: { generic: 0x80, alpha: 0x800, mips: 0x400, parisc: 0x400, sparc: 0x800 },
  c: 'O_EXCL',
  description: 'Parameter to pipe2() selecting a notification pipe',
}

/** pipe-v1 used O_TMPFILE (__O_TMPFILE | O_DIRECTORY) as a placeholder flag. */
export const O_TMPFILE: Constant = {
  name: 'O_TMPFILE',
  value: { generic: 0x410000, alpha: 0x1008000, arm: 0x404000, parisc: 0x801000, powerpc: 0x404000, sparc: 0x2010000 },
  c: 'O_TMPFILE',
  description: 'pipe-v1 placeholder flag selecting a notification pipe (not defined by watch_queue.h)',
}
