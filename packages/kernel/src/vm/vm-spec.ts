// What `--impl vm:…` names: a kernel to build (`vm:6.12`, `vm:s390x-6.1`, `vm:x86_64-6.12`) or an
// image to boot (`vm:PATH`, its architecture from --arch or the metadata JSON next to it).
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { type BuildKernelOptions, buildKernel } from './kernel-build.js'
import {
  hostArch,
  isKernelVersion,
  isVmArch,
  KERNEL_VERSIONS,
  type KernelImage,
  type KernelMetadata,
  type KernelVersion,
  readMetadata,
  VM_ARCHES,
  type VmArch,
} from './kernel-image.js'

export type VmSpec =
  | { readonly kind: 'build'; readonly version: KernelVersion; readonly arch: VmArch }
  | {
      readonly kind: 'image'
      readonly path: string
      readonly arch: VmArch
      /** From the metadata JSON next to the image, if there is one. */
      readonly metadata?: KernelMetadata
    }

export const VM_FORMS = `vm:VERSION, vm:ARCH-VERSION (VERSION ${KERNEL_VERSIONS.join(' or ')}, ARCH ${VM_ARCHES.join(' or ')}) or vm:PATH-TO-IMAGE`

export interface VmSpecOptions {
  /** --arch: the guest architecture (for `vm:VERSION` and for an image without metadata). */
  readonly arch?: string
}

export function parseVmSpec(spec: string, options: VmSpecOptions = {}): VmSpec {
  const bad = (why: string): Error => new Error(`bad VM "${spec}": ${why}; expected ${VM_FORMS}`)
  if (!spec.startsWith('vm:')) throw bad('it does not start with vm:')
  const rest = spec.slice(3)
  if (rest === '') throw bad('nothing after vm:')
  if (options.arch !== undefined && !isVmArch(options.arch)) {
    throw bad(`unknown architecture "${options.arch}" (--arch)`)
  }
  const wanted = options.arch as VmArch | undefined

  const named = /^(?:([a-z0-9_]+)-)?(\d+\.\d+)$/.exec(rest)
  if (named) {
    const [, archText, version] = named
    if (!isKernelVersion(version!)) throw bad(`no kernel version ${version} (known: ${KERNEL_VERSIONS.join(', ')})`)
    if (archText !== undefined && !isVmArch(archText)) throw bad(`unknown architecture "${archText}"`)
    const arch = (archText as VmArch | undefined) ?? wanted ?? hostArch() ?? 'x86_64'
    if (wanted && arch !== wanted) throw bad(`it names ${arch} but --arch is ${wanted}`)
    return { kind: 'build', version: version!, arch }
  }

  const path = resolve(rest)
  if (!existsSync(path)) throw bad(`no kernel image at ${path}`)
  const metadata = readMetadata(path)
  if (wanted && metadata && metadata.arch !== wanted) {
    throw bad(`the metadata next to the image says ${metadata.arch} but --arch is ${wanted}`)
  }
  const arch = wanted ?? metadata?.arch
  if (!arch) throw bad(`cannot tell the architecture of ${path}: there is no kernel.json next to it; pass --arch`)
  return metadata ? { kind: 'image', path, arch, metadata } : { kind: 'image', path, arch }
}

/** The kernel to boot for a spec: the image as given, or the one built (or found in the cache). */
export async function prepareKernel(
  spec: VmSpec,
  options: Omit<BuildKernelOptions, 'version' | 'arch'> = {},
): Promise<KernelImage | string> {
  if (spec.kind === 'image') return spec.path
  return buildKernel({ ...options, version: spec.version, arch: spec.arch })
}
