// `watchq agent`: writes the static agent of an arch where -o says and prints the path; usage
// errors are one line with exit 2. The aarch64 build is cached (the kernel package's arch tests
// build it too); a cold machine installs gcc-aarch64-linux-gnu first.
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../support/run.js'

const dir = mkdtempSync(join(tmpdir(), 'watchq-agent-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('watchq agent', () => {
  it('writes the aarch64 agent, executable, and prints its path', async () => {
    const out = join(dir, 'agent-aarch64')
    const r = await run(['agent', '--arch', 'aarch64', '-o', out])
    expect(r.err).not.toMatch(/\n\s+at /) // progress lines, never a stack
    expect(r.code).toBe(0)
    expect(r.out).toBe(`${out}\n`)
    accessSync(out, constants.X_OK)
    expect(statSync(out).mode & 0o777).toBe(0o755)
    const elf = readFileSync(out).subarray(0, 20)
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF')
    expect(elf.readUInt16LE(18)).toBe(183) // EM_AARCH64
    // Again over the file it wrote: replaced, same bytes (the cached build).
    const again = await run(['agent', '--arch', 'arm64', '--output', out])
    expect(again.code).toBe(0)
    expect(again.out).toBe(`${out}\n`)
  }, 600_000)

  it.each([
    [
      ['agent', '--arch', 'vax'],
      'watchq: unknown --arch "vax"; expected one of x86_64, i386, aarch64, s390x, ppc64, mips, riscv64',
    ],
    [['agent', 'aarch64'], 'watchq: agent takes no arguments, got: aarch64'],
    [['agent', '--arch', 'mips', '-o', ''], 'watchq: -o needs a file name'],
    [['agent', '--bogus'], undefined],
  ])('usage error on one line, exit 2: %j', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.trimEnd().split('\n')).toHaveLength(1)
    if (message) expect(r.err).toBe(`${message}\n`)
  })

  it('reports a file it cannot write on one line, exit 1', async () => {
    const r = await run(['agent', '--arch', 'aarch64', '-o', join(dir, 'missing', 'dir', 'agent')])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err.trimEnd().split('\n').at(-1)).toMatch(/^watchq agent: cannot write .*missing\/dir\/agent: ENOENT/)
  }, 600_000)

  it('reports a compiler that cannot be installed on one line, exit 1', async () => {
    // Nothing on PATH: no cross compiler, and no apt-get to install one with.
    const path = process.env['PATH']
    process.env['PATH'] = join(dir, 'no-such-bin')
    try {
      const r = await run(['agent', '--arch', 'riscv64', '-o', join(dir, 'agent-riscv64')])
      expect(r.code).toBe(1)
      expect(r.out).toBe('')
      const last = r.err.trimEnd().split('\n').at(-1)
      expect(last).toMatch(/^watchq agent: cannot install the compiler for the riscv64 agent: .*gcc-riscv64-linux-gnu/)
      expect(last).toContain('libc6-dev-riscv64-cross')
    } finally {
      process.env['PATH'] = path
    }
  })

  it('has --help: what the agent is, how to run it under an emulator, the arches, the exit codes', async () => {
    const r = await run(['agent', '--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Usage: watchq agent [options]')
    expect(r.out).toMatch(/--arch <ARCH>/)
    expect(r.out).toMatch(/-o, --output <FILE>/)
    expect(r.out).toContain('watchq run --impl cmd:"qemu-aarch64 ./watchq-agent-aarch64"')
    expect(r.out).toContain('cmd:"my-emulator ./agent"')
    for (const arch of ['x86_64', 'i386', 'aarch64', 's390x', 'ppc64', 'mips', 'riscv64'])
      expect(r.out).toMatch(new RegExp(`^  ${arch} `, 'm'))
    expect(r.out).toContain('Exit codes: 0 written, 1 the build failed')
  })

  it('is listed in watchq --help', async () => {
    expect((await run(['--help'])).out).toMatch(/^ {2}agent +Build the static kernel agent/m)
  })
})
