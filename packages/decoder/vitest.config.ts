import { project } from '../../vitest.shared.js'

export default project({
  name: 'decoder',
  include: ['test/**/*.test.ts'],
  typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
})
