// Builds the C reference decoder (decoder-c/*.c with agent/json.c, its JSON reader) for this
// machine. The binary is cached by a hash of its sources, the compiler and the flags, next to the
// agent's cache; concurrent callers in one process share one compile.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { agentSourceDir, compilerId, defaultCacheDir, installToolchain, isExecutable, run } from '../agent/build.js'

export const C_DECODER_BINARY = 'watchq-c-decoder'
export const C_DECODER_CFLAGS = ['-O2', '-Wall', '-Wextra', '-Werror', '-std=c11'] as const
const CC = 'gcc'

export interface BuildCDecoderOptions {
  /** Where binaries are kept (default: `c-decoder` beside the agent's cache, ~/.cache/watchq/c-decoder). */
  cacheDir?: string
  /** Progress lines: compiling, installing gcc. */
  onProgress?: (line: string) => void
}

export const defaultCDecoderCacheDir = () => join(dirname(defaultCacheDir()), 'c-decoder')

/** The C sources, by path relative to the package: decoder-c/*.{c,h} and the agent's JSON reader. */
export async function cDecoderSources(): Promise<{ path: string; text: string }[]> {
  const pkg = dirname(agentSourceDir())
  const own = (await readdir(join(pkg, 'decoder-c'))).filter((n) => /\.[ch]$/.test(n)).map((n) => `decoder-c/${n}`)
  const paths = [...own, 'agent/json.c', 'agent/json.h'].sort()
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(pkg, path), 'utf8') })))
}

const inFlight = new Map<string, Promise<string>>()

/** Builds (or finds in the cache) the C decoder; resolves with the binary's path. */
export function buildCDecoder(opts: BuildCDecoderOptions = {}): Promise<string> {
  const cacheDir = opts.cacheDir ?? defaultCDecoderCacheDir()
  let p = inFlight.get(cacheDir)
  if (!p) {
    p = build(cacheDir, opts.onProgress ?? (() => {})).finally(() => inFlight.delete(cacheDir))
    inFlight.set(cacheDir, p)
  }
  return p
}

async function build(cacheDir: string, onProgress: (line: string) => void): Promise<string> {
  const sources = await cDecoderSources()
  let id = await compilerId(CC)
  if (id === undefined) {
    await installToolchain(onProgress)
    id = await compilerId(CC)
    if (id === undefined) throw new Error(`${CC} is still missing after install-toolchain.sh`)
  }
  const hash = createHash('sha256')
  for (const s of sources) hash.update(`${s.path}\0${s.text.length}\0${s.text}\0`)
  hash.update(`compiler\0${CC}\0${id}\0${C_DECODER_CFLAGS.join(' ')}`)
  const dir = join(cacheDir, hash.digest('hex').slice(0, 16))
  const binary = join(dir, C_DECODER_BINARY)
  if (await isExecutable(binary)) return binary

  onProgress(`building ${C_DECODER_BINARY} with ${id}`)
  await mkdir(cacheDir, { recursive: true })
  // The hashed texts are compiled, in the package's layout (main.c includes ../agent/json.h), aside
  // and then renamed into place: a reader never sees half a build.
  const tmp = await mkdtemp(join(cacheDir, '.build-'))
  try {
    await mkdir(join(tmp, 'decoder-c'))
    await mkdir(join(tmp, 'agent'))
    await Promise.all(sources.map((s) => writeFile(join(tmp, s.path), s.text)))
    const cfiles = sources.filter((s) => s.path.endsWith('.c')).map((s) => s.path)
    try {
      await run(CC, [...C_DECODER_CFLAGS, '-o', C_DECODER_BINARY, ...cfiles], tmp)
    } catch (e) {
      const err = e as Error & { stderr?: string }
      throw new Error(`compiling ${C_DECODER_BINARY} failed:\n${err.stderr || err.message}`)
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
