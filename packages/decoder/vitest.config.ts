import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@watchq/source'] },
  test: {
    name: 'decoder',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
})
