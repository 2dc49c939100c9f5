// Builds a small test kernel from Debian's linux-source-<version> package: `make tinyconfig`, the
// fragments of vm/ (in @watchq/kernel) merged on top, a check that every option they ask for
// survived, then the image. The result is cached by configHash; later calls return it at once.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { kernelsDir, withLock, writeAtomic } from '../cache/cache.js'
import { ensurePackages } from '../debian/apt.js'
import { BuildLog } from './build-log.js'
import { configHash, fragmentPaths, parseConfig, unmetOptions, wantedOptions } from './fragments.js'
import {
  hostArch,
  type KernelImage,
  type KernelMetadata,
  type KernelVersion,
  METADATA_FILE,
  readMetadata,
  type VmArch,
} from './kernel-image.js'
import { kernelSource } from './kernel-source.js'

export interface BuildKernelOptions {
  readonly version: KernelVersion
  readonly arch: VmArch
  /** Where kernels are kept, one directory per build (default ${XDG_CACHE_HOME:-~/.cache}/watchq/kernels). */
  readonly cacheDir?: string
  /** Progress lines: the phase and the time since the build started. */
  readonly onProgress?: (line: string) => void
  /** make -j (default: the number of CPUs). */
  readonly jobs?: number
  /** Keep the extracted and built source tree (about 2 GB) instead of removing it after the build. */
  readonly keepSource?: boolean
}

/**
 * What each arch boots, which is also the make target and the file's name in the cache directory:
 * the compressed, self-extracting bzImage on x86_64 and s390x; the raw `Image` QEMU loads
 * directly on arm64 and riscv; the ELF `vmlinux` on powerpc (pseries firmware loads ELF) and
 * mips (Malta loads ELF).
 */
export const IMAGE_FILES: Readonly<Record<VmArch, string>> = {
  x86_64: 'bzImage',
  s390x: 'bzImage',
  aarch64: 'Image',
  ppc64: 'vmlinux',
  mips: 'vmlinux',
  riscv64: 'Image',
}
const CONFIG_FILE = 'config'
const LOG_FILE = 'build.log'
/** How often a long phase says it is still going. */
const HEARTBEAT_MS = 30_000

/** Kernel ARCH= names. */
const KBUILD_ARCH: Record<VmArch, string> = {
  x86_64: 'x86_64',
  s390x: 's390',
  aarch64: 'arm64',
  ppc64: 'powerpc',
  mips: 'mips',
  riscv64: 'riscv',
}
/** Where `make <IMAGE_FILES[arch]>` leaves the image. */
const IMAGE_IN_TREE: Record<VmArch, string> = {
  x86_64: 'arch/x86/boot/bzImage',
  s390x: 'arch/s390/boot/bzImage',
  aarch64: 'arch/arm64/boot/Image',
  ppc64: 'vmlinux',
  mips: 'vmlinux',
  riscv64: 'arch/riscv/boot/Image',
}
/** Debian's cross compilers (the agent's own, agent/build.ts). */
const CROSS: Record<VmArch, { prefix: string; package: string }> = {
  x86_64: { prefix: 'x86_64-linux-gnu-', package: 'gcc-x86-64-linux-gnu' },
  s390x: { prefix: 's390x-linux-gnu-', package: 'gcc-s390x-linux-gnu' },
  aarch64: { prefix: 'aarch64-linux-gnu-', package: 'gcc-aarch64-linux-gnu' },
  ppc64: { prefix: 'powerpc64-linux-gnu-', package: 'gcc-powerpc64-linux-gnu' },
  mips: { prefix: 'mips-linux-gnu-', package: 'gcc-mips-linux-gnu' },
  riscv64: { prefix: 'riscv64-linux-gnu-', package: 'gcc-riscv64-linux-gnu' },
}
const BUILD_PACKAGES = ['build-essential', 'bc', 'bison', 'flex', 'libelf-dev', 'cpio', 'xz-utils']

/** Builds in progress in this process, by cache directory: a second caller waits for the first. */
const inFlight = new Map<string, Promise<KernelImage>>()

export function buildKernel(options: BuildKernelOptions): Promise<KernelImage> {
  const { version, arch } = options
  const hash = configHash(version, arch)
  const dir = join(options.cacheDir ?? kernelsDir(), `${version}-${arch}-${hash}`)
  const done = cached(dir, options, hash)
  if (done) return Promise.resolve(done)
  let build = inFlight.get(dir)
  if (!build) {
    const say = (line: string): void => options.onProgress?.(`kernel ${version} ${arch}: ${line}`)
    build = withLock(
      join(dir, 'build.lock'),
      // Another process may have finished it while we waited for the lock.
      async () => cached(dir, options, hash) ?? (await build1(dir, hash, options)),
      (pid) => say(`waiting for process ${pid}, which is building it`),
    ).finally(() => inFlight.delete(dir))
    inFlight.set(dir, build)
  }
  return build
}

function cached(dir: string, options: BuildKernelOptions, hash: string): KernelImage | undefined {
  const meta = readMetadata(dir)
  const path = join(dir, IMAGE_FILES[options.arch])
  if (!meta || meta.configHash !== hash || !existsSync(path)) return undefined
  return image(dir, meta.release, options, hash)
}

