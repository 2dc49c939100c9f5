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
}

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
  const devices =
    o.arch === 'x86_64'
      ? [
          ...['-machine', `pc,accel=${o.accel}`],
          ...x86Cpu(o.accel),
          ...['-serial', 'chardev:console'],
          ...['-device', 'virtio-serial-pci', '-device', `virtserialport,chardev=channel,nr=1,name=${CHANNEL_NAME}`],
        ]
      : [
          ...['-machine', `s390-ccw-virtio,accel=${o.accel}`],
          // TCG's own model (what it fully implements); the kernel is built for z10, which it covers.
          ...['-cpu', o.accel === 'kvm' ? 'host' : 'qemu'],
          ...['-device', 'sclpconsole,chardev=console'],
          ...['-device', 'virtio-serial-ccw', '-device', `virtserialport,chardev=channel,nr=1,name=${CHANNEL_NAME}`],
        ]
  return { command, args: [...common, ...devices], package: pkg, channel: GUEST_DEVICES[o.arch].channel }
}

export type AccelChoice = Accel | 'auto'

/** What the user asked for: the option, else WATCHQ_VM_ACCEL, else auto. */
export function requestedAccel(option?: AccelChoice): AccelChoice {
  if (option) return option
  const env = process.env['WATCHQ_VM_ACCEL']
  return env === 'kvm' || env === 'tcg' ? env : 'auto'
}

/**
 * auto: KVM when the guest is the host's architecture, /dev/kvm can be opened and KVM has not
 * been found unusable on this host kernel (kvm-health.ts); else TCG.
 */
export function chooseAccel(arch: VmArch, requested: AccelChoice = 'auto'): Accel {
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
