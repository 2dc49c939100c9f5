// watchq as a user gets it from npm, not as this repository runs it: every workspace package packed
// with `npm pack` (what `npm publish` would upload), the tarballs installed with `npm install` into a
// fresh project in a temporary directory outside the repository, so that nothing resolves to the
// workspace links, the sources or the repository's node_modules. Tests then run `npx watchq …` there.
//
// The packages must be built (dist/); `npm test` runs `turbo run build` first. Third-party
// dependencies come from the registry through npm's own configuration; the cache is
// ${XDG_CACHE_HOME:-~/.cache}/watchq/npm (npm_config_cache in the children's environment only), so a
// second run installs from it. Nothing here writes npm's configuration.
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

export const REPO = resolve(import.meta.dirname, '../../../..')

/** Long enough for a cold `npm install` on a slow machine, plus packing. */
export const INSTALL_TIMEOUT_MS = 10 * 60_000

export interface Manifest {
  readonly name: string
  readonly version: string
  readonly private?: boolean
  readonly description?: string
  readonly license?: string
  readonly repository?: unknown
  readonly bin?: string | Record<string, string>
  readonly main?: string
  readonly module?: string
  readonly types?: string
  readonly exports?: unknown
  readonly files?: string[]
  readonly scripts?: Record<string, string>
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
  readonly optionalDependencies?: Record<string, string>
  readonly workspaces?: string[]
}

export const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest

/** One finished child process: how it was started, how it ended, what it printed, how long it took. */
export interface Ran {
  readonly command: string
  readonly cwd: string
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

const tail = (text: string, max = 6000) => (text.length > max ? `…${text.slice(-max)}` : text)

/** What an assertion message shows: the command, its outcome, its output. */
export function explain(r: Ran): string {
  const end = r.timedOut
    ? `killed after ${(r.ms / 1000).toFixed(1)} s (timeout)`
    : r.signal
      ? `killed by ${r.signal} after ${(r.ms / 1000).toFixed(1)} s`
      : `exit code ${r.code} after ${(r.ms / 1000).toFixed(1)} s`
  return [
    `$ ${r.command}`,
    `  (in ${r.cwd})`,
    `  ${end}`,
    '--- stdout ---',
    tail(r.stdout) || '(empty)',
    '--- stderr ---',
    tail(r.stderr) || '(empty)',
  ].join('\n')
}

export interface ExecOptions {
  readonly cwd: string
  readonly env?: NodeJS.ProcessEnv
  readonly input?: string
  readonly timeoutMs: number
}

/**
 * Runs `file args` without a shell and resolves when it has ended (never rejects). The child gets
 * its own process group so that a timeout kills what it started too (npx runs the bin as a child).
 */
export function execute(file: string, args: readonly string[], o: ExecOptions): Promise<Ran> {
  const command = [file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(' ')
  const started = performance.now()
  return new Promise((done) => {
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const child = spawn(file, args, { cwd: o.cwd, env: o.env ?? process.env, detached: true, stdio: 'pipe' })
    const timer = setTimeout(() => {
      timedOut = true
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, o.timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t
    })
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t
    })
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer)
      done({ command, cwd: o.cwd, code, signal, timedOut, stdout, stderr, ms: performance.now() - started })
    }
    child.once('error', (e) => {
      stderr += `${stderr ? '\n' : ''}spawn failed: ${e.message}`
      finish(null, null)
    })
    child.once('close', finish)
    // A child that does not read its input must not fail the write.
    child.stdin.on('error', () => {})
    child.stdin.end(o.input ?? '')
  })
}

/** ${XDG_CACHE_HOME:-~/.cache}/watchq/npm: npm's cache for these installs, kept between runs. */
export function npmCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'watchq', 'npm')
}

/**
 * The environment of every npm and watchq child: ours, less what `npm test`/`npm run` sets for the
 * repository's own script (its package, its prefix, its workspaces, `npm exec`'s --yes), with npm's
 * cache pointed at {@link npmCacheDir} and without the audit, fund and update-notifier requests.
 * The user's npm configuration (registry, CA, userconfig) is left as it is and is not written.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (
      /^npm_(package_|lifecycle_)/.test(k) ||
      /^npm_config_(local_prefix|prefix|global_prefix|workspaces?|include_workspace_root|call|yes)$/.test(k) ||
      k === 'npm_command' ||
      k === 'INIT_CWD'
    )
      continue
    env[k] = v
  }
  return {
    ...env,
    npm_config_cache: npmCacheDir(),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  }
}

export interface Workspace {
  /** packages/<folder> in the repository. */
  readonly dir: string
  readonly manifest: Manifest
}

