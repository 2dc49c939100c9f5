// qemu-user inside the VM: Debian's statically linked `qemu-<arch>-static` runs as the guest's
// /init with the agent of another architecture (or the same one) as its program, so that the
// implementation under test is qemu's linux-user translation on top of a kernel that has
// watch_queue. Our own machine's kernel lacks it, which is why this happens in the VM and not on
// the host. The kernel passes what follows `--` on its command line to init as arguments; qemu
// takes the first as the program to run. qemu reads QEMU_STRACE, QEMU_LOG and the like from its
// environment, which the kernel fills from the command line's NAME=value words (WATCHQ_VM_APPEND).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AGENT_TARGETS, type AgentArch } from '../agent/build.js'
import { debianPrograms } from './guest-programs.js'
import type { GuestFile } from './initramfs.js'
import type { VmArch } from './kernel-image.js'

/** The Debian package with the static qemu-user binaries (no libraries needed in the guest). */
export const QEMU_USER_PACKAGE = 'qemu-user-static'

/** The agents each VM architecture runs under qemu-user (Debian's package exists for the VM's arch). */
export const QEMU_USER_AGENTS: Readonly<Record<VmArch, readonly AgentArch[]>> = {
  x86_64: ['x86_64', 'i386', 'aarch64', 's390x'],
  s390x: [],
  // None yet: qemu-user under TCG would be an emulator inside an emulator.
  aarch64: [],
  ppc64: [],
  mips: [],
  riscv64: [],
}

/** Where the agent lies in a qemu-user guest's root (qemu is /init). */
export const QEMU_USER_AGENT_PATH = '/agent'

/** The guest name of the agent `arch` under qemu-user: `qemu-aarch64`. */
export function qemuUserGuestName(arch: AgentArch): string {
  return `qemu-${AGENT_TARGETS[arch].qemu}`
}

/** The qemu-user binary for the agent `arch`, as Debian installs it. */
export function qemuUserBinary(arch: AgentArch): string {
  return `/usr/bin/qemu-${AGENT_TARGETS[arch].qemu}-static`
}

export interface QemuUserInit {
  /** The host path of the static qemu binary, for /init. */
  readonly init: string
  /** The agent at QEMU_USER_AGENT_PATH. */
  readonly files: readonly GuestFile[]
  /** The kernel command line's tail that gives init its program. */
  readonly append: string
  /** The package it came from, for the report. */
  readonly provenance: Readonly<Record<string, string>>
}

/** qemu-user for the agent binary `agent` of `arch`, in a VM of `vmArch`: downloaded once (apt-get download). */
export async function qemuUserInit(
  vmArch: VmArch,
  arch: AgentArch,
  agent: string,
  options: { readonly onProgress?: (line: string) => void; readonly cacheDir?: string } = {},
): Promise<QemuUserInit> {
  if (!QEMU_USER_AGENTS[vmArch].includes(arch)) {
    throw new Error(`no qemu-user for ${arch} agents in a ${vmArch} VM (known: ${QEMU_USER_AGENTS[vmArch].join(', ')})`)
  }
  const binary = qemuUserBinary(arch)
  const programs = await debianPrograms({
    arch: vmArch,
    packages: [QEMU_USER_PACKAGE],
    programs: [binary],
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
  })
  const pkg = programs.packages[0]!
  return {
    init: join(programs.dir, 'root', binary),
    files: [{ path: QEMU_USER_AGENT_PATH, data: readFileSync(agent) }],
    append: `-- ${QEMU_USER_AGENT_PATH}`,
    provenance: { qemuUser: `${pkg.name} ${pkg.version} (${pkg.arch})`, qemuUserBinary: binary },
  }
}
