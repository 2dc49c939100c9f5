// qemu-user guests: their names and the binary each needs. Fetching qemu-user-static and booting
// with it (qemu as /init, the agent its program) is the kernel tier's: conformance's
// suite.kernel.test.ts runs every committed result of a qemu-user guest again.
import { describe, expect, it } from 'vitest'
import { AGENT_TARGETS } from '../../src/agent/build.js'
import { QEMU_USER_AGENTS, qemuUserBinary, qemuUserGuestName, qemuUserInit } from '../../src/vm/qemu-user.js'

describe('qemu-user guests', () => {
  it('are named after qemu, and each names the static binary Debian installs', () => {
    expect(QEMU_USER_AGENTS.x86_64.map(qemuUserGuestName)).toEqual([
      'qemu-x86_64',
      'qemu-i386',
      'qemu-aarch64',
      'qemu-s390x',
    ])
    expect(qemuUserBinary('s390x')).toBe('/usr/bin/qemu-s390x-static')
    expect(qemuUserBinary('i386')).toBe('/usr/bin/qemu-i386-static')
    // Both byte orders and both word sizes are among them.
    const targets = QEMU_USER_AGENTS.x86_64.map((a) => AGENT_TARGETS[a])
    expect(new Set(targets.map((t) => t.endian))).toEqual(new Set(['little', 'big']))
    expect(new Set(targets.map((t) => t.bits))).toEqual(new Set([32, 64]))
  })

  it('refuses an agent the VM cannot run under qemu-user before fetching anything', async () => {
    await expect(qemuUserInit('s390x', 'x86_64', '/nonexistent')).rejects.toThrow(
      /no qemu-user for x86_64 agents in a s390x VM/,
    )
    await expect(qemuUserInit('x86_64', 'mips', '/nonexistent')).rejects.toThrow(/known: x86_64, i386, aarch64, s390x/)
    // The TCG-only VM arches run no qemu-user guests: an emulator inside an emulator.
    for (const vm of ['aarch64', 'ppc64', 'mips', 'riscv64'] as const) expect(QEMU_USER_AGENTS[vm]).toEqual([])
  })
})
