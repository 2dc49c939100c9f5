// Writes src/generated/{revisions,readers,cursors}.ts from @watchq/spec.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { cursorsSource, generatedSource, readersSource } from './tables.js'

for (const [name, text] of [
  ['revisions.ts', generatedSource()],
  ['readers.ts', readersSource()],
  ['cursors.ts', cursorsSource()],
] as const) {
  const out = resolve(import.meta.dirname, '../src/generated', name)
  writeFileSync(out, text)
  console.log(`wrote ${out}`)
}
