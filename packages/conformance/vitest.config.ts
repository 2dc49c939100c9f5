import { project } from '../../vitest.shared.js'

// Unit and process-level tests. The tests that drive a real browser are their own project
// (vitest.browser.config.ts), whose setup installs Debian's Chromium.
export default project({ name: 'conformance', include: ['test/**/*.test.ts'], exclude: ['test/**/*.browser.test.ts'] })
