// ioctl numbers. `_IO(type, nr)` puts _IOC_NONE in the direction bits: 0 on asm-generic and
// parisc, 1 (at bit 29) on alpha, mips, powerpc and sparc — checked against Debian's cross headers.
import type { Constant, PerArchValue } from './constant.js'

/** `_IO(type, nr)` on every constant arch. */
export function ioctlIO(type: string, nr: number): PerArchValue {
  const generic = (type.charCodeAt(0) << 8) | nr
  const none1 = (0x2000_0000 | generic) >>> 0
  return { generic, alpha: none1, mips: none1, parisc: generic, powerpc: none1, sparc: none1 }
}

const ioctl = (name: string, type: string, nr: number, description: string, extra: Partial<Constant> = {}) => ({
  name,
  value: ioctlIO(type, nr),
  c: `_IO('${type}', 0x${nr.toString(16).padStart(2, '0')})`,
  description,
  ...extra,
})

/** mmap v1..v2: `_IO('s', 0x01/0x02)`. Per-arch values follow the _IO rule; the ioctls never reached those headers. */
export const IOCTLS_S: Constant[] = [
  ioctl('IOC_WATCH_QUEUE_SET_SIZE', 's', 0x01, 'Set the ring size in pages', {
    confidence: 'derived',
    note: 'Non-generic arch values computed by the _IO rule',
  }),
  ioctl('IOC_WATCH_QUEUE_SET_FILTER', 's', 0x02, 'Set the filter', {
    confidence: 'derived',
    note: 'Non-generic arch values computed by the _IO rule',
  }),
]

/** mmap ver #3 onward, pipe revisions and mainline: `_IO('W', 0x60/0x61)`. */
export const IOCTLS_W = (sizeDescription: string): Constant[] => [
  ioctl('IOC_WATCH_QUEUE_SET_SIZE', 'W', 0x60, sizeDescription),
  ioctl('IOC_WATCH_QUEUE_SET_FILTER', 'W', 0x61, 'Set the filter'),
]
