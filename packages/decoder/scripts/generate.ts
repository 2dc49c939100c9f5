// Writes src/generated/{revisions,readers,cursors,walkers}.ts from @watchq/spec.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { cursorsSource, generatedSource, readersSource, walkersSource } from './tables.js'

for (const [name, text] of [
  ['revisions.ts', generatedSource()],
  ['readers.ts', readersSource()],
  ['cursors.ts', cursorsSource()],
  ['walkers.ts', walkersSource()],
] as const) {
  const out = resolve(import.meta.dirname, '../src/generated', name)
  writeFileSync(out, text)
  console.log(`wrote ${out}`)
}
