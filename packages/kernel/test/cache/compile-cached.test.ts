// Compiling once per content: a second request is a cache hit, other content is another entry, and
// a compiler error names what was built and carries the compiler's complaint.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileCached, contentHash } from '../../src/cache/compile-cached.js'
import { ensureCompiler } from '../../src/toolchain/compiler.js'

const program = (text: string) => {
  const files = [{ path: 'src/hello.c', text }]
  return { files, hash: contentHash(files, 'gcc') }
}

describe('compileCached', () => {
  it('builds once, then finds the binary; other content is another entry', async () => {
    await ensureCompiler('gcc', ['gcc', 'libc6-dev'], () => {})
    const cacheDir = mkdtempSync(join(tmpdir(), 'watchq-cc-'))
    const built: string[] = []
    const make = (text: string) => {
      const { files, hash } = program(text)
      return compileCached({
        cacheDir,
        entry: hash,
        binary: 'hello',
        files,
        cc: 'gcc',
        args: ['-o', 'hello', 'src/hello.c'],
        what: 'hello',
        onProgress: (l) => built.push(l),
      })
    }
    const a = await make('#include <stdio.h>\nint main(void) { puts("one"); return 0; }\n')
    expect(execFileSync(a, { encoding: 'utf8' })).toBe('one\n')
    expect(await make('#include <stdio.h>\nint main(void) { puts("one"); return 0; }\n')).toBe(a)
    const b = await make('#include <stdio.h>\nint main(void) { puts("two"); return 0; }\n')
    expect(b).not.toBe(a)
    expect(execFileSync(b, { encoding: 'utf8' })).toBe('two\n')
    expect(built).toEqual(['building hello', 'building hello'])
  })

  it('a compile error names the build and quotes the compiler', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'watchq-cc-'))
    const { files, hash } = program('int main(void) { return nope; }\n')
    await expect(
      compileCached({
        cacheDir,
        entry: hash,
        binary: 'bad',
        files,
        cc: 'gcc',
        args: ['-o', 'bad', 'src/hello.c'],
        what: 'the bad one',
        onProgress: () => {},
      }),
    ).rejects.toThrow(/compiling the bad one failed:\n[\s\S]*nope. undeclared/)
  })
})
