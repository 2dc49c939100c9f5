// What a built test kernel is: the image, the facts about it, and the metadata JSON written next
// to it (which also tells the architecture of an image given by path).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The Debian kernel source packages we build from (linux-source-<version>). */
export const KERNEL_VERSIONS = ['5.10', '6.1', '6.12', '7.2'] as const
export type KernelVersion = (typeof KERNEL_VERSIONS)[number]

/**
 * Which Debian release serves each linux-source package: this machine's own (bookworm: 6.1 and
 * 6.12, installed with apt-get), or another release reached through a private apt state
 * (debian/release-apt.ts: bullseye's 5.10, sid's 7.2, downloaded and unpacked into the cache).
 */
export const KERNEL_SOURCE_RELEASE: Readonly<Record<KernelVersion, 'host' | 'bullseye' | 'sid'>> = {
  '5.10': 'bullseye',
  '6.1': 'host',
  '6.12': 'host',
  '7.2': 'sid',
}

/**
 * Guest architectures, named as the agent's targets name them (agent/build.ts AGENT_TARGETS):
 * `mips` is 32-bit big-endian, `ppc64` 64-bit big-endian.
 */
export const VM_ARCHES = ['x86_64', 's390x', 'aarch64', 'ppc64', 'mips', 'riscv64'] as const
export type VmArch = (typeof VM_ARCHES)[number]

export interface KernelImage {
  /** The bootable image (bzImage, Image or vmlinux: kernel-build.ts IMAGE_FILES). */
  readonly path: string
  /** `make kernelrelease`, which is also `uname -r` in the guest. */
  readonly release: string
  readonly version: KernelVersion
  readonly arch: VmArch
  /** Hash of the config fragments, the version and the arch: names the cache directory. */
  readonly configHash: string
  /** The kernel's full .config. */
  readonly configPath: string
  /** The directory that holds all of the above (and the build log). */
  readonly cacheDir: string
}

/** The metadata JSON written next to an image. */
export interface KernelMetadata {
  readonly release: string
  readonly version: KernelVersion
  readonly arch: VmArch
  readonly configHash: string
  readonly buildSeconds: number
  /** Version of the linux-source-<version> package built from. */
  readonly debianPackage: string
  readonly debianVersion: string
  readonly builtAt: string
}

export const METADATA_FILE = 'kernel.json'

export function isKernelVersion(value: string): value is KernelVersion {
  return (KERNEL_VERSIONS as readonly string[]).includes(value)
}

export function isVmArch(value: string): value is VmArch {
  return (VM_ARCHES as readonly string[]).includes(value)
}

/** The metadata next to an image (or in a kernel cache directory), if there is a valid one. */
export function readMetadata(imageOrDir: string): KernelMetadata | undefined {
  for (const file of [join(dirname(imageOrDir), METADATA_FILE), join(imageOrDir, METADATA_FILE)]) {
    if (!existsSync(file)) continue
    try {
      const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<KernelMetadata>
      if (
        typeof m.release === 'string' &&
        typeof m.version === 'string' &&
        isKernelVersion(m.version) &&
        typeof m.arch === 'string' &&
        isVmArch(m.arch) &&
        typeof m.configHash === 'string'
      ) {
        return m as KernelMetadata
      }
    } catch {
      // Not ours, or half written: as if absent.
    }
  }
  return undefined
}

/**
 * The architecture QEMU can accelerate with KVM here, if it is one of ours. Only x86_64 and s390x:
 * the other VM arches always run under TCG (their machines and CPU models are chosen for it).
 */
export function hostArch(): VmArch | undefined {
  if (process.arch === 'x64') return 'x86_64'
  if (process.arch === 's390x') return 's390x'
  return undefined
}
