import { project } from '../../vitest.shared.js'

export default project({
  name: 'sim',
  include: ['test/**/*.test.ts'],
})
