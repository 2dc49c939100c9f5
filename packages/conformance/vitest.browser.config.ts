import { project } from '../../vitest.shared.js'

// Tests in headless Chromium (the HTML report, the JUnit XML); the setup installs Debian's chromium.
export default project({
  name: 'conformance-browser',
  include: ['test/**/*.browser.test.ts'],
  globalSetup: ['test/support/browser-setup.ts'],
})
