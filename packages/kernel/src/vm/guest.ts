// The contract between the host and the guest's /init (the agent): where the protocol channel
// is, how init learns it, and the line init writes once the channel is ready. Everything else
// on the channel is the adapter protocol.
import type { VmArch } from './kernel-image.js'

/**
 * The first line /init writes on the channel once it has opened it. The host sends nothing
 * before it, so that a boot (and its failure) is told apart from the protocol's hello; whatever
 * comes before this line is dropped.
 */
export const READY_LINE = '{"watchq":"ready"}'

/**
 * Port 1 of the first virtio-serial device. A serial port rather than a virtio console (hvc0):
 * no tty layer, so no echo or CR/LF translation to turn off, QEMU holds the host's bytes until
 * the guest opens the port, and it carries about twice as many requests a second.
 */
export const CHANNEL_DEVICE = '/dev/vport0p1'
/** The port's name (in the guest's /sys/class/virtio-ports/vport0p1/name). */
export const CHANNEL_NAME = 'watchq'

export interface GuestDevices {
  /** The kernel console (its messages go to a log file on the host). */
  readonly console: string
  /** The protocol channel: a virtio-serial port that carries only the agent's bytes. */
  readonly channel: string
}

export const GUEST_DEVICES: Record<VmArch, GuestDevices> = {
  // A 16550 UART for the console; port 1 of a virtio-serial device on PCI for the channel.
  x86_64: { console: 'ttyS0', channel: CHANNEL_DEVICE },
  // The SCLP VT220 terminal for the console; port 1 of a virtio-serial device on CCW for the channel.
  s390x: { console: 'ttysclp0', channel: CHANNEL_DEVICE },
  // The virt machine's PL011 UART; virtio-serial on PCI.
  aarch64: { console: 'ttyAMA0', channel: CHANNEL_DEVICE },
  // pseries' hypervisor virtual console (spapr-vty); virtio-serial on PCI.
  ppc64: { console: 'hvc0', channel: CHANNEL_DEVICE },
  // Malta's first 16550 UART (PIIX4 super I/O); virtio-serial on PCI.
  mips: { console: 'ttyS0', channel: CHANNEL_DEVICE },
  // The virt machine's 16550 UART; virtio-serial on PCI.
  riscv64: { console: 'ttyS0', channel: CHANNEL_DEVICE },
}

/**
 * The kernel command line. The channel is named twice: `watchq.channel=` (init reads
 * /proc/cmdline) and `WATCHQ_CHANNEL=` (a parameter without a dot that the kernel does not know
 * goes into init's environment). panic=-1 reboots at once on a panic, and -no-reboot turns that
 * reboot into QEMU exiting: a panic is a closed connection, never a hang.
 */
export function kernelCommandLine(arch: VmArch, extra = ''): string {
  const { console, channel } = GUEST_DEVICES[arch]
  const parts = [`console=${console}`, `watchq.channel=${channel}`, `WATCHQ_CHANNEL=${channel}`, 'panic=-1']
  if (extra.trim() !== '') parts.push(extra.trim())
  return parts.join(' ')
}
