import { defineConfig } from 'vitest/config'

// One vitest run covers every package; each package is a project with its own config.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'packages/*/vitest.*.config.ts', 'examples/vitest.config.ts'],
  },
})