function image(dir: string, release: string, options: BuildKernelOptions, hash: string): KernelImage {
  return {
    path: join(dir, IMAGE_FILES[options.arch]),
    release,
    version: options.version,
    arch: options.arch,
    configHash: hash,
    configPath: join(dir, CONFIG_FILE),
    cacheDir: dir,
  }
}

async function build1(dir: string, hash: string, options: BuildKernelOptions): Promise<KernelImage> {
  const { version, arch } = options
  const started = Date.now()
  const elapsed = (): string => formatSeconds((Date.now() - started) / 1000)
  const say = (phase: string): void => options.onProgress?.(`kernel ${version} ${arch}: ${phase} (${elapsed()})`)
  mkdirSync(dir, { recursive: true })

  const cross = hostArch() === arch ? undefined : CROSS[arch]
  say('checking packages')
  await ensurePackages([...BUILD_PACKAGES, ...(cross ? [cross.package] : [])], { onProgress: (line) => say(line) })
  // The linux-source package: installed under /usr/src for this machine's release, unpacked into
  // the cache for another's (kernel-source.ts).
  const source = await kernelSource(version, (line) => say(line))
  const { tarball, debianVersion, topDir } = source
  const sourcePackage = source.package

  const log = new BuildLog(join(dir, LOG_FILE))
  const fail = (why: string): Error =>
    new Error(`cannot build the ${version} ${arch} test kernel: ${why}\nThe end of ${log.path}:\n${log.tail()}`)
  const src = join(dir, 'src')
  const tree = join(src, topDir)
  rmSync(src, { recursive: true, force: true })
  mkdirSync(src, { recursive: true })

  say(`extracting ${tarball}`)
  await log.run('tar', ['-xJf', tarball, '-C', src])

  // Fixed build user, host and time: the same sources and fragments give the same `uname -v`.
  const env = {
    ...process.env,
    KBUILD_BUILD_USER: 'watchq',
    KBUILD_BUILD_HOST: 'watchq',
    KBUILD_BUILD_TIMESTAMP: '1970-01-01',
    LC_ALL: 'C',
  }
  const make = [`ARCH=${KBUILD_ARCH[arch]}`, ...(cross ? [`CROSS_COMPILE=${cross.prefix}`] : [])]
  const run = (args: readonly string[], onLine?: (line: string) => void): Promise<void> =>
    log.run('make', ['-C', tree, ...make, ...args], { env, ...(onLine ? { onLine } : {}) })

  say('make tinyconfig')
  await run(['tinyconfig'])
  say('merging the config fragments')
  const fragments = fragmentPaths(arch)
  await log.run(
    join(tree, 'scripts/kconfig/merge_config.sh'),
    ['-m', '-O', tree, join(tree, '.config'), ...fragments],
    {
      cwd: tree,
      env: { ...env, ARCH: KBUILD_ARCH[arch] },
    },
  )
  await run(['olddefconfig'])
  const config = parseConfig(readFileSync(join(tree, '.config'), 'utf8'))
  const unmet = unmetOptions(wantedOptions(fragments), config)
  if (unmet.length > 0) {
    throw new Error(
      `the ${version} ${arch} kernel config lacks options the fragments ask for (Kconfig drops an option ` +
        `whose dependencies are not met, or the option does not exist in this version): ${unmet.join(', ')}. ` +
        `Fragments: ${fragments.join(', ')}; the resulting config: ${join(tree, '.config')}.`,
    )
  }

  const jobs = options.jobs ?? availableParallelism()
  const target = IMAGE_FILES[arch]
  say(`make -j${jobs} ${target}`)
  let last = ''
  const heartbeat = setInterval(() => say(`still building; last: ${last.trim()}`), HEARTBEAT_MS)
  try {
    await run([`-j${jobs}`, target], (line) => {
      last = line
    })
  } finally {
    clearInterval(heartbeat)
  }
  let release = ''
  await run(['-s', 'kernelrelease'], (line) => {
    if (line.trim() !== '') release = line.trim()
  })
  if (release === '') throw fail('`make kernelrelease` printed nothing')

  copyFileSync(join(tree, IMAGE_IN_TREE[arch]), join(dir, target))
  copyFileSync(join(tree, '.config'), join(dir, CONFIG_FILE))
  const buildSeconds = Math.round((Date.now() - started) / 100) / 10
  const meta: KernelMetadata = {
    release,
    version,
    arch,
    configHash: hash,
    buildSeconds,
    debianPackage: sourcePackage,
    debianVersion,
    builtAt: new Date().toISOString(),
  }
  // Written last: its presence is what marks the build as complete.
  writeAtomic(join(dir, METADATA_FILE), `${JSON.stringify(meta, null, 2)}\n`)
  if (!options.keepSource) rmSync(src, { recursive: true, force: true })
  say(`done: ${release}`)
  return image(dir, release, options, hash)
}

function formatSeconds(s: number): string {
  return s < 60 ? `${Math.round(s)}s` : `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
}
