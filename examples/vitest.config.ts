import { project } from '../vitest.shared.js'

// The examples: each is checked the way its README says to use it (the Python adapter runs the
// whole shipped case suite through the conformance runner).
export default project({
  name: 'examples',
  include: ['**/*.test.ts'],
})
