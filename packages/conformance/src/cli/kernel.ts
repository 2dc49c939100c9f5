// `watchq kernel`: build the test kernels (Debian's linux-source, tinyconfig plus watchq's
// fragments) and list those in the cache. `watchq run --impl vm:…` builds on demand too; this
// command is for building ahead and for seeing what is there.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  buildKernel,
  KERNEL_VERSIONS,
  type KernelVersion,
  kernelsDir,
  readMetadata,
  VM_ARCHES,
  type VmArch,
} from '@watchq/kernel'
import { type Cli, declared } from './command.js'
import { EXIT, type Io } from './io.js'
import { choiceOption, integer, oneOf } from './values.js'

export function defineKernel(cli: Cli) {
  const build = cli
    .command('build')
    .summary('Build (or find in the cache) the kernel of one version and arch')
    .description(
      `Installs Debian's linux-source-<version> and the build tools (apt-get; root or sudo), builds
tinyconfig plus the vm/*.fragment files of @watchq/kernel (KEYS, WATCH_QUEUE, KEY_NOTIFICATIONS,
serial console, initramfs, …), checks every fragment option made it into .config, and caches the
image under \${XDG_CACHE_HOME:-~/.cache}/watchq/kernels/<version>-<arch>-<config hash>/. A cached
build returns at once. Other arches are cross-built with Debian's gcc-<triple> (s390x, aarch64,
powerpc64, mips, riscv64).`,
    )
    .argument(
      '<version>',
      `The kernel series (${KERNEL_VERSIONS.join(' or ')})`,
      oneOf(KERNEL_VERSIONS, () => `kernel build needs one version: ${KERNEL_VERSIONS.join(' or ')}`),
    )
    .addOption(
      choiceOption(
        '--arch <arch>',
        'The architecture',
        VM_ARCHES,
        (v) => `--arch must be ${VM_ARCHES.slice(0, -1).join(', ')} or ${VM_ARCHES.at(-1)}, not "${v}"`,
      ).default('x86_64'),
    )
    .option('--jobs <n>', 'Parallel make jobs (default: one per core)', integer('jobs', 1))
    .addHelpText(
      'after',
      `
Then: watchq run --impl vm:<version> (x86_64) or vm:<arch>-<version>.

Exit codes: 0 built (or cached), 1 the build failed (the message quotes the build log), 2 usage error.`,
    )
    .action(cli.exits((version, options) => buildOne(version, options, cli.io)))
  const listCached = cli
    .command('list')
    .summary('The cached kernels: version, arch, release, config hash, build time')
    .description('Lists the cached kernels: version, arch, release, config hash, build time.')
    .addHelpText('after', '\nExit codes: 0 listed (none is no error).')
    .action(cli.exits(() => list(cli.io)))
  const cmd = cli
    .command('kernel')
    .summary(
      `Build test kernels (Debian linux-source ${KERNEL_VERSIONS.join('/')}, ${VM_ARCHES.join(' or ')}) for --impl vm:…`,
    )
    .description(
      'The test kernels that "watchq run --impl vm:…" boots (it builds them on demand too; this is for\nbuilding ahead and for seeing what is there).',
    )
    .helpCommand(false)
    .addCommand(declared(build))
    .addCommand(declared(listCached))
    .addHelpText('after', '\nExit codes: 0 success, 1 the build failed, 2 usage error.')
  return declared(cmd)
}

async function buildOne(
  version: KernelVersion,
  values: { arch: VmArch; jobs?: number | undefined },
  io: Io,
): Promise<number> {
  const { arch, jobs } = values
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
