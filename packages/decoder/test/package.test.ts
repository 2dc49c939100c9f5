// Proves the published package works: publint and attw are clean, the tarball holds the right files, and it installs offline and works from ESM, CommonJS, TypeScript and its own README.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const PKG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ROOT = resolve(PKG_DIR, '../..')
const PKG = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8')) as { name: string; version: string }
const SLOW = 120_000

/** A mainline key record as read() returns it on x86-64: key 0x22b5d9d1 updated, watch id 1. */
const KEY_HEX = '0100000110010000d1d9b52200000000'
const KEY_RECORD = {
  offset: 0,
  length: 16,
  type: 1,
  subtype: 1,
  info: 0x110,
  watchId: 1,
  typeInfo: 0,
  kind: 'key',
  event: 'updated',
  keyId: 582343121,
  aux: 0,
}

/** The environment of a fresh shell: nothing inherited from an enclosing `npm run` or from vitest. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE_OPTIONS' || k.startsWith('VITEST') || k === 'TEST') continue
    env[k] = v
  }
  return env
}

function run(cmd: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

const show = (r: SpawnSyncReturns<string>) => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`

/** Runs a command that must succeed; returns its stdout. */
function ok(cmd: string, args: readonly string[], cwd: string): string {
  const r = run(cmd, args, cwd)
  if (r.error) throw r.error
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}\n${show(r)}`)
  return r.stdout
}

/** A binary from the repo's node_modules (hoisted to the root, or kept in the package). */
function bin(name: string): string {
  for (const dir of [ROOT, PKG_DIR]) {
    const p = join(dir, 'node_modules', '.bin', name)
    if (existsSync(p)) return p
  }
  throw new Error(`${name} is not installed: run npm install in ${ROOT}`)
}

function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(0, ...readdirSync(path).map((e) => newestMtime(join(path, e))))
}

/** Builds dist/ unless every output is newer than every input. */
function ensureBuilt(): void {
  const outputs = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts'].map((f) => join(PKG_DIR, 'dist', f))
  const inputs = Math.max(newestMtime(join(PKG_DIR, 'src')), newestMtime(join(PKG_DIR, 'tsup.config.ts')))
  if (outputs.every((f) => existsSync(f) && statSync(f).mtimeMs >= inputs)) return
  ok('npm', ['run', 'build', '-w', PKG.name], ROOT)
}

/** Fenced code blocks of one language in a markdown text. */
const codeBlocks = (md: string, lang: string) =>
  [...md.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]!)

/** Uses every type the check needs; with the types missing or wrong, tsc fails. */
const TYPED_CONSUMER = `import { DecodeError, type DecodeErrorCode, decode, encode, type KeyRecord, REVISION_IDS, type WatchRecord } from '@watchq/decoder'

const bytes = new Uint8Array([0x01, 0x00, 0x00, 0x01, 0x10, 0x01, 0x00, 0x00, 0xd1, 0xd9, 0xb5, 0x22, 0, 0, 0, 0])
const records: WatchRecord[] = decode(bytes, { endian: 'little', revision: 'mainline' })

export function keyIds(list: readonly WatchRecord[]): number[] {
  const ids: number[] = []
  for (const rec of list) {
    if (rec.kind === 'key') {
      const key: KeyRecord = rec
      ids.push(key.keyId)
    }
  }
  return ids
}
export const ids: number[] = keyIds(records)
// Decoded records are encoder input as they are.
export const again: Uint8Array = encode(records, { endian: 'little' })
export const firstRevision: string | undefined = REVISION_IDS[0]
export const code: DecodeErrorCode = 'truncated'
export const isDecodeError = (e: unknown): e is DecodeError => e instanceof DecodeError && typeof e.offset === 'number'

