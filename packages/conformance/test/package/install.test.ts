// watchq works from `npm install`, not only from a clone: every workspace package is packed as
// `npm publish` would pack it, the tarballs are installed into a fresh project outside the
// repository, and there the tarballs are inspected (publishable metadata, the files each package
// reads at run time, dependencies declared as its code imports them) and `npx watchq` is run the
// way a user runs it: --version, run (the simulator against the shipped cases), agent, decode,
// spec revisions and check-decoder (the C reference decoder built from the installed sources).
// See test/support/installed.ts for how the installation is made.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  caseIds,
  explain,
  filesUnder,
  type Manifest,
  REPO,
  readManifest,
  reportResults,
  runCounts,
  useInstallation,
  workspaces,
} from '../support/installed.js'

const NAMES = workspaces().map((w) => w.manifest.name)
const COMMAND_MS = 5 * 60_000
const TEST_MS = COMMAND_MS + 30_000

const installation = useInstallation()

/** The package names a file's code loads: imports, dynamic imports, requires and require.resolve. */
function loadedPackages(code: string): Set<string> {
  const found = new Set<string>()
  // A bare specifier in matching quotes: a package name, maybe a subpath; no spaces, no relative path.
  const spec = String.raw`(["'])([@\w][\w.@/+-]*)\1`
  const patterns = [
    String.raw`\bfrom\s*${spec}`,
    String.raw`\bimport\s*${spec}`,
    String.raw`\bimport\s*\(\s*${spec}\s*\)`,
    String.raw`\brequire\d*\s*\(\s*${spec}\s*\)`,
    // require.resolve('<name>/package.json') and createRequire(url).resolve(…): how a package finds
    // a data package such as @watchq/fixtures.
    String.raw`(?:\brequire\d*|\bcreateRequire\d*\([^()]*\))\.resolve\s*\(\s*${spec}`,
  ].map((p) => new RegExp(p, 'g'))
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      const name = m[2]!
      if (name.startsWith('node:') || builtinModules.includes(name.split('/')[0]!)) continue
      const parts = name.split('/')
      found.add(name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!)
    }
  }
  return found
}

/** The files a manifest's exports, main, module, types and bin name (not the repository-only source condition). */
function namedTargets(m: Manifest): string[] {
  const out: string[] = []
  const walk = (v: unknown, key: string) => {
    if (key === '@watchq/source') return
    if (typeof v === 'string') out.push(v)
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k)
  }
  walk(m.exports, '')
  for (const f of [m.main, m.module, m.types]) if (f) out.push(f)
  if (typeof m.bin === 'string') out.push(m.bin)
  else out.push(...Object.values(m.bin ?? {}))
  return [...new Set(out)]
}

