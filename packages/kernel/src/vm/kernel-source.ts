// Where the Debian linux-source-<version> tarball a test kernel is built from lies: this machine's
// release installs it under /usr/src (apt-get install), another release's is downloaded and
// unpacked into the cache (debian/release-apt.ts). For what reads single files of it, such as the
// kernel's watch_queue sample (kernel-sample.ts), from the very package the kernel came from.
import { join } from 'node:path'
import { ensurePackages, installedVersion } from '../debian/apt.js'
import { releasePackage } from '../debian/release-apt.js'
import { KERNEL_SOURCE_RELEASE, type KernelVersion } from './kernel-image.js'

export interface KernelSource {
  /** linux-source-<version>. */
  readonly package: string
  /** Its Debian version, e.g. `6.12.57-1~bpo12+1`, or `5.10.262-1 (bullseye)` for another release's. */
  readonly debianVersion: string
  /** /usr/src/linux-source-<version>.tar.xz, or its copy unpacked into the cache. */
  readonly tarball: string
  /** Every member's path starts with this directory (`linux-source-<version>/`). */
  readonly topDir: string
}

/** The linux-source package of `version`, installed or fetched when missing. */
export async function kernelSource(
  version: KernelVersion,
  onProgress: (line: string) => void = () => {},
): Promise<KernelSource> {
  const name = `linux-source-${version}`
  const release = KERNEL_SOURCE_RELEASE[version]
  if (release === 'host') {
    await ensurePackages([name], { onProgress })
    return {
      package: name,
      debianVersion: (await installedVersion(name)) ?? 'unknown',
      tarball: `/usr/src/${name}.tar.xz`,
      topDir: name,
    }
  }
  const p = await releasePackage(release, name, onProgress)
  return {
    package: name,
    debianVersion: `${p.version} (${release})`,
    tarball: join(p.root, 'usr/src', `${name}.tar.xz`),
    topDir: name,
  }
}
