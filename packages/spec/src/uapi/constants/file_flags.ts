// File status flags as fcntl(F_GETFL) reports them and F_SETFL takes them: not watch_queue UAPI, but
// what a case needs to put a queue's fd into non-blocking mode and to observe it. Values per arch are
// those of the kernel's asm/fcntl.h (asm-generic/fcntl.h where an arch does not override them); the
// agent's build asserts each against the target toolchain's <linux/fcntl.h>. O_LARGEFILE is the
// kernel's bit, which glibc spells 0 on 64-bit arches.
import type { Constant } from './constant.js'

/** The access mode (f_flags & O_ACCMODE): the same values on every arch. */
export const FILE_ACCESS_MODES = [
  { name: 'O_RDONLY', value: 0 },
  { name: 'O_WRONLY', value: 1 },
  { name: 'O_RDWR', value: 2 },
] as const satisfies readonly Constant[]

export const O_ACCMODE = 3

/** Status flags, each one bit on each arch, in the order fcntl observations list them. */
export const FILE_STATUS_FLAGS = [
  {
    name: 'O_APPEND',
    value: { generic: 0o2000, alpha: 0o10, mips: 0x8, parisc: 0o10, sparc: 0x8 },
    description: 'Writes go to the end of the file (settable with F_SETFL)',
  },
  {
    name: 'O_NONBLOCK',
    value: { generic: 0o4000, alpha: 0o4, mips: 0x80, parisc: 0o200000, sparc: 0x4000 },
    description: 'Non-blocking I/O (settable with F_SETFL); pipe2 sets it on both ends',
  },
  {
    name: 'O_DIRECT',
    value: { generic: 0o40000, alpha: 0o2000000, arm: 0o200000, mips: 0x8000, powerpc: 0o400000, sparc: 0x100000 },
    description: 'pipe2: packet mode, on the write end only; F_SETFL on a pipe refuses it (EINVAL)',
  },
  {
    name: 'O_LARGEFILE',
    value: {
      generic: 0o100000,
      alpha: 0o400000,
      arm: 0o400000,
      mips: 0x2000,
      parisc: 0o4000,
      powerpc: 0o200000,
      sparc: 0x40000,
    },
    description: 'Set by open(2) on 64-bit kernels; not on pipes',
  },
  {
    name: 'O_NOATIME',
    value: { generic: 0o1000000, alpha: 0o4000000, parisc: 0o4000000, sparc: 0x200000 },
    description: 'Do not update the access time (settable with F_SETFL by the owner or CAP_FOWNER)',
  },
] as const satisfies readonly Constant[]

export type FileStatusFlag = (typeof FILE_STATUS_FLAGS)[number]['name']
export type FileAccessMode = (typeof FILE_ACCESS_MODES)[number]['name']
