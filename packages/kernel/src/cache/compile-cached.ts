// Compiling a C program once per content: the sources, the compiler's identity and the flags
// hash to a cache entry; a build happens aside and is renamed into place, so a reader never sees
// half a build and two processes building the same thing keep one result. Used for the kernel
// agent and the C reference decoder.
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { access, constants, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** execFile as a promise; a failure carries the output (stderr: the compiler's complaint). */
export function run(file: string, args: readonly string[], cwd?: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout, stderr }))
      else resolve({ stdout, stderr })
    })
  })
}

/** The compiler's identity (target and version), or undefined when it is not installed. */
export async function compilerId(cc: string): Promise<string | undefined> {
  try {
    const [machine, version] = await Promise.all([run(cc, ['-dumpmachine']), run(cc, ['--version'])])
    return `${machine.stdout.trim()} ${version.stdout.split('\n')[0]?.trim() ?? ''}`
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/** Runs the spec's install-toolchain.sh (Debian: gcc and the cross compilers), relaying its output. */
export async function installToolchain(onProgress: (line: string) => void): Promise<void> {
  const require = createRequire(import.meta.url)
  const script = join(dirname(require.resolve('@watchq/spec/package.json')), 'scripts', 'install-toolchain.sh')
  onProgress(`installing compilers with ${script}`)
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let tail = ''
    const relay = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4096)
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') onProgress(line)
    }
    child.stdout.on('data', relay)
    child.stderr.on('data', relay)
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`install-toolchain.sh failed (exit ${code}): ${tail}`)),
    )
  })
}

export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The compiler's identity, installing the toolchain first when `cc` is missing. */
export async function ensureCompiler(cc: string, onProgress: (line: string) => void): Promise<string> {
  let id = await compilerId(cc)
  if (id === undefined) {
    onProgress(`${cc} is not installed`)
    await installToolchain(onProgress)
    id = await compilerId(cc)
    if (id === undefined) throw new Error(`${cc} is still missing after install-toolchain.sh`)
  }
  return id
}

/** 16 hex digits of a hash over files (path and text) and whatever else decides the binary. */
export function contentHash(files: readonly { path: string; text: string }[], extra: string): string {
  const hash = createHash('sha256')
  for (const f of files) hash.update(`${f.path}\0${f.text.length}\0${f.text}\0`)
  hash.update(`compiler\0${extra}`)
  return hash.digest('hex').slice(0, 16)
}

export interface CachedCompile {
  readonly cacheDir: string
  /** The cache entry's directory name (carries the content hash). */
  readonly entry: string
  /** The binary's file name, as `args` writes it. */
  readonly binary: string
  /** Written into the build directory at their relative paths. */
  readonly files: readonly { path: string; text: string }[]
  readonly cc: string
  /** The compiler's arguments, run in the build directory. */
  readonly args: readonly string[]
  /** For messages: "the agent for s390x". */
  readonly what: string
  readonly onProgress: (line: string) => void
}

/** The cached binary, compiled first if the cache does not have it; resolves with its path. */
export async function compileCached(o: CachedCompile): Promise<string> {
  const dir = join(o.cacheDir, o.entry)
  const binary = join(dir, o.binary)
  if (await isExecutable(binary)) return binary
  o.onProgress(`building ${o.what}`)
  await mkdir(o.cacheDir, { recursive: true })
  const tmp = await mkdtemp(join(o.cacheDir, `.${o.entry}-build-`))
  try {
    const dirs = new Set(o.files.map((f) => dirname(f.path)).filter((d) => d !== '.'))
    await Promise.all([...dirs].map((d) => mkdir(join(tmp, d), { recursive: true })))
    await Promise.all(o.files.map((f) => writeFile(join(tmp, f.path), f.text)))
    try {
      await run(o.cc, o.args, tmp)
    } catch (e) {
      const err = e as Error & { stderr?: string }
      throw new Error(`compiling ${o.what} failed:\n${err.stderr || err.message}`)
    }
    try {
      await rename(tmp, dir)
    } catch (e) {
      // Another process finished the same build first: keep its result.
      const code = (e as NodeJS.ErrnoException).code
      if ((code !== 'EEXIST' && code !== 'ENOTEMPTY') || !(await isExecutable(binary))) throw e
    }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  return binary
}
