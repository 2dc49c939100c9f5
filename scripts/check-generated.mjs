// `npm run generate` must leave the tree as it is: every generated file (the decoder's tables and
// walkers, the C decoder's tables) is committed as its generator makes it from the spec today.
// Runs the generators, then names every file they changed, added or removed; exit 1 if any.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
/** Where generators write: whole folders, or single files. */
const OUTPUTS = ['packages/decoder/src/generated', 'packages/kernel/decoder-c/tables.h']

function snapshot() {
  const files = new Map()
  const visit = (path) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
    else files.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'))
  }
  for (const o of OUTPUTS) visit(join(root, o))
  return files
}

const before = snapshot()
execFileSync('npm', ['run', '-s', 'generate'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
const after = snapshot()
const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort()
if (changed.length) {
  for (const f of changed) {
    const what = !before.has(f) ? 'added' : !after.has(f) ? 'removed' : 'changed'
    console.error(`check-generated: ${f} was stale (${what} by npm run generate); commit the regenerated file`)
  }
  process.exit(1)
}
console.log(`check-generated: ${after.size} generated files are what npm run generate makes`)
