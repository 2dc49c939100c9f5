// Writes src/generated/{revisions,readers}.ts from @watchq/spec.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { generatedSource, readersSource } from './tables.js'

for (const [name, text] of [
  ['revisions.ts', generatedSource()],
  ['readers.ts', readersSource()],
] as const) {
  const out = resolve(import.meta.dirname, '../src/generated', name)
  writeFileSync(out, text)
  console.log(`wrote ${out}`)
}
