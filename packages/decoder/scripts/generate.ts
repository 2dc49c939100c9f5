// Writes src/generated/ from @watchq/spec: every file of GENERATED (scripts/tables.ts), and removes
// any other file there, so that the output of a generator that no longer exists cannot linger.
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { GENERATED } from './tables.js'

const dir = resolve(import.meta.dirname, '../src/generated')
for (const [name, source] of Object.entries(GENERATED)) {
  const out = resolve(dir, name)
  writeFileSync(out, source())
  console.log(`wrote ${out}`)
}
for (const name of readdirSync(dir)) {
  if (name in GENERATED) continue
  rmSync(resolve(dir, name), { recursive: true })
  console.log(`removed ${resolve(dir, name)} (not generated)`)
}
