// The QEMU command line: the console to a file, the channel alone on stdio, no monitor, no reboot.
import { describe, expect, it } from 'vitest'
import { kernelCommandLine, READY_LINE } from '../../src/vm/guest.js'
import { chooseAccel, qemuCommand } from '../../src/vm/qemu.js'

const base = { kernel: '/k/bzImage', initrd: '/k/initrd.cpio', consoleLog: '/tmp/a,b/console.log' } as const

/** The value after each occurrence of `flag`. */
function values(args: readonly string[], flag: string): string[] {
  return args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []))
}

describe('qemuCommand', () => {
  it('x86_64: ttyS0 to the log file, the channel a virtio-serial port on stdio', () => {
    const c = qemuCommand({ ...base, arch: 'x86_64', accel: 'tcg' })
    expect(c.command).toBe('qemu-system-x86_64')
    expect(c.package).toBe('qemu-system-x86')
    expect(c.args).toEqual(expect.arrayContaining(['-nodefaults', '-no-reboot', '-display', 'none']))
    expect(values(c.args, '-machine')).toEqual(['pc,accel=tcg'])
    expect(values(c.args, '-chardev')).toEqual([
      'file,id=console,path=/tmp/a,,b/console.log',
      'stdio,id=channel,signal=off',
    ])
    expect(values(c.args, '-serial')).toEqual(['chardev:console'])
    expect(values(c.args, '-device')).toEqual(['virtio-serial-pci', 'virtserialport,chardev=channel,nr=1,name=watchq'])
    expect(values(c.args, '-append')).toEqual([kernelCommandLine('x86_64')])
    expect(c.args).not.toContain('-monitor')
    expect(c.args).not.toContain('-nographic')
  })

  it('s390x: the SCLP console to the log file, a virtio-serial port over CCW on stdio', () => {
    const c = qemuCommand({ ...base, arch: 's390x', accel: 'tcg', memoryMb: 512, append: 'X=1' })
    expect(c.command).toBe('qemu-system-s390x')
    expect(c.package).toBe('qemu-system-misc')
    expect(values(c.args, '-machine')).toEqual(['s390-ccw-virtio,accel=tcg'])
    expect(values(c.args, '-m')).toEqual(['512'])
    expect(values(c.args, '-device')).toEqual([
      'sclpconsole,chardev=console',
      'virtio-serial-ccw',
      'virtserialport,chardev=channel,nr=1,name=watchq',
    ])
    expect(values(c.args, '-append')[0]).toMatch(/^console=ttysclp0 .* X=1$/)
  })

  it.each([
    ['aarch64', 'qemu-system-aarch64', 'qemu-system-arm', 'virt,accel=tcg', 'cortex-a57', 'ttyAMA0'],
    [
      'ppc64',
      'qemu-system-ppc64',
      'qemu-system-ppc',
      'pseries,accel=tcg,x-vof=on,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off',
      undefined,
      'hvc0',
    ],
    ['mips', 'qemu-system-mips', 'qemu-system-mips', 'malta,accel=tcg', '24Kf', 'ttyS0'],
    ['riscv64', 'qemu-system-riscv64', 'qemu-system-misc', 'virt,accel=tcg', undefined, 'ttyS0'],
  ] as const)(
    '%s: TCG only, the first serial to the log file, a virtio-serial port on PCI on stdio',
    (arch, command, pkg, machine, cpu, console) => {
      // Even when KVM is asked for: these machines and CPU models are TCG's.
      const c = qemuCommand({ ...base, arch, accel: chooseAccel(arch, 'kvm') })
      expect(c.command).toBe(command)
      expect(c.package).toBe(pkg)
      expect(values(c.args, '-machine')).toEqual([machine])
      expect(values(c.args, '-cpu')).toEqual(cpu === undefined ? [] : [cpu])
      expect(values(c.args, '-serial')).toEqual(['chardev:console'])
      expect(values(c.args, '-device')).toEqual([
        'virtio-serial-pci',
        'virtserialport,chardev=channel,nr=1,name=watchq',
      ])
      expect(values(c.args, '-append')[0]).toMatch(new RegExp(`^console=${console} watchq.channel=/dev/vport0p1 `))
      expect(c.channel).toBe('/dev/vport0p1')
    },
  )

  it('tells init the channel twice and makes a panic end QEMU', () => {
    const line = kernelCommandLine('x86_64', ' WATCHQ_TEST_MODE=hang ')
    expect(line.split(' ')).toEqual([
      'console=ttyS0',
      'watchq.channel=/dev/vport0p1',
      'WATCHQ_CHANNEL=/dev/vport0p1',
      'panic=-1',
      'WATCHQ_TEST_MODE=hang',
    ])
    expect(JSON.parse(READY_LINE)).toEqual({ watchq: 'ready' })
  })

  it('uses TCG for a foreign arch, and what it is told', () => {
    expect(chooseAccel(process.arch === 's390x' ? 'x86_64' : 's390x')).toBe('tcg')
    expect(chooseAccel('x86_64', 'tcg')).toBe('tcg')
    expect(chooseAccel('s390x', 'kvm')).toBe('kvm')
    for (const arch of ['aarch64', 'ppc64', 'mips', 'riscv64'] as const) expect(chooseAccel(arch)).toBe('tcg')
  })
})