// @ts-expect-error keyId exists on key records only: an un-narrowed record must not have it
export const notNarrowed = records[0]?.keyId
// @ts-expect-error 'middle' is not an Endian
decode(bytes, { endian: 'middle' })
`

/** A strict consumer; ES2020 is the package's own build target (bigint, and #private in the .d.ts). */
const COMPILER_OPTIONS = {
  target: 'es2020',
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: false,
  lib: ['es2022', 'dom'],
  types: [],
}

/** Writes the TypeScript consumer and its tsconfigs (node16 ESM + CJS, bundler) into `dir`. */
function writeTsProject(dir: string, readmeBlocks: readonly string[]): string[] {
  writeFileSync(join(dir, 'check.mts'), TYPED_CONSUMER)
  writeFileSync(join(dir, 'check.cts'), TYPED_CONSUMER)
  writeFileSync(join(dir, 'check.ts'), TYPED_CONSUMER)
  const readme = readmeBlocks.map((code, i) => {
    writeFileSync(join(dir, `readme-${i}.ts`), code)
    return `readme-${i}.ts`
  })
  const configs = {
    'tsconfig.node16.json': { module: 'node16', moduleResolution: 'node16', files: ['check.mts', 'check.cts'] },
    'tsconfig.bundler.json': { module: 'esnext', moduleResolution: 'bundler', files: ['check.ts', ...readme] },
  }
  for (const [name, { files, ...opts }] of Object.entries(configs)) {
    writeFileSync(join(dir, name), JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, ...opts }, files }))
  }
  return Object.keys(configs)
}

describe(`${PKG.name} as published`, () => {
  let tmp = ''
  let tarball = ''
  let packedFiles: string[] = []
  /** A project with the tarball installed, as a user would have it. */
  let consumer = ''
  let readme = ''

  beforeAll(() => {
    ensureBuilt()
    tmp = mkdtempSync(join(tmpdir(), 'watchq-decoder-pack-'))
    const packed = JSON.parse(ok('npm', ['pack', '--json', '--pack-destination', tmp], PKG_DIR)) as Array<{
      filename: string
      files: Array<{ path: string }>
    }>
    expect(packed).toHaveLength(1)
    tarball = join(tmp, packed[0]!.filename)
    packedFiles = packed[0]!.files.map((f) => f.path).sort()

    consumer = join(tmp, 'consumer')
    mkdirSync(consumer)
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
    // Zero dependencies: the tarball alone must install without the network.
    ok('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer)
    readme = readFileSync(join(consumer, 'node_modules', PKG.name, 'README.md'), 'utf8')
  }, SLOW)

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  it(
    'passes publint without errors or warnings',
    async () => {
      const { messages, pkg } = await publint({ pkgDir: PKG_DIR, pack: 'npm', level: 'suggestion' })
      for (const m of messages) console.log(`publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`)
      expect(
        messages.filter((m) => m.type !== 'suggestion').map((m) => `${m.type} ${m.code} ${m.path.join('.')}`),
      ).toEqual([])
    },
    SLOW,
  )

  it(
    'passes attw: types resolve with no problem under node10, node16 (CJS and ESM) and bundler',
    () => {
      // The same as `attw --pack .`, on the tarball the other tests install; the strict profile checks
      // all four resolution modes (the node16 profile leaves node10 out).
      const r = run(bin('attw'), [tarball, '--profile', 'strict', '--format', 'json'], PKG_DIR)
      const report = JSON.parse(r.stdout) as {
        analysis: {
          problems: unknown[]
          entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>
        }
      }
      expect(report.analysis.problems).toEqual([])
      expect(r.status, show(r)).toBe(0)
      const resolved = Object.fromEntries(
        Object.entries(report.analysis.entrypoints['.']!.resolutions).map(([mode, v]) => [
          mode,
          v.resolution?.fileName.replace(/^.*\/dist\//, 'dist/'),
        ]),
      )
      expect(resolved).toEqual({
        node10: 'dist/index.d.ts',
        'node16-cjs': 'dist/index.d.cts',
        'node16-esm': 'dist/index.d.ts',
        bundler: 'dist/index.d.ts',
      })
    },
    SLOW,
  )

  it('packs dist, package.json, README.md and LICENSE, and no sources or tests', () => {
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
    ]) {
      expect(packedFiles).toContain(f)
    }
    const unexpected = packedFiles.filter(
      (f) => !/^dist\//.test(f) && !['package.json', 'README.md', 'LICENSE'].includes(f),
    )
    expect(unexpected).toEqual([])
    expect(packedFiles.filter((f) => /(^|\/)(src|test|scripts|bench)\//.test(f) || /\.test\./.test(f))).toEqual([])
    expect(packedFiles.filter((f) => /\.[cm]?ts$/.test(f) && !/\.d\.[cm]?ts$/.test(f))).toEqual([])
  })

  /** The same check from ESM and CJS: decode the key record, encode it back, and hit a DecodeError. */
  const usage = (load: string, resolved: string) => `${load}
