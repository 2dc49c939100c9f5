import { project } from '../../vitest.shared.js'

export default project({
  name: 'spec',
  include: ['test/**/*.test.ts'],
  globalSetup: ['test/support/global-setup.ts'],
  typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
})
