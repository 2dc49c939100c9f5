// Writes src/generated/revisions.ts from @watchq/spec.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { generatedSource } from './tables.js'

const out = resolve(import.meta.dirname, '../src/generated/revisions.ts')
writeFileSync(out, generatedSource())
console.log(`wrote ${out}`)
