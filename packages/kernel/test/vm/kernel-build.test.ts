// What each arch's build makes and boots: the image QEMU loads for that machine.
import { describe, expect, it } from 'vitest'
import { IMAGE_FILES } from '../../src/vm/kernel-build.js'
import { VM_ARCHES } from '../../src/vm/kernel-image.js'

describe('IMAGE_FILES', () => {
  it('names the image each machine boots: bzImage, the raw Image of arm64 and riscv, ELF vmlinux elsewhere', () => {
    expect(Object.keys(IMAGE_FILES).sort()).toEqual([...VM_ARCHES].sort())
    expect(IMAGE_FILES).toEqual({
      x86_64: 'bzImage',
      s390x: 'bzImage',
      aarch64: 'Image',
      ppc64: 'vmlinux',
      mips: 'vmlinux',
      riscv64: 'Image',
    })
  })
})