const bytes = Uint8Array.from(Buffer.from('${KEY_HEX}', 'hex'))
const records = lib.decode(bytes, { endian: 'little' })
let error
try {
  lib.decode(bytes.subarray(0, 12), { endian: 'little' })
} catch (e) {
  error = { isDecodeError: e instanceof lib.DecodeError, code: e.code, offset: e.offset }
}
console.log(JSON.stringify({
  resolved: ${resolved},
  records,
  roundTrip: Buffer.from(lib.encode(records, { endian: 'little' })).toString('hex'),
  error,
  revisions: lib.REVISION_IDS.length,
}))
`

  const expectUsage = (out: string, entry: string) => {
    const got = JSON.parse(out) as { resolved: string; records: unknown; roundTrip: string; error: unknown }
    expect(got.resolved.endsWith(`/node_modules/${PKG.name}/${entry}`), got.resolved).toBe(true)
    expect(got.records).toEqual([KEY_RECORD])
    expect(got.roundTrip).toBe(KEY_HEX)
    expect(got.error).toEqual({ isDecodeError: true, code: 'truncated', offset: 0 })
  }

  it(
    'works from ESM (import)',
    () => {
      writeFileSync(
        join(consumer, 'esm.mjs'),
        usage("import * as lib from '@watchq/decoder'", "import.meta.resolve('@watchq/decoder')"),
      )
      expectUsage(ok(process.execPath, ['esm.mjs'], consumer), 'dist/index.js')
    },
    SLOW,
  )

  it(
    'works from CommonJS (require)',
    () => {
      writeFileSync(
        join(consumer, 'cjs.cjs'),
        usage("const lib = require('@watchq/decoder')", "require.resolve('@watchq/decoder')"),
      )
      expectUsage(ok(process.execPath, ['cjs.cjs'], consumer), 'dist/index.cjs')
      const version = ok(process.execPath, ['-p', "require('@watchq/decoder/package.json').version"], consumer)
      expect(version.trim()).toBe(PKG.version)
    },
    SLOW,
  )

  it(
    'type-checks from TypeScript under node16 (ESM and CJS) and bundler resolution, README examples included',
    () => {
      const configs = writeTsProject(consumer, codeBlocks(readme, 'ts'))
      for (const config of configs) ok(bin('tsc'), ['-p', config], consumer)
    },
    SLOW,
  )

  it(
    'fails the same type-check when the types are missing (the check is not vacuous)',
    () => {
      const project = join(tmp, 'untyped')
      const installed = join(project, 'node_modules', PKG.name)
      mkdirSync(project)
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'untyped', private: true }))
      cpSync(join(consumer, 'node_modules', PKG.name), installed, { recursive: true })
      for (const f of readdirSync(join(installed, 'dist'))) {
        if (/\.d\.c?ts$/.test(f)) rmSync(join(installed, 'dist', f))
      }
      for (const config of writeTsProject(project, [])) {
        const r = run(bin('tsc'), ['-p', config], project)
        expect(r.status, `${config} passed without types`).not.toBe(0)
        expect(r.stdout).toContain('TS7016') // Could not find a declaration file for module '@watchq/decoder'
      }
    },
    SLOW,
  )

  it(
    'runs every JavaScript example of the README against the tarball',
    () => {
      const blocks = codeBlocks(readme, 'js')
      expect(blocks.length).toBeGreaterThan(5)
      blocks.forEach((code, i) => {
        writeFileSync(join(consumer, `readme-${i}.mjs`), code)
        ok(process.execPath, [`readme-${i}.mjs`], consumer)
      })
    },
    SLOW,
  )

  it('lists exactly REVISION_IDS in the README', () => {
    const ids = JSON.parse(
      ok(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import { REVISION_IDS } from '@watchq/decoder'; console.log(JSON.stringify(REVISION_IDS))",
        ],
        consumer,
      ),
    ) as string[]
    const section = readme.slice(readme.indexOf('\n## Revisions'))
    const table = section.slice(0, section.indexOf('\n## ', 1))
    expect([...table.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1])).toEqual(ids)
  })
})
