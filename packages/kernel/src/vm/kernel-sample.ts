// The kernel's own watch_queue sample, samples/watch_queue/watch_test.c, built for a guest from the
// same Debian linux-source package as the kernel (kernel-source.ts), so that a test can hold its
// output against the decoder's sampleLines (the sample is GPL: it is only ever built here, from
// Debian's package, never copied into this repository).
//
// Only that file is extracted (`tar -xJf … -O <member>`: about 10 s of decompression, cached by
// the tarball's identity) and compiled unmodified with the agent's compiler for the arch
// (agent/build.ts: gcc here, Debian's cross gcc elsewhere), statically linked so that the guest
// needs no libraries. It includes <linux/watch_queue.h> and <linux/keyctl.h>: the toolchain's UAPI
// headers (linux-libc-dev, and linux-libc-dev-<arch>-cross for the cross compilers, both 6.1 on
// bookworm) have them, and what the sample uses of them (O_NOTIFICATION_PIPE, the two ioctls, the
// record structs, KEYCTL_WATCH_KEY, the subtype names) has not changed since 5.8. The kernel tree's
// own include/uapi would need `make headers_install` in an unpacked tree of a gigabyte.
//
// One file of ours is linked beside it (MIT): a constructor that makes stdout line-buffered, as on
// a terminal. The agent collects a program's stdout through a pipe, where stdio buffers fully, and
// the sample never exits by itself (it holds its pipe's write end, so read() never returns 0): it
// is killed, and every line it printed must have been written by then.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { agentCompiler, ensureAgentCompiler } from '../agent/build.js'
import { cacheRoot, serialized, writeAtomic } from '../cache/cache.js'
import { compileCached, contentHash } from '../cache/compile-cached.js'
import { exec, lastLines } from '../process/exec.js'
import type { GuestFile } from './initramfs.js'
import type { KernelVersion, VmArch } from './kernel-image.js'
import { type KernelSource, kernelSource } from './kernel-source.js'

/** The sample's path in the kernel tree. */
export const KERNEL_SAMPLE_MEMBER = 'samples/watch_queue/watch_test.c'
/** Where the guest has it (a name in spawn's default PATH). */
export const KERNEL_SAMPLE_GUEST_PATH = '/usr/local/bin/watch_test'
const BINARY = 'watch_test'
const CFLAGS = ['-static', '-O2'] as const

const LINE_BUFFERED = `/* SPDX-License-Identifier: MIT */
/* watchq: stdout line-buffered before main(), as it is on a terminal (kernel-sample.ts). */
#include <stdio.h>

__attribute__((constructor)) static void watchq_line_buffered(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
}
`

export interface KernelSampleOptions {
  readonly version: KernelVersion
  readonly arch: VmArch
  /** Default ${XDG_CACHE_HOME:-~/.cache}/watchq/kernel-sample. */
  readonly cacheDir?: string
  readonly onProgress?: (line: string) => void
}

export interface KernelSample {
  /** The static binary in the cache. */
  readonly binary: string
  /** It, at KERNEL_SAMPLE_GUEST_PATH, for the initramfs (vm-connector's guestFiles). */
  readonly files: readonly GuestFile[]
  /** The package it was built from. */
  readonly source: KernelSource
}

/** The sample of `version`'s sources, built for `arch` once per content. */
export async function buildKernelSample(o: KernelSampleOptions): Promise<KernelSample> {
  return buildKernelSampleFrom(await kernelSource(o.version, o.onProgress), o)
}

/** The sample of the sources in `source`, built for `arch` once per content. */
export async function buildKernelSampleFrom(
  source: KernelSource,
  o: Omit<KernelSampleOptions, 'version'>,
): Promise<KernelSample> {
  const onProgress = o.onProgress ?? (() => {})
  const cacheDir = o.cacheDir ?? join(cacheRoot(), 'kernel-sample')
  const text = await sampleSource(source, cacheDir, onProgress)
  const cc = agentCompiler(o.arch)
  const id = await ensureAgentCompiler(o.arch, onProgress)
  const files = [
    { path: 'watch_test.c', text },
    { path: 'watchq-line-buffered.c', text: LINE_BUFFERED },
  ]
  const binary = await compileCached({
    cacheDir,
    entry: `${o.arch}-${contentHash(files, `${cc}\0${id}\0${CFLAGS.join(' ')}`)}`,
    binary: BINARY,
    files,
    cc,
    args: [...CFLAGS, '-o', BINARY, ...files.map((f) => f.path)],
    what: `${KERNEL_SAMPLE_MEMBER} of ${source.package} ${source.debianVersion} for ${o.arch}`,
    onProgress: (line) => onProgress(`${line} with ${id}`),
  })
  return { binary, files: [{ path: KERNEL_SAMPLE_GUEST_PATH, data: readFileSync(binary), mode: 0o755 }], source }
}

/** The sample's text from `source`'s tarball, extracted once per tarball (its path, size and time). */
async function sampleSource(source: KernelSource, cacheDir: string, onProgress: (line: string) => void) {
  const st = statSync(source.tarball)
  const key = createHash('sha256').update(`${source.tarball}\0${st.size}\0${st.mtimeMs}`).digest('hex').slice(0, 16)
  const file = join(cacheDir, 'sources', `${source.package}-${key}.c`)
  return serialized(file, async () => {
    if (!existsSync(file)) {
      const member = `${source.topDir}/${KERNEL_SAMPLE_MEMBER}`
      onProgress(`extracting ${member} from ${source.tarball}`)
      const r = await exec('tar', ['-xJf', source.tarball, '-O', member])
      if (r.code !== 0 || r.stdout === '')
        throw new Error(`tar could not extract ${member} from ${source.tarball} (exit ${r.code}): ${lastLines(r)}`)
      writeAtomic(file, r.stdout)
    }
    return readFileSync(file, 'utf8')
  })
}