describe('the tarballs of every workspace package', () => {
  it('are installed from the tarballs themselves, one copy each, none fetched from a registry', () => {
    const lock = JSON.parse(readFileSync(join(installation().project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string; version?: string }>
    }
    const ours = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/@watchq\//.test(path))
    const expected = installation().workspaces.map((ws) => [
      `node_modules/${ws.manifest.name}`,
      `file:../packs/${ws.manifest.name.replace('@', '').replace('/', '-')}-${ws.manifest.version}.tgz`,
    ])
    expect(
      ours.map(([path, e]) => [path, e.resolved]).sort(),
      'package-lock.json of the installing project: every @watchq package once, top level, from its tarball',
    ).toEqual(expected.sort())
  })

  it.each(NAMES)('%s is publishable: not private, README.md, LICENSE, repository, the repository version', (name) => {
    const m = installation().manifest(name)
    const dir = installation().installed(name)
    const problems: string[] = []
    if (m.private) problems.push('"private": true (npm publish refuses it)')
    for (const f of ['README.md', 'LICENSE', 'package.json'])
      if (!readdirSync(dir).includes(f)) problems.push(`no ${f} in the tarball`)
    if (!m.repository) problems.push('no "repository"')
    if (!m.license) problems.push('no "license"')
    if (!m.description) problems.push('no "description"')
    const repo = installation().workspaces.find((x) => x.manifest.name === name)!.manifest
    if (m.version !== repo.version) problems.push(`version ${m.version}, the repository has ${repo.version}`)
    expect(problems, `${name} as installed from ${installation().tarballs.get(name)}`).toEqual([])
  })

  it.each(NAMES)('%s contains every file its exports, main, types and bin name', (name) => {
    const dir = installation().installed(name)
    const missing = namedTargets(installation().manifest(name)).filter((t) => {
      if (!t.includes('*')) return !statSync(join(dir, t), { throwIfNoEntry: false })?.isFile()
      const base = join(dir, t.slice(0, t.indexOf('*')))
      return !statSync(base, { throwIfNoEntry: false })?.isDirectory() || readdirSync(base).length === 0
    })
    expect(missing, `${name}: targets named in its package.json but absent from the tarball`).toEqual([])
  })

  it.each(NAMES)('%s declares as dependencies exactly the packages its shipped code loads', (name) => {
    const dir = installation().installed(name)
    const m = installation().manifest(name)
    const code = filesUnder(dir).filter((f) => !f.startsWith('node_modules/') && /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f))
    const loaded = new Map<string, string>()
    for (const f of code) for (const p of loadedPackages(readFileSync(join(dir, f), 'utf8'))) loaded.set(p, f)
    loaded.delete(name)
    const declared = new Set(
      Object.keys({ ...m.dependencies, ...m.peerDependencies, ...m.optionalDependencies }).filter(
        (d) => !d.startsWith('@types/'),
      ),
    )
    const undeclared = [...loaded].filter(([p]) => !declared.has(p)).map(([p, f]) => `${p} (loaded by ${f})`)
    // Data packages are found with require.resolve('<name>/package.json'), which the scan sees too;
    // a package another loaded package needs as its peer (commander for its typings) is used.
    const peers = new Set(
      [...loaded.keys()].flatMap((p) => {
        const at = installation().installed(p)
        return existsSync(join(at, 'package.json')) ? Object.keys(readManifest(at).peerDependencies ?? {}) : []
      }),
    )
    const unused = [...declared].filter((d) => !loaded.has(d) && !peers.has(d))
    expect({ undeclared, unused }, `${name}: dependencies against what dist/ loads`).toEqual({
      undeclared: [],
      unused: [],
    })
  })

  it('@watchq/conformance has the bin watchq → dist/cli.js (no ./, which npm 11 drops), linked and executable', () => {
    const m = installation().manifest('@watchq/conformance')
    expect(m.bin).toEqual({ watchq: 'dist/cli.js' })
    const link = join(installation().project, 'node_modules/.bin/watchq')
    const target = join(installation().installed('@watchq/conformance'), 'dist/cli.js')
    expect(statSync(link, { throwIfNoEntry: false }), 'node_modules/.bin/watchq').toBeDefined()
    expect(realpathSync(link), 'node_modules/.bin/watchq points at dist/cli.js').toBe(realpathSync(target))
    expect(statSync(target).mode & 0o111, 'dist/cli.js is executable').not.toBe(0)
    expect(readFileSync(target, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
  })

  it('@watchq/kernel contains the C sources and kernel config fragments it builds from', () => {
    const files = new Set(filesUnder(installation().installed('@watchq/kernel')))
    const needed = [
      'agent/main.c',
      'agent/agent.h',
      'c/json.c',
      'c/json.h',
      'c/buf.c',
      'decoder-c/main.c',
      'decoder-c/decode.c',
      'decoder-c/tables.h',
      'vm/common.fragment',
      'vm/x86_64.fragment',
      'vm/s390x.fragment',
    ]
    expect(needed.filter((f) => !files.has(f))).toEqual([])
    // Every C file of the repository's folders is in the tarball (a new file must not be left out).
    const repoKernel = join(REPO, 'packages/kernel')
    const repoC = ['agent', 'c', 'decoder-c', 'vm'].flatMap((d) =>
      filesUnder(join(repoKernel, d))
        .filter((f) => /\.(c|h|fragment)$/.test(f))
        .map((f) => `${d}/${f}`),
    )
    expect(repoC.filter((f) => !files.has(f))).toEqual([])
  })

  it('every file that shipped code reaches in another package (resolve("<pkg>/package.json"), then a path) is in that tarball', () => {
    // E.g. join(dirname(require.resolve("@watchq/spec/package.json")), "scripts", "install-toolchain.sh"):
    // a path that exists in the repository but only in a tarball whose "files" list it.
    const reach =
      /\bresolve\s*\(\s*(["'])((?:@[\w.-]+\/)?[\w.-]+)\/package\.json\1\s*\)\s*\)?((?:\s*,\s*(["'])[^"'\n]*\4)*)/g
    const found: { from: string; pkg: string; path: string }[] = []
    for (const name of NAMES) {
      const dir = installation().installed(name)
      for (const f of filesUnder(dir).filter((x) => /^dist\/.*\.(c|m)?js$/.test(x))) {
        for (const m of readFileSync(join(dir, f), 'utf8').matchAll(reach)) {
          const segments = [...m[3]!.matchAll(/(["'])([^"'\n]*)\1/g)].map((x) => x[2]!)
          found.push({ from: `${name}/${f}`, pkg: m[2]!, path: segments.join('/') })
        }
      }
    }
    // The scan sees how the runner finds the shipped cases, so it is looking at the right code.
    expect(found.map((x) => x.pkg)).toContain('@watchq/fixtures')
    const missing = found
      .filter((x) => x.path !== '' && !existsSync(join(installation().installed(x.pkg), x.path)))
      .map(
        (x) =>
          `${x.pkg}/${x.path} (reached by ${x.from}; "files" of ${x.pkg}: ${JSON.stringify(installation().manifest(x.pkg).files)})`,
      )
    expect(missing, 'files reached in other packages but not in their tarballs').toEqual([])
  })

  it('@watchq/fixtures contains the cases and captures of the repository', () => {
    const installed = installation().installed('@watchq/fixtures')
    const cases = caseIds(join(installed, 'cases'))
    expect(cases.length).toBeGreaterThan(100)
    expect(cases).toEqual(caseIds(join(REPO, 'packages/fixtures/cases')))
    expect(filesUnder(join(installed, 'captures'))).toEqual(filesUnder(join(REPO, 'packages/fixtures/captures')))
  })

  it.each(NAMES.filter((n) => n !== '@watchq/fixtures'))('%s loads in a plain Node project', async (name) => {
    const esm = await installation().npx(
      ['node', '--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import('${name}')).sort()))`],
      { timeoutMs: 60_000 },
    )
    expect(esm.code, explain(esm)).toBe(0)
    const names = JSON.parse(esm.stdout) as string[]
    expect(names.length, explain(esm)).toBeGreaterThan(0)
    const dot = (installation().manifest(name).exports as Record<string, unknown> | undefined)?.['.']
    if (dot && typeof dot === 'object' && 'require' in dot) {
      const cjs = await installation().npx(
        ['node', '-e', `console.log(JSON.stringify(Object.keys(require('${name}')).sort()))`],
        {
          timeoutMs: 60_000,
        },
      )
      expect(cjs.code, explain(cjs)).toBe(0)
      expect(JSON.parse(cjs.stdout), `${name}: the CommonJS build exports what the ESM build does`).toEqual(names)
    }
  })
})

describe('npx watchq in the installing project', () => {
  it(
    '--version prints the version of packages/conformance/package.json',
    async () => {
      const r = await installation().watchq(['--version'], { timeoutMs: COMMAND_MS })
      expect(r.code, explain(r)).toBe(0)
      expect(r.stdout.trim(), explain(r)).toBe(readManifest(join(REPO, 'packages/conformance')).version)
    },
    TEST_MS,
  )

  it(
    'run: the simulator passes every case shipped in the installed @watchq/fixtures',
    async () => {
      const r = await installation().watchq(['run'], { timeoutMs: COMMAND_MS })
      expect(r.code, explain(r)).toBe(0)
      const counts = runCounts(r.stdout)
      expect(counts, `a summary line with the counts\n${explain(r)}`).toBeDefined()
      const shipped = caseIds(join(installation().installed('@watchq/fixtures'), 'cases'))
      const { impl, pass, notApplicable, unexpected, ...bad } = counts!
      expect(impl, explain(r)).toMatch(/^watchq-sim /)
      expect(
        { total: pass + notApplicable + Object.values(bad).reduce((a, b) => a + b, 0), unexpected },
        explain(r),
      ).toEqual({
        total: shipped.length,
        unexpected: 0,
      })
      expect(bad, explain(r)).toEqual({ fail: 0, error: 0, crash: 0, timeout: 0, unsupported: 0 })
      // The report names exactly the installed case files: the cases were found in node_modules.
      const results = reportResults(join(installation().project, 'watchq-report.jsonl'))
      expect(results.map((x) => x.case).sort()).toEqual([...shipped].sort())
      // Not applicable only for another platform: a 32-bit caller, the other byte order, another
      // kernel version; never for something the simulator lacks.
      const notRun = results.filter((x) => x.status === 'not-applicable')
      expect(notRun.length).toBe(notApplicable)
      for (const x of notRun) expect(x.reason, x.case).toMatch(/^needs (compat-32|big-endian|kernel )/)
      expect(pass, explain(r)).toBeGreaterThan(shipped.length * 0.9)
    },
    TEST_MS,
  )

  it(
    'agent --arch x86_64 -o agent writes a static x86_64 ELF executable',
    async () => {
      const r = await installation().watchq(['agent', '--arch', 'x86_64', '-o', 'agent'], { timeoutMs: COMMAND_MS })
      expect(r.code, explain(r)).toBe(0)
      const file = join(installation().project, 'agent')
      const lines = r.stdout.trim().split('\n')
      expect(resolve(installation().project, lines.at(-1) ?? ''), `it prints the path it wrote\n${explain(r)}`).toBe(
        file,
      )
      const st = statSync(file, { throwIfNoEntry: false })
      expect(st?.isFile(), `${file} exists\n${explain(r)}`).toBe(true)
      expect(st!.mode & 0o111, `${file} is executable`).not.toBe(0)
      const elf = readFileSync(file)
      expect(elf.subarray(0, 4).toString('latin1'), 'ELF magic').toBe('\x7fELF')
      expect(elf[4], 'ELFCLASS64').toBe(2)
      expect(elf[5], 'little-endian').toBe(1)
      expect([2, 3], 'e_type ET_EXEC or ET_DYN').toContain(elf.readUInt16LE(16))
      expect(elf.readUInt16LE(18), 'e_machine EM_X86_64').toBe(62)
      // Static: no program header asks for a dynamic loader (PT_INTERP), so it runs as /init.
      const phoff = Number(elf.readBigUInt64LE(32))
      const phentsize = elf.readUInt16LE(54)
      const types = Array.from({ length: elf.readUInt16LE(56) }, (_, i) => elf.readUInt32LE(phoff + i * phentsize))
      expect(types, 'program header types (3 is PT_INTERP)').not.toContain(3)
    },
    TEST_MS,
  )

  it(
    'decode --hex --format keyutils prints the key record as keyutils does',
    async () => {
      // A key notification (type 1 WATCH_TYPE_KEY_NOTIFY, subtype 1 NOTIFY_KEY_UPDATED, length 16
      // bytes, watch id 0) on key 582343121, little-endian: the example of the README.
      const r = await installation().watchq(['decode', '--hex', '--format', 'keyutils'], {
        input: '0100000110010000d1d9b52200000000\n',
        timeoutMs: COMMAND_MS,
      })
      expect(r.code, explain(r)).toBe(0)
      expect(r.stdout, explain(r)).toBe('582343121 upd\n')
    },
    TEST_MS,
  )

  it(
    'spec revisions lists the 20 revisions of the installed @watchq/spec',
    async () => {
      const r = await installation().watchq(['spec', 'revisions'], { timeoutMs: COMMAND_MS })
      expect(r.code, explain(r)).toBe(0)
      const ids = r.stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => l.split(/\s+/)[0]!)
      expect(ids, explain(r)).toHaveLength(20)
      expect(ids, explain(r)).toEqual(
        expect.arrayContaining(['pre-v1', 'mmap-v8', 'pipe-v3', 'mainline', 'fanotify-6.14']),
      )
      const shipped = readdirSync(join(installation().installed('@watchq/spec'), 'dist/revisions'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
      expect([...ids].sort(), 'the revisions listed are those whose JSON the spec ships').toEqual(shipped.sort())
    },
    TEST_MS,
  )

  it(
    'check-decoder ts c: the TS decoder and the C decoder built from the installed sources both pass',
    async () => {
      const r = await installation().watchq(['check-decoder', 'ts', 'c'], { timeoutMs: COMMAND_MS })
      expect(r.code, explain(r)).toBe(0)
      const total = /^(\d+) streams, \d+ records, \d+ bytes/m.exec(r.stdout)
      expect(total, `a total line\n${explain(r)}`).not.toBeNull()
      const n = Number(total![1])
      expect(n, explain(r)).toBeGreaterThan(0)
      for (const d of ['ts', 'c']) expect(r.stdout, explain(r)).toContain(`${d}: ${n}/${n} streams as expected`)
      expect(r.stderr, explain(r)).toMatch(/ts \(@watchq\/decoder [\d.]+\), c \(watchq-c-decoder [\d.]+\)/)
    },
    TEST_MS,
  )
})