/** The root package.json's workspaces, in its order. */
export function workspaces(): Workspace[] {
  const root = readManifest(REPO)
  return (root.workspaces ?? []).map((w) => {
    const dir = join(REPO, w)
    return { dir, manifest: readManifest(dir) }
  })
}

/**
 * Throws, naming the package and the command, when a package with a build script has no dist/ or
 * lacks the dist/ file its bin, main, module or types names: `npm pack` would pack it without them.
 */
export function assertBuilt(list: readonly Workspace[]): void {
  const missing: string[] = []
  for (const { dir, manifest: m } of list) {
    if (!m.scripts?.build) continue
    const dist = join(dir, 'dist')
    if (!existsSync(dist) || readdirSync(dist).length === 0) {
      missing.push(`${relative(REPO, dist)}/ (the build output of ${m.name}) is missing or empty`)
      continue
    }
    const bins = typeof m.bin === 'string' ? [m.bin] : Object.values(m.bin ?? {})
    for (const f of [...bins, m.main, m.module, m.types]) {
      if (f && /^(\.\/)?dist\//.test(f) && !existsSync(join(dir, f)))
        missing.push(`${relative(REPO, join(dir, f))} (named by the package.json of ${m.name})`)
    }
  }
  if (missing.length)
    throw new Error(
      `the workspace packages are not built, so their tarballs would lack their code:\n  ${missing.join('\n  ')}\n` +
        `Build them first: cd ${REPO} && npx turbo run build   (npm test does this before vitest)`,
    )
}

export interface Installation {
  /** The temporary directory holding everything: packs/ and project/. */
  readonly root: string
  /** The fresh project the tarballs are installed into; commands run here. */
  readonly project: string
  /** Package name → its tarball. */
  readonly tarballs: ReadonlyMap<string, string>
  /** The workspace packages as the repository has them (name, version). */
  readonly workspaces: readonly Workspace[]
  readonly env: NodeJS.ProcessEnv
  /** node_modules/<name> of the project. */
  installed(name: string): string
  manifest(name: string): Manifest
  /** `npx --no -- <args>` in the project (`--no`: never fetch a missing command from the registry). */
  npx(args: readonly string[], o?: { input?: string; timeoutMs?: number }): Promise<Ran>
  /** `npx --no -- watchq <args>` in the project. */
  watchq(args: readonly string[], o?: { input?: string; timeoutMs?: number }): Promise<Ran>
  /** What each step took, one line each (pack, install, every command run). */
  timings(): string
  /** Removes the temporary directory (kept when WATCHQ_KEEP_INSTALL=1, for a look afterwards). */
  remove(): void
}

/** The tarballs `npm pack --json` wrote, by package name. */
function packed(r: Ran, dest: string): Map<string, string> {
  const start = r.stdout.indexOf('[')
  const list = JSON.parse(start >= 0 ? r.stdout.slice(start) : r.stdout) as { name: string; filename: string }[]
  return new Map(list.map((p) => [p.name, join(dest, p.filename)]))
}

/**
 * Packs every workspace package, installs the tarballs into a fresh project in a temporary
 * directory and returns it. Throws with the failing command's output when packing or installing
 * fails.
 */
export async function installWatchq(): Promise<Installation> {
  const list = workspaces()
  assertBuilt(list)
  const env = childEnv()
  mkdirSync(npmCacheDir(), { recursive: true })
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'watchq-from-npm-')))
  const rel = relative(REPO, root)
  if (!rel.startsWith('..'))
    throw new Error(`the temporary directory ${root} is inside the repository; set TMPDIR elsewhere`)
  const log: [string, number][] = []
  const remove = () => {
    if (process.env.WATCHQ_KEEP_INSTALL === '1') console.log(`[installed] kept ${root}`)
    else rmSync(root, { recursive: true, force: true })
  }
  try {
    const packs = join(root, 'packs')
    const project = join(root, 'project')
    mkdirSync(packs)
    mkdirSync(project)

    const pack = await execute('npm', ['pack', '--workspaces', '--json', '--pack-destination', packs], {
      cwd: REPO,
      env,
      timeoutMs: 5 * 60_000,
    })
    log.push(['npm pack --workspaces', pack.ms])
    if (pack.code !== 0) throw new Error(`npm pack failed:\n${explain(pack)}`)
    const tarballs = packed(pack, packs)
    const unpacked = list.filter((w) => !tarballs.get(w.manifest.name) || !existsSync(tarballs.get(w.manifest.name)!))
    if (unpacked.length)
      throw new Error(
        `npm pack wrote no tarball of ${unpacked.map((w) => w.manifest.name).join(', ')}:\n${explain(pack)}`,
      )

    // A project of its own: npm stops looking for a package root here, Node for node_modules at /tmp.
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'watchq-installed-check', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`,
    )
    const install = await execute(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn', ...tarballs.values()],
      { cwd: project, env, timeoutMs: INSTALL_TIMEOUT_MS - 60_000 },
    )
    log.push([`npm install (${tarballs.size} tarballs)`, install.ms])
    if (install.code !== 0) throw new Error(`npm install of the tarballs failed:\n${explain(install)}`)

    const installed = (name: string) => join(project, 'node_modules', ...name.split('/'))
    const npx: Installation['npx'] = async (args, o = {}) => {
      const r = await execute('npx', ['--no', '--', ...args], {
        cwd: project,
        env,
        timeoutMs: o.timeoutMs ?? 120_000,
        ...(o.input !== undefined ? { input: o.input } : {}),
      })
      log.push([args.join(' '), r.ms])
      return r
    }
    return {
      root,
      project,
      tarballs,
      workspaces: list,
      env,
      installed,
      manifest: (name) => readManifest(installed(name)),
      npx,
      watchq: (args, o) => npx(['watchq', ...args], o),
      timings: () => log.map(([what, ms]) => `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${what}`).join('\n'),
      remove,
    }
  } catch (e) {
    remove()
    throw e
  }
}

/** Every file under `dir`, relative to it, with `/` separators. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort()
}

/** Summary line of `watchq run`: the counts it names. */
export interface RunCounts {
  readonly impl: string
  readonly pass: number
  readonly fail: number
  readonly error: number
  readonly crash: number
  readonly timeout: number
  /** Cases for another platform: never unexpected. */
  readonly notApplicable: number
  /** Cases needing what the implementation lacks: unexpected unless allowed. */
  readonly unsupported: number
  readonly unexpected: number
}

const SUMMARY =
  /^(.*): (\d+) passed, (\d+) failed, (\d+) errors, (\d+) crashed, (\d+) timed out, (\d+) not applicable, (\d+) unsupported — (\d+) unexpected/m

export function runCounts(stdout: string): RunCounts | undefined {
  const m = SUMMARY.exec(stdout)
  if (!m) return undefined
  const n = (i: number) => Number(m[i])
  return {
    impl: m[1]!,
    pass: n(2),
    fail: n(3),
    error: n(4),
    crash: n(5),
    timeout: n(6),
    notApplicable: n(7),
    unsupported: n(8),
    unexpected: n(9),
  }
}

/** The ids of the case files under a cases/ directory: their paths without `.json`. */
export function caseIds(casesDir: string): string[] {
  return filesUnder(casesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
}

/** The result lines of a `watchq run` report (JSON lines: a header, one line per case, a footer). */
export function reportResults(file: string): { case: string; status: string; reason?: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { case?: string; status?: string; reason?: string })
    .filter((r): r is { case: string; status: string; reason?: string } => typeof r.case === 'string')
}

/**
 * Installs once for the calling test file (beforeAll) and removes it afterwards, printing where it
 * was and how long each step took; returns a getter for the installation.
 */
export function useInstallation(): () => Installation {
  let w: Installation | undefined
  beforeAll(async () => {
    w = await installWatchq()
  }, INSTALL_TIMEOUT_MS)
  afterAll(() => {
    if (!w) return
    console.log(`[installed] ${w.root}\n${w.timings()}`)
    w.remove()
  })
  return () => {
    if (!w) throw new Error('the installation failed in beforeAll')
    return w
  }
}
