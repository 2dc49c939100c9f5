// The ELF reader that finds what a program needs in the guest, held against binutils' readelf on
// real binaries: this machine's programs, the static agent, and (with the cross compilers the
// spec's toolchain installs) a big-endian s390x and a 32-bit i686 program.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ElfError, elfNeeds } from '../../src/vm/elf.js'
import { hostAgent } from '../agent/harness.js'

/** What readelf says: the interpreter and the NEEDED entries. */
function readelf(file: string): { interpreter?: string; needed: string[] } {
  const segments = execFileSync('readelf', ['-l', '-W', file], { encoding: 'utf8' })
  const dynamic = execFileSync('readelf', ['-d', '-W', file], { encoding: 'utf8' })
  const interpreter = /Requesting program interpreter: ([^\]]+)\]/.exec(segments)?.[1]
  const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]!)
  return interpreter ? { interpreter, needed } : { needed }
}

const onPath = (cc: string) => {
  try {
    execFileSync('which', [cc], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const dir = mkdtempSync(join(tmpdir(), 'watchq-elf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('elfNeeds', () => {
  const programs = ['/usr/bin/ls', '/usr/bin/true', process.execPath, '/usr/lib/x86_64-linux-gnu/libselinux.so.1']
  it.each(programs.filter((f) => existsSync(f)))('agrees with readelf on %s', (file) => {
    const mine = elfNeeds(readFileSync(file))
    expect(mine).toEqual(readelf(file))
    expect(mine.needed.length).toBeGreaterThan(0)
  })

  it('finds nothing in the static agent', async () => {
    expect(elfNeeds(readFileSync(await hostAgent()))).toEqual({ needed: [] })
  }, 120_000)

  // The cross compilers come with packages/spec/scripts/install-toolchain.sh (npm test).
  const cross = [
    ['s390x-linux-gnu-gcc', 'big-endian 64-bit', 2, 2],
    ['i686-linux-gnu-gcc', 'little-endian 32-bit', 1, 1],
  ] as const
  for (const [cc, what, elfClass, elfData] of cross) {
    it.skipIf(!onPath(cc))(`reads a program of ${cc} (${what}) as readelf does`, () => {
      const src = join(dir, 'hello.c')
      writeFileSync(src, '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n')
      const out = join(dir, `hello-${cc}`)
      execFileSync(cc, ['-o', out, src])
      const bytes = readFileSync(out)
      expect([bytes[4], bytes[5]]).toEqual([elfClass, elfData])
      const mine = elfNeeds(bytes)
      expect(mine).toEqual(readelf(out))
      expect(mine.interpreter).toMatch(/^\/lib/)
      expect(mine.needed).toContain('libc.so.6')
    })
  }

  it('refuses what is not ELF, and a truncated file', () => {
    expect(() => elfNeeds(Buffer.from('#!/bin/sh\necho not elf, but long enough to have a header ......\n'))).toThrow(
      ElfError,
    )
    const ls = readFileSync('/usr/bin/ls')
    expect(() => elfNeeds(ls.subarray(0, 100))).toThrow(/truncated/)
  })
})
