// Which kernels the real-kernel tier boots. CI (`npm run test:kernels`, inside `.ci/run`) runs the
// whole matrix: from a cold cache it took 29 minutes on this project's 2-core machine, inside the
// 60-minute budget (BENCHMARKS.md). `npm run test:kernels:quick` (WATCHQ_KERNEL_MATRIX=quick) runs a
// subset that still covers both byte orders and the oldest and newest kernel, for a faster look;
// should the matrix outgrow the budget, CI moves to that subset. The README says which is which.

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

/** The quick subset: the oldest and newest kernel, the host's main one, and a big-endian kernel. */
export const QUICK_KERNELS = ['x86_64-5.10', 'x86_64-6.12', 'x86_64-7.2', 's390x-6.1'] as const

/** The kernels this run covers: the quick subset with WATCHQ_KERNEL_MATRIX=quick, else the whole matrix. */
export function kernelsUnderTest(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return env['WATCHQ_KERNEL_MATRIX'] === 'quick' ? QUICK_KERNELS : MATRIX
}
