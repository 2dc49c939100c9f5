import { project } from '../../vitest.shared.js'

// Unit and process-level tests: the agent on this host, builds, the initramfs, QEMU's command
// line. Tests that boot real kernels (vitest.kernel.config.ts) are a project of their own.
export default project({
  name: 'kernel',
  include: ['test/**/*.test.ts'],
  exclude: ['test/**/*.kernel.test.ts'],
})
