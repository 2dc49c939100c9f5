// `watchq kernel`: build the test kernels (Debian's linux-source, tinyconfig plus watchq's
// fragments) and list those in the cache. `watchq run --impl vm:…` builds on demand too; this
// command is for building ahead and for seeing what is there.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  buildKernel,
  isKernelVersion,
  isVmArch,
  KERNEL_VERSIONS,
  kernelsDir,
  readMetadata,
  VM_ARCHES,
} from '@watchq/kernel'
import { EXIT, type Io, UsageError } from './io.js'

export const KERNEL_HELP = `Usage: watchq kernel build <${KERNEL_VERSIONS.join('|')}> [--arch ${VM_ARCHES.join('|')}] [--jobs N]
       watchq kernel list

build   Installs Debian's linux-source-<version> and the build tools (apt-get; root or sudo), builds
        tinyconfig plus the vm/*.fragment files of @watchq/kernel (KEYS, WATCH_QUEUE, KEY_NOTIFICATIONS,
        serial console, initramfs, …), checks every fragment option made it into .config, and
        caches the image under \${XDG_CACHE_HOME:-~/.cache}/watchq/kernels/<version>-<arch>-<config hash>/.
        A cached build returns at once. s390x is built with gcc-s390x-linux-gnu (big-endian).
list    The cached kernels: version, arch, release, config hash, build time.

Then: watchq run --impl vm:<version> (x86_64) or vm:s390x-<version>.
Exit codes: 0 built (or cached), 1 the build failed (the message quotes the build log), 2 usage error.
`

export async function kernelCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { arch: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  const [sub, version, ...extra] = positionals
  if (values.help || sub === undefined) {
    io.out(KERNEL_HELP)
    return values.help ? EXIT.ok : EXIT.usage
  }
  if (sub === 'list') return list(io)
  if (sub !== 'build') throw new UsageError(`unknown subcommand "${sub}"; see "watchq kernel --help"`)
  if (version === undefined || !isKernelVersion(version) || extra.length)
    throw new UsageError(`kernel build needs one version: ${KERNEL_VERSIONS.join(' or ')}`)
  const arch = values.arch ?? 'x86_64'
  if (!isVmArch(arch)) throw new UsageError(`--arch must be ${VM_ARCHES.join(' or ')}, not "${arch}"`)
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0))
    throw new UsageError(`--jobs must be a positive integer`)
  try {
    const image = await buildKernel({
      version,
      arch,
      ...(jobs ? { jobs } : {}),
      onProgress: (line) => io.err(`watchq kernel: ${line}`),
    })
    io.out(`${image.path}\n${version} ${arch}: Linux ${image.release}, config ${image.configHash}`)
    return EXIT.ok
  } catch (e) {
    io.err(`watchq kernel: ${(e as Error).message}`)
    return EXIT.failed
  }
}

function list(io: Io): number {
  let dirs: string[] = []
  try {
    dirs = readdirSync(kernelsDir()).sort()
  } catch {
    // No cache yet.
  }
  const rows = dirs.flatMap((d) => {
    const m = readMetadata(join(kernelsDir(), d))
    return m
      ? [
          `${m.version.padEnd(5)} ${m.arch.padEnd(7)} ${m.release.padEnd(16)} ${m.configHash}  built in ${m.buildSeconds}s (${m.debianPackage} ${m.debianVersion})`,
        ]
      : []
  })
  io.out(rows.length ? rows.join('\n') : `no kernels in ${kernelsDir()} yet; try: watchq kernel build 6.12`)
  return EXIT.ok
}
