import type { Abi } from './arch.js'

/** The scalar C types UAPI structs are made of. */
export type Scalar = '__u8' | '__u16' | '__u32' | '__u64' | '__s32'

export const SCALAR_SIZE: Readonly<Record<Scalar, 1 | 2 | 4 | 8>> = {
  __u8: 1,
  __u16: 2,
  __u32: 4,
  __u64: 8,
  __s32: 4,
}

export function scalarAlign(t: Scalar, abi: Abi): number {
  return t === '__u64' ? abi.u64Align : SCALAR_SIZE[t]
}

export function isScalar(ctype: string): ctype is Scalar {
  return ctype in SCALAR_SIZE
}
