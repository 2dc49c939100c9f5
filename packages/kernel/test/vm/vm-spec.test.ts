// `--impl vm:…`: which kernel to build, or which image to boot and for which architecture.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostArch } from '../../src/vm/kernel-image.js'
import { parseVmSpec } from '../../src/vm/vm-spec.js'

describe('parseVmSpec', () => {
  it('names a kernel to build, for the host arch unless told', () => {
    const host = hostArch() ?? 'x86_64'
    expect(parseVmSpec('vm:6.12')).toEqual({ kind: 'build', version: '6.12', arch: host, guest: host })
    expect(parseVmSpec('vm:6.1')).toEqual({ kind: 'build', version: '6.1', arch: host, guest: host })
    expect(parseVmSpec('vm:6.1', { arch: 's390x' })).toEqual({
      kind: 'build',
      version: '6.1',
      arch: 's390x',
      guest: 's390x',
    })
    expect(parseVmSpec('vm:s390x-6.1')).toEqual({ kind: 'build', version: '6.1', arch: 's390x', guest: 's390x' })
    expect(parseVmSpec('vm:x86_64-6.12')).toEqual({ kind: 'build', version: '6.12', arch: 'x86_64', guest: 'x86_64' })
    expect(parseVmSpec('vm:x86_64-6.12', { arch: 'x86_64' })).toEqual({
      kind: 'build',
      version: '6.12',
      arch: 'x86_64',
      guest: 'x86_64',
    })
  })

  it('names the kernels of the TCG-only arches, which run only their own agent', () => {
    for (const arch of ['aarch64', 'ppc64', 'mips', 'riscv64'] as const) {
      expect(parseVmSpec(`vm:${arch}-6.12`)).toEqual({ kind: 'build', version: '6.12', arch, guest: arch })
      expect(() => parseVmSpec(`vm:${arch}-6.12/i386`)).toThrow(
        `no guest "i386" on ${arch} (it runs only its own agent)`,
      )
    }
    expect(() => parseVmSpec('vm:ppc64le-6.12')).toThrow(/unknown architecture "ppc64le"/)
  })

  it('names a guest the kernel runs natively after a slash: the i386 agent on x86_64', () => {
    expect(parseVmSpec('vm:x86_64-6.12/i386')).toEqual({
      kind: 'build',
      version: '6.12',
      arch: 'x86_64',
      guest: 'i386',
    })
    expect(parseVmSpec('vm:6.1/i386', { arch: 'x86_64' })).toEqual({
      kind: 'build',
      version: '6.1',
      arch: 'x86_64',
      guest: 'i386',
    })
    expect(() => parseVmSpec('vm:s390x-6.1/i386')).toThrow(/no guest "i386" on s390x \(it runs only its own agent\)/)
    expect(() => parseVmSpec('vm:x86_64-6.12/aarch64')).toThrow(
      /no guest "aarch64" on x86_64 \(known: i386, qemu-x86_64, qemu-i386, qemu-aarch64, qemu-s390x\)/,
    )
  })

  it('names an agent under qemu-user in the VM: same arch, 32-bit, foreign little- and big-endian', () => {
    expect(parseVmSpec('vm:6.12/qemu-s390x', { arch: 'x86_64' })).toEqual({
      kind: 'build',
      version: '6.12',
      arch: 'x86_64',
      guest: 's390x',
      emulator: 'qemu-user',
    })
    for (const [name, agent] of [
      ['qemu-x86_64', 'x86_64'],
      ['qemu-i386', 'i386'],
      ['qemu-aarch64', 'aarch64'],
    ] as const) {
      expect(parseVmSpec(`vm:x86_64-6.1/${name}`)).toMatchObject({
        arch: 'x86_64',
        guest: agent,
        emulator: 'qemu-user',
      })
    }
    expect(parseVmSpec('vm:x86_64-6.12/i386')).not.toHaveProperty('emulator')
    expect(() => parseVmSpec('vm:s390x-6.1/qemu-x86_64')).toThrow(/no guest "qemu-x86_64" on s390x/)
    expect(() => parseVmSpec('vm:x86_64-6.12/qemu-mips')).toThrow(/no guest "qemu-mips" on x86_64/)
  })

  it('rejects versions and arches it cannot build, and contradictions', () => {
    expect(() => parseVmSpec('vm:6.6')).toThrow(/no kernel version 6\.6 \(known: 5\.10, 6\.1, 6\.12, 7\.2\)/)
    expect(() => parseVmSpec('vm:arm64-6.1')).toThrow(/unknown architecture "arm64"/)
    expect(() => parseVmSpec('vm:s390x-6.1', { arch: 'x86_64' })).toThrow(/names s390x but --arch is x86_64/)
    expect(() => parseVmSpec('vm:6.1', { arch: 'sparc64' })).toThrow(/unknown architecture "sparc64" \(--arch\)/)
    expect(() => parseVmSpec('vm:')).toThrow(/nothing after vm:/)
    expect(() => parseVmSpec('6.12')).toThrow(/does not start with vm:/)
  })

  it('names an image by path, its arch from --arch or from the metadata next to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-vm-spec-'))
    const image = join(dir, 'bzImage')
    writeFileSync(image, 'not a kernel')
    expect(() => parseVmSpec(`vm:${image}`)).toThrow(/cannot tell the architecture .*pass --arch/)
    expect(parseVmSpec(`vm:${image}`, { arch: 's390x' })).toEqual({
      kind: 'image',
      path: image,
      arch: 's390x',
      guest: 's390x',
    })

    const metadata = {
      release: '6.1.192',
      version: '6.1',
      arch: 's390x',
      configHash: 'abc',
      buildSeconds: 1,
      debianPackage: 'linux-source-6.1',
      debianVersion: '6.1.192-2',
      builtAt: '2026-01-01T00:00:00.000Z',
    }
    writeFileSync(join(dir, 'kernel.json'), JSON.stringify(metadata))
    expect(parseVmSpec(`vm:${image}`)).toEqual({ kind: 'image', path: image, arch: 's390x', metadata, guest: 's390x' })
    expect(() => parseVmSpec(`vm:${image}/i386`)).toThrow(/no guest "i386" on s390x/)
    expect(() => parseVmSpec(`vm:${image}`, { arch: 'x86_64' })).toThrow(/says s390x but --arch is x86_64/)
    rmSync(dir, { recursive: true, force: true })
  })

  it('says when the image does not exist', () => {
    expect(() => parseVmSpec('vm:/nonexistent/bzImage')).toThrow(/no kernel image at \/nonexistent\/bzImage/)
    // A version-like name is a version, never a path.
    expect(() => parseVmSpec('vm:./6.12')).toThrow(/no kernel image/)
  })
})
