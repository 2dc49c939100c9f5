// The two test tiers of the root package.json name every vitest project exactly once between
// them: `npm test` the fast ones, `npm run test:kernels` the real-kernel ones. (Negated
// --project filters select every project when there are two of them: the unit tier once ran
// the whole kernel tier as well.)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../../..')
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>
const projectsOf = (script: string) => [...script.matchAll(/--project[ =](\S+)/g)].map((m) => m[1]!)

/** Every project name the vitest configs declare. */
function declared(): string[] {
  const configs = [
    ...readdirSync(join(ROOT, 'packages')).flatMap((p) =>
      readdirSync(join(ROOT, 'packages', p))
        .filter((f) => /^vitest(\..+)?\.config\.ts$/.test(f))
        .map((f) => join(ROOT, 'packages', p, f)),
    ),
    join(ROOT, 'examples/vitest.config.ts'),
  ]
  return configs.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/name: '([^']+)'/g)].map((m) => m[1]!)).sort()
}

describe('the test tiers', () => {
  it('name every project exactly once, kernel projects only in test:kernels, and never by negation', () => {
    const unit = projectsOf(scripts['test']!)
    const kernels = projectsOf(scripts['test:kernels']!)
    expect([...unit, ...kernels].filter((p) => p.startsWith('!'))).toEqual([])
    expect([...unit, ...kernels].sort()).toEqual(declared())
    expect(kernels.sort()).toEqual(['conformance-kernel', 'kernel-vm'])
  })
})
