// What `--impl vm:…` names: a kernel to build (`vm:6.12`, `vm:s390x-6.1`, `vm:x86_64-6.12`) or an
// image to boot (`vm:PATH`, its architecture from --arch or the metadata JSON next to it), and
// which agent runs as /init: the kernel's own architecture by default, or after a slash a guest:
// one the kernel runs natively through its compat layer (`vm:6.12/i386`: the 32-bit agent on the
// 64-bit kernel), or an agent run by qemu-user inside the VM (`vm:6.12/qemu-s390x`: qemu-user.ts).
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { AgentArch } from '../agent/build.js'
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
import { QEMU_USER_AGENTS, qemuUserGuestName } from './qemu-user.js'

/** Agents of another architecture each VM arch runs natively (through its compat layer). */
export const NATIVE_GUESTS: Readonly<Record<VmArch, readonly AgentArch[]>> = {
  x86_64: ['i386'],
  s390x: [],
  // No other agent of ours runs natively on these (ppc64 has a compat layer, but no 32-bit agent).
  aarch64: [],
  ppc64: [],
  mips: [],
  riscv64: [],
}

/** The guest names each VM arch knows: native guests, then agents under qemu-user. */
const guestsOf = (arch: VmArch): readonly string[] => [
  ...NATIVE_GUESTS[arch],
  ...QEMU_USER_AGENTS[arch].map(qemuUserGuestName),
]
export const VM_GUESTS: Readonly<Record<VmArch, readonly string[]>> = {
  x86_64: guestsOf('x86_64'),
  s390x: guestsOf('s390x'),
  aarch64: guestsOf('aarch64'),
  ppc64: guestsOf('ppc64'),
  mips: guestsOf('mips'),
  riscv64: guestsOf('riscv64'),
}

export type VmSpec = (
  | { readonly kind: 'build'; readonly version: KernelVersion; readonly arch: VmArch }
  | {
      readonly kind: 'image'
      readonly path: string
      readonly arch: VmArch
      /** From the metadata JSON next to the image, if there is one. */
      readonly metadata?: KernelMetadata
    }
) & {
  /** The agent's architecture: the kernel's (`arch`) unless a guest was named. */
  readonly guest: AgentArch
  /** Set when the agent runs under qemu-user (`/qemu-ARCH`) rather than on the kernel itself. */
  readonly emulator?: 'qemu-user'
}

export const VM_FORMS = `vm:VERSION, vm:ARCH-VERSION (VERSION ${KERNEL_VERSIONS.join(' or ')}, ARCH ${VM_ARCHES.join(', ')}) or vm:PATH-TO-IMAGE, each optionally followed by /GUEST (vm:6.12/i386: the 32-bit agent on the 64-bit kernel; vm:6.12/qemu-s390x: the s390x agent under qemu-user in the VM)`

/** `6.12`, `s390x-6.1`: a kernel we build. */
const NAMED = /^(?:([a-z0-9_]+)-)?(\d+\.\d+)$/

export interface VmSpecOptions {
  /** --arch: the guest architecture (for `vm:VERSION` and for an image without metadata). */
  readonly arch?: string
}

export function parseVmSpec(spec: string, options: VmSpecOptions = {}): VmSpec {
  const bad = (why: string): Error => new Error(`bad VM "${spec}": ${why}; expected ${VM_FORMS}`)
  if (!spec.startsWith('vm:')) throw bad('it does not start with vm:')
  // A guest follows the last slash: after a kernel name always, after an image path when the
  // whole text is not itself an existing file.
  const slash = spec.lastIndexOf('/')
  const head = spec.slice(3, slash)
  const tail = spec.slice(slash + 1)
  const guestText =
    slash > 3 &&
    /^[a-z0-9_-]+$/.test(tail) &&
    (NAMED.test(head) || (!existsSync(resolve(spec.slice(3))) && existsSync(resolve(head))))
      ? tail
      : undefined
  const rest = guestText === undefined ? spec.slice(3) : head
  if (rest === '') throw bad('nothing after vm:')
  if (options.arch !== undefined && !isVmArch(options.arch)) {
    throw bad(`unknown architecture "${options.arch}" (--arch)`)
  }
  const wanted = options.arch as VmArch | undefined

  const named = NAMED.exec(rest)
  if (named) {
    const [, archText, version] = named
    if (!isKernelVersion(version!)) throw bad(`no kernel version ${version} (known: ${KERNEL_VERSIONS.join(', ')})`)
    if (archText !== undefined && !isVmArch(archText)) throw bad(`unknown architecture "${archText}"`)
    const arch = (archText as VmArch | undefined) ?? wanted ?? hostArch() ?? 'x86_64'
    if (wanted && arch !== wanted) throw bad(`it names ${arch} but --arch is ${wanted}`)
    return { kind: 'build', version: version!, arch, ...guestFor(arch) }
  }

  const path = resolve(rest)
  if (!existsSync(path)) throw bad(`no kernel image at ${path}`)
  const metadata = readMetadata(path)
  if (wanted && metadata && metadata.arch !== wanted) {
    throw bad(`the metadata next to the image says ${metadata.arch} but --arch is ${wanted}`)
  }
  const arch = wanted ?? metadata?.arch
  if (!arch) throw bad(`cannot tell the architecture of ${path}: there is no kernel.json next to it; pass --arch`)
  const guest = guestFor(arch)
  return metadata ? { kind: 'image', path, arch, metadata, ...guest } : { kind: 'image', path, arch, ...guest }

  function guestFor(arch: VmArch): { guest: AgentArch; emulator?: 'qemu-user' } {
    if (guestText === undefined) return { guest: arch }
    const known = VM_GUESTS[arch]
    if (!known.includes(guestText)) {
      throw bad(
        `no guest "${guestText}" on ${arch} (${known.length ? `known: ${known.join(', ')}` : 'it runs only its own agent'})`,
      )
    }
    const emulated = QEMU_USER_AGENTS[arch].find((a) => qemuUserGuestName(a) === guestText)
    return emulated !== undefined ? { guest: emulated, emulator: 'qemu-user' } : { guest: guestText as AgentArch }
  }
}

/** The kernel to boot for a spec: the image as given, or the one built (or found in the cache). */
export async function prepareKernel(
  spec: VmSpec,
  options: Omit<BuildKernelOptions, 'version' | 'arch'> = {},
): Promise<KernelImage | string> {
  if (spec.kind === 'image') return spec.path
  return buildKernel({ ...options, version: spec.version, arch: spec.arch })
}
