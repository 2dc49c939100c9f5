// Compiles the tiny test /init (fixtures/test-init.c) as a static binary for a guest arch.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { agentCompiler, agentCompilerPackages } from '../../../src/agent/build.js'
import { ensurePackages } from '../../../src/debian/apt.js'
import { hostArch, type VmArch } from '../../../src/vm/kernel-image.js'

const SOURCE = fileURLToPath(new URL('../fixtures/test-init.c', import.meta.url))

/** The compiler for `arch` and the Debian packages that bring it (with a static libc): the agent's own. */
function toolchain(arch: VmArch): { cc: string; packages: string[] } {
  if (arch === hostArch()) return { cc: 'gcc', packages: ['gcc', 'libc6-dev'] }
  return { cc: agentCompiler(arch), packages: agentCompilerPackages(arch) }
}

export async function buildTestInit(arch: VmArch): Promise<string> {
  const { cc, packages } = toolchain(arch)
  await ensurePackages(packages)
  const out = join(mkdtempSync(join(tmpdir(), 'watchq-test-init-')), `init-${arch}`)
  execFileSync(cc, ['-static', '-O2', '-Wall', '-Werror', '-o', out, SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return out
}
