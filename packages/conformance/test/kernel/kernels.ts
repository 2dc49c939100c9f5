// Which kernels the real-kernel tier boots. CI (`npm run test:kernels`, inside `.ci/run`) runs a
// subset that still covers both byte orders and the oldest and newest kernel, so that a cold cache
// fits its budget; `npm run test:matrix` (WATCHQ_KERNEL_MATRIX=full) runs every kernel we build.
// The README says which is which.

/** Every kernel we build and hold captures for, as `vm:` names them (ARCH-VERSION). */
export const MATRIX = [
  'x86_64-5.10',
  'x86_64-6.1',
  'x86_64-6.12',
  'x86_64-7.2',
  's390x-6.1',
  's390x-6.12',
  'aarch64-6.12',
  'ppc64-6.12',
  'riscv64-6.12',
  'mips-6.12',
] as const

/** The CI subset: the oldest and newest kernel, the host's main one, and a big-endian kernel. */
export const CI_KERNELS = ['x86_64-5.10', 'x86_64-6.12', 'x86_64-7.2', 's390x-6.1'] as const

/** The kernels this run covers: the whole matrix with WATCHQ_KERNEL_MATRIX=full, else the CI subset. */
export function kernelsUnderTest(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return env['WATCHQ_KERNEL_MATRIX'] === 'full' ? MATRIX : CI_KERNELS
}
