// The QEMU command line for one boot: the kernel, the initramfs, the kernel console into a log
// file and the protocol channel on QEMU's stdin/stdout (a chardev of its own, so kernel messages
// can never reach it), no display, no monitor, and exit instead of reboot.
import { accessSync, constants } from 'node:fs'
import { CHANNEL_NAME, GUEST_DEVICES, kernelCommandLine } from './guest.js'
import { hostArch, type VmArch } from './kernel-image.js'
import { kvmUnusable } from './kvm-health.js'

export type Accel = 'kvm' | 'tcg'

export interface QemuOptions {
  readonly arch: VmArch
  readonly kernel: string
  readonly initrd: string
  readonly consoleLog: string
  readonly accel: Accel
  /** Guest memory (default 256 MiB). */
  readonly memoryMb?: number
  /** More kernel command line (e.g. parameters for init's environment). */
  readonly append?: string
}

export interface QemuCommand {
  readonly command: string
  readonly args: string[]
  /** The Debian package that has `command`. */
  readonly package: string
  /** The guest's protocol channel device. */
  readonly channel: string
}

export const QEMU_PACKAGES: Record<VmArch, { command: string; package: string }> = {
  x86_64: { command: 'qemu-system-x86_64', package: 'qemu-system-x86' },
  s390x: { command: 'qemu-system-s390x', package: 'qemu-system-misc' },
  aarch64: { command: 'qemu-system-aarch64', package: 'qemu-system-arm' },
  ppc64: { command: 'qemu-system-ppc64', package: 'qemu-system-ppc' },
  mips: { command: 'qemu-system-mips', package: 'qemu-system-mips' },
  // OpenSBI, which the virt machine boots the kernel through, comes with qemu-system-data.
  riscv64: { command: 'qemu-system-riscv64', package: 'qemu-system-misc' },
}

/** The architectures KVM may run: the others are always TCG (their CPU models are TCG's). */
const KVM_ARCHES: readonly VmArch[] = ['x86_64', 's390x']

export const DEFAULT_MEMORY_MB = 256

export function qemuCommand(o: QemuOptions): QemuCommand {
  const { command, package: pkg } = QEMU_PACKAGES[o.arch]
  const common = [
    ...['-nodefaults', '-no-user-config', '-display', 'none', '-no-reboot'],
    ...['-m', String(o.memoryMb ?? DEFAULT_MEMORY_MB), '-smp', '1'],
    ...['-kernel', o.kernel, '-initrd', o.initrd, '-append', kernelCommandLine(o.arch, o.append)],
    ...['-chardev', `file,id=console,path=${chardevPath(o.consoleLog)}`],
    // signal=off: a byte 0x03 from the runner is data, not ^C.
    ...['-chardev', 'stdio,id=channel,signal=off'],
  ]
  const devices = machine(o.arch, o.accel)
  return { command, args: [...common, ...devices], package: pkg, channel: GUEST_DEVICES[o.arch].channel }
}

/** The pseries Spectre-mitigation capabilities, declared absent as under TCG they are (else each boot warns). */
const PSERIES_TCG_CAPS = 'cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off'

/** The port that carries the protocol, on whichever virtio-serial device the machine has. */
const CHANNEL_PORT = `virtserialport,chardev=channel,nr=1,name=${CHANNEL_NAME}`

/** The machine, its CPU, the console device and the channel's virtio-serial device for `arch`. */
function machine(arch: VmArch, accel: Accel): string[] {
  const pciChannel = ['-device', 'virtio-serial-pci', '-device', CHANNEL_PORT]
  switch (arch) {
    case 'x86_64':
      return [...['-machine', `pc,accel=${accel}`], ...x86Cpu(accel), ...['-serial', 'chardev:console'], ...pciChannel]
    case 's390x':
      return [
        ...['-machine', `s390-ccw-virtio,accel=${accel}`],
        // TCG's own model (what it fully implements); the kernel is built for z10, which it covers.
        ...['-cpu', accel === 'kvm' ? 'host' : 'qemu'],
        ...['-device', 'sclpconsole,chardev=console'],
        ...['-device', 'virtio-serial-ccw', '-device', CHANNEL_PORT],
      ]
    case 'aarch64':
      // Cortex-A57, a plain ARMv8.0 core: `max` adds pointer authentication, which TCG emulates slowly.
      // The PL011 UART (ttyAMA0) takes the first -serial; virtio-pci on the generic ECAM host bridge.
      return [...['-machine', 'virt,accel=tcg', '-cpu', 'cortex-a57'], ...['-serial', 'chardev:console'], ...pciChannel]
    case 'ppc64':
      // x-vof: QEMU's own minimal Open Firmware loads the ELF kernel, much faster than SLOF. The
      // speculation-barrier capabilities TCG lacks are declared absent, or every boot warns of them.
      // The first -serial becomes a spapr-vty, the hypervisor console (hvc0).
      return [
        ...['-machine', `pseries,accel=tcg,x-vof=on,${PSERIES_TCG_CAPS}`],
        ...['-serial', 'chardev:console'],
        ...pciChannel,
      ]
    case 'mips':
      // 24Kf, a MIPS32r2 core with an FPU (what the kernel is built for); the first -serial is the
      // PIIX4 super I/O's first UART (ttyS0); virtio-pci on the GT-64120 bridge.
      return [...['-machine', 'malta,accel=tcg', '-cpu', '24Kf'], ...['-serial', 'chardev:console'], ...pciChannel]
    case 'riscv64':
      // The default rv64 CPU; OpenSBI (the default -bios) starts the kernel in S-mode. The first
      // -serial is the 16550 UART of the device tree (ttyS0); virtio-pci on the generic ECAM host.
      return [...['-machine', 'virt,accel=tcg'], ...['-serial', 'chardev:console'], ...pciChannel]
  }
}

export type AccelChoice = Accel | 'auto'

/** What the user asked for: the option, else WATCHQ_VM_ACCEL, else auto. */
export function requestedAccel(option?: AccelChoice): AccelChoice {
  if (option) return option
  const env = process.env['WATCHQ_VM_ACCEL']
  return env === 'kvm' || env === 'tcg' ? env : 'auto'
}

/**
 * TCG for the arches KVM never runs (KVM_ARCHES), whatever was asked. auto: KVM when the guest is
 * the host's architecture, /dev/kvm can be opened and KVM has not been found unusable on this host
 * kernel (kvm-health.ts); else TCG.
 */
export function chooseAccel(arch: VmArch, requested: AccelChoice = 'auto'): Accel {
  if (!KVM_ARCHES.includes(arch)) return 'tcg'
  if (requested !== 'auto') return requested
  return arch === hostArch() && kvmAccessible() && kvmUnusable() === undefined ? 'kvm' : 'tcg'
}

export function kvmAccessible(): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK)
    return true
  } catch {
    return false
  }
}

function x86Cpu(accel: Accel): string[] {
  // TCG: the most it emulates. KVM: QEMU's default model, which needs nothing special of the host.
  return accel === 'tcg' ? ['-cpu', 'max'] : []
}

/** A comma in a chardev option value is written twice. */
function chardevPath(path: string): string {
  return path.replaceAll(',', ',,')
}
