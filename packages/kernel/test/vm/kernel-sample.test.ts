// The kernel sample's build, on a stand-in of our own for watch_test.c in a tiny linux-source
// tarball: the file is extracted once per tarball, compiled static with the agent's compiler, and
// its stdout is line-buffered (a line printed just before _exit, which flushes nothing, still comes
// out of a pipe). The real sample of each kernel runs in the kernel tier
// (packages/conformance/test/kernel/sample.kernel.test.ts).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { elfNeeds } from '../../src/vm/elf.js'
import { buildKernelSampleFrom, KERNEL_SAMPLE_GUEST_PATH, KERNEL_SAMPLE_MEMBER } from '../../src/vm/kernel-sample.js'
import type { KernelSource } from '../../src/vm/kernel-source.js'

const STAND_IN = `#include <stdio.h>
#include <unistd.h>
int main(void)
{
	printf("one\\n");
	printf("two\\n");
	_exit(3);
}
`

describe.runIf(process.arch === 'x64')('buildKernelSampleFrom', { timeout: 60_000 }, () => {
  let dir: string
  let source: KernelSource
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'watchq-sample-'))
    const tree = join(dir, 'tree', 'linux-source-9.9', 'samples', 'watch_queue')
    mkdirSync(tree, { recursive: true })
    writeFileSync(join(tree, 'watch_test.c'), STAND_IN)
    const tarball = join(dir, 'linux-source-9.9.tar.xz')
    spawnSync('tar', ['-cJf', tarball, '-C', join(dir, 'tree'), 'linux-source-9.9'])
    source = { package: 'linux-source-9.9', debianVersion: '9.9-1', tarball, topDir: 'linux-source-9.9' }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('extracts the sample once, builds it static, and its stdout is line-buffered', async () => {
    const progress: string[] = []
    const cacheDir = join(dir, 'cache')
    const sample = await buildKernelSampleFrom(source, {
      arch: 'x86_64',
      cacheDir,
      onProgress: (l) => progress.push(l),
    })
    expect(progress[0]).toBe(`extracting linux-source-9.9/${KERNEL_SAMPLE_MEMBER} from ${source.tarball}`)
    expect(progress[1]).toMatch(
      /^building samples\/watch_queue\/watch_test\.c of linux-source-9\.9 9\.9-1 for x86_64 with /,
    )
    const file = sample.files[0]!
    expect(file.path).toBe(KERNEL_SAMPLE_GUEST_PATH)
    expect(elfNeeds('data' in file ? file.data : new Uint8Array()).interpreter).toBeUndefined()
    const run = spawnSync(sample.binary, { encoding: 'utf8' })
    expect([run.status, run.stdout]).toEqual([3, 'one\ntwo\n'])
    progress.length = 0
    const again = await buildKernelSampleFrom(source, { arch: 'x86_64', cacheDir, onProgress: (l) => progress.push(l) })
    expect(again.binary).toBe(sample.binary)
    expect(progress).toEqual([])
  })

  it('says what it could not extract', async () => {
    const other = { ...source, topDir: 'linux-source-0.1' }
    await expect(buildKernelSampleFrom(other, { arch: 'x86_64', cacheDir: join(dir, 'cache2') })).rejects.toThrow(
      /^tar could not extract linux-source-0\.1\/samples\/watch_queue\/watch_test\.c from .*linux-source-9\.9\.tar\.xz \(exit 2\)/,
    )
  })
})
