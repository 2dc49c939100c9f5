// Builds the C reference decoder (decoder-c/*.c with the JSON reader and writer and the buffer in c/) for this
// machine. The binary is cached by a hash of its sources, the compiler and the flags, next to the
// agent's cache; concurrent callers in one process share one compile.
import { join } from 'node:path'
import { cacheRoot } from '../cache/cache.js'
import { compileCached, contentHash } from '../cache/compile-cached.js'
import { cSources } from '../package-dir.js'
import { ensureCompiler } from '../toolchain/compiler.js'

export const C_DECODER_BINARY = 'watchq-c-decoder'
export const C_DECODER_CFLAGS = ['-O2', '-Wall', '-Wextra', '-Werror', '-std=c11'] as const
const CC = 'gcc'

export interface BuildCDecoderOptions {
  /** Where binaries are kept (default: `c-decoder` beside the agent's cache, ~/.cache/watchq/c-decoder). */
  cacheDir?: string
  /** Progress lines: compiling, installing gcc. */
  onProgress?: (line: string) => void
}

export const defaultCDecoderCacheDir = () => join(cacheRoot(), 'c-decoder')

/** The C sources, by path relative to the package: decoder-c/*.{c,h} and the shared c/. */
export const cDecoderSources = () => cSources(['c', 'decoder-c'])

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
  const id = await ensureCompiler(CC, ['gcc', 'libc6-dev'], onProgress)
  // The hashed texts are compiled in the package's layout, c/ on the include path.
  return compileCached({
    cacheDir,
    entry: contentHash(sources, `${CC}\0${id}\0${C_DECODER_CFLAGS.join(' ')}`),
    binary: C_DECODER_BINARY,
    files: sources,
    cc: CC,
    args: [
      ...C_DECODER_CFLAGS,
      '-I',
      'c',
      '-o',
      C_DECODER_BINARY,
      ...sources.filter((s) => s.path.endsWith('.c')).map((s) => s.path),
    ],
    what: C_DECODER_BINARY,
    onProgress: (line) => onProgress(`${line} with ${id}`),
  })
}
