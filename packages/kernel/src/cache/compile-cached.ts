// Compiling a C program once per content: the sources, the compiler's identity and the flags
// hash to a cache entry; a build happens aside and is renamed into place, so a reader never sees
// half a build and two processes building the same thing keep one result. Used for the kernel
// agent and the C reference decoder.
import { createHash } from 'node:crypto'
import { access, constants, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { exec } from '../process/exec.js'

export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
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
    const compiled = await exec(o.cc, o.args, { cwd: tmp })
    if (compiled.code !== 0) throw new Error(`compiling ${o.what} failed:\n${compiled.stderr || compiled.stdout}`)
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
