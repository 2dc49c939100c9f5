// The architecture check of `npm test`: dependency-cruiser's rules (.dependency-cruiser.cjs: the
// arrows between packages and layers, no module cycles), then no cycles between the folders of a
// package or between packages. Exit 1 with one line per violation.
import { createRequire } from 'node:module'
import { cruise } from 'dependency-cruiser'

const require = createRequire(import.meta.url)
const config = require('../.dependency-cruiser.cjs')
const roots = ['spec', 'decoder', 'sim', 'kernel', 'conformance'].map((p) => `packages/${p}/src`)

const result = await cruise(roots, { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true })
const { modules, summary } = result.output
const problems = summary.violations.map(
  (v) =>
    `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' → ')})` : ''}`,
)

// A module's place: its package, and its folder under the package's src/ ('.' for src/ itself).
// The entry points (src/index.ts, src/cli.ts) stand above every folder and are left out.
const place = (path) => {
  const m = /^packages\/([^/]+)\/src\/(.*)$/.exec(path)
  if (!m) return undefined
  const parts = m[2].split('/')
  if (parts.length === 1 && /^(index|cli)\.ts$/.test(parts[0])) return undefined
  return { pkg: m[1], folder: parts.length === 1 ? '.' : parts.slice(0, -1).join('/') }
}

const folderEdges = new Map()
const packageEdges = new Map()
// A folder and its subfolders are one unit: a subfolder may use its parent's modules and the
// parent its subfolders' (ops/ of the simulator, generated/ of the decoder). Cycles between
// siblings, or between folders that are not nested, are what make a layout lie.
const nested = (a, b) => {
  const [pa, fa] = a.split(':')
  const [pb, fb] = b.split(':')
  if (pa !== pb) return false
  const within = (x, y) => x === '.' || y.startsWith(`${x}/`)
  return within(fa, fb) || within(fb, fa)
}
const add = (map, a, b, why) => {
  if (a === b || (map === folderEdges && nested(a, b))) return
  if (!map.has(a)) map.set(a, new Map())
  if (!map.get(a).has(b)) map.get(a).set(b, why)
}
const packageOf = (path) => /^packages\/([^/]+)\//.exec(path)?.[1]
for (const m of modules) {
  const fromPkg = packageOf(m.source)
  if (!fromPkg) continue
  const from = place(m.source)
  for (const d of m.dependencies) {
    const why = `${m.source} → ${d.resolved}`
    const toPkg = packageOf(d.resolved)
    if (toPkg && toPkg !== fromPkg) add(packageEdges, fromPkg, toPkg, why)
    const to = place(d.resolved)
    if (from && to && to.pkg === from.pkg) add(folderEdges, `${from.pkg}:${from.folder}`, `${to.pkg}:${to.folder}`, why)
  }
}

/** Every cycle found by a depth-first walk, each reported once by its smallest node. */
function cycles(edges) {
  const found = new Map()
  const walk = (start, node, path) => {
    for (const next of edges.get(node)?.keys() ?? []) {
      if (next === start) {
        const key = [...path].sort().join(',')
        if (!found.has(key)) found.set(key, [...path, start])
      } else if (next > start && !path.includes(next)) walk(start, next, [...path, next])
    }
  }
  for (const n of edges.keys()) walk(n, n, [n])
  return [...found.values()]
}

for (const [kind, edges] of [
  ['folder cycle', folderEdges],
  ['package cycle', packageEdges],
]) {
  for (const c of cycles(edges)) {
    const steps = c.slice(0, -1).map((n, i) => edges.get(n).get(c[i + 1]))
    problems.push(`${kind}: ${c.join(' → ')} (${steps.join('; ')})`)
  }
}

if (problems.length) {
  for (const p of problems) console.error(`check-deps: ${p}`)
  console.error(`check-deps: ${problems.length} problem(s) in ${summary.totalCruised} modules`)
  process.exit(1)
}
console.log(
  `check-deps: ${summary.totalCruised} modules, ${summary.totalDependenciesCruised} dependencies: the arrows hold, no cycles`,
)
