import { project } from '../../vitest.shared.js'

// Real kernels under QEMU: builds the test kernels on first use (minutes each, then cached in
// ${XDG_CACHE_HOME:-~/.cache}/watchq/kernels) and boots them. Kept out of the unit project.
export default project({
  name: 'kernel-vm',
  include: ['test/**/*.kernel.test.ts'],
  // A cold kernel build in beforeAll; a TCG boot of a foreign arch.
  hookTimeout: 45 * 60_000,
  testTimeout: 180_000,
})
