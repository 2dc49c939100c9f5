// Settings every package's vitest project shares: workspace packages resolve to their TypeScript
// sources (the '@watchq/source' export condition) rather than to a possibly stale dist/.
import { defineProject, type UserWorkspaceConfig } from 'vitest/config'

const conditions = ['@watchq/source']

export function project(test: NonNullable<UserWorkspaceConfig['test']>): UserWorkspaceConfig {
  return defineProject({
    resolve: { conditions },
    // Tests run in Vite's SSR environment, which has its own resolve conditions.
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: { server: { deps: { inline: [/@watchq\//, /packages\/(spec|decoder)\//] } }, ...test },
  })
}
