import { project } from '../../vitest.shared.js'

// Unit and process-level tests. Tests that drive a real browser (vitest.browser.config.ts) and
// those that boot real kernels in QEMU (vitest.kernel.config.ts) are projects of their own.
export default project({
  name: 'conformance',
  include: ['test/**/*.test.ts'],
  exclude: ['test/**/*.browser.test.ts', 'test/**/*.kernel.test.ts'],
})
