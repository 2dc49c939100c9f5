import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@watchq/source'] },
  test: {
    name: 'spec',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
})
