// `watchq kernel`: usage errors, and `list` reading the metadata of cached kernels (a fake cache
// here; real builds belong to the kernel tier).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { run } from '../support/run.js'

const saved = process.env['XDG_CACHE_HOME']
afterEach(() => {
  if (saved === undefined) delete process.env['XDG_CACHE_HOME']
  else process.env['XDG_CACHE_HOME'] = saved
})

describe('watchq kernel', () => {
  it('lists cached kernels from their metadata', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'watchq-kcache-'))
    process.env['XDG_CACHE_HOME'] = cache
    expect((await run(['kernel', 'list'])).out).toContain(`no kernels in ${join(cache, 'watchq/kernels')} yet`)
    const dir = join(cache, 'watchq/kernels/6.1-s390x-0123456789ab')
    mkdirSync(dir, { recursive: true })
    const meta = {
      release: '6.1.192',
      version: '6.1',
      arch: 's390x',
      configHash: '0123456789ab',
      buildSeconds: 190,
      debianPackage: 'linux-source-6.1',
      debianVersion: '6.1.192-2',
      builtAt: '2026-11-22T22:00:00Z',
    }
    writeFileSync(join(dir, 'kernel.json'), JSON.stringify(meta))
    const r = await run(['kernel', 'list'])
    expect(r.code).toBe(0)
    expect(r.out).toBe('6.1   s390x   6.1.192          0123456789ab  built in 190s (linux-source-6.1 6.1.192-2)\n')
  })

  it.each([
    [['kernel', 'build'], 'missing required argument "version"; see "watchq kernel build --help"'],
    [['kernel', 'build', '5.4'], 'kernel build needs one version: 5.10 or 6.1 or 6.12 or 7.2'],
    [
      ['kernel', 'build', '6.1', '--arch', 'arm64'],
      '--arch must be x86_64, s390x, aarch64, ppc64, mips or riscv64, not "arm64"',
    ],
    [['kernel', 'make'], 'unknown command "make"; see "watchq kernel --help"'],
  ])('usage error: %j', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  it('has --help', async () => {
    const r = await run(['kernel', '--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Usage: watchq kernel [options] [command]')
    expect(r.out).toMatch(/^ {2}build <version> +Build/m)
    const build = await run(['kernel', 'build', '--help'])
    expect(build.out).toContain('Usage: watchq kernel build [options] <version>')
    expect(build.out).toContain('The kernel series (5.10 or 6.1 or 6.12 or 7.2)')
    expect(build.out.replace(/\s+/g, ' ')).toContain(
      '(choices: "x86_64", "s390x", "aarch64", "ppc64", "mips", "riscv64", default: "x86_64")',
    )
  })
})
