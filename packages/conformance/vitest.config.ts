import { project } from '../../vitest.shared.js'

export default project({ name: 'conformance', include: ['test/**/*.test.ts'] })
