// The C ABIs the spec knows about. Layout facts are checked with gcc for LAYOUT_ARCHES;
// the other arches only carry per-arch constants (O_NOTIFICATION_PIPE, ioctl numbers).

export type Endian = 'little' | 'big'

/** Arches whose struct layouts the spec states and the gcc cross-check compiles for. */
export const LAYOUT_ARCHES = ['x86_64', 'i386', 's390x'] as const
export type LayoutArch = (typeof LAYOUT_ARCHES)[number]

/** Arches that appear in per-arch constant tables. `generic` is the asm-generic value. */
export const CONSTANT_ARCHES = ['generic', 'alpha', 'arm', 'mips', 'parisc', 'powerpc', 'sparc'] as const
export type ConstantArch = (typeof CONSTANT_ARCHES)[number]

export interface Abi {
  readonly arch: LayoutArch
  readonly endian: Endian
  /** _Alignof(__u64): 4 on i386, 8 elsewhere. */
  readonly u64Align: 4 | 8
  /** Which entry of a per-arch constant table applies. */
  readonly constants: ConstantArch
}

export const ABIS: Readonly<Record<LayoutArch, Abi>> = {
  x86_64: { arch: 'x86_64', endian: 'little', u64Align: 8, constants: 'generic' },
  i386: { arch: 'i386', endian: 'little', u64Align: 4, constants: 'generic' },
  s390x: { arch: 's390x', endian: 'big', u64Align: 8, constants: 'generic' },
}
