// Compiles a C translation unit for one arch and reads named data sections back out of the
// object file. Missing compilers are installed (scripts/install-toolchain.sh); never skipped.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ABIS, type LayoutArch } from '../../src/index.js'

export interface Toolchain {
  readonly cc: string
  readonly objcopy: string
  /** Directory of that arch's UAPI headers (linux-libc-dev or its -cross package). */
  readonly uapi: string
}

export const TOOLCHAINS: Readonly<Record<LayoutArch, Toolchain>> = {
  x86_64: { cc: 'gcc', objcopy: 'objcopy', uapi: '/usr/include' },
  i386: { cc: 'i686-linux-gnu-gcc', objcopy: 'i686-linux-gnu-objcopy', uapi: '/usr/i686-linux-gnu/include' },
  s390x: { cc: 's390x-linux-gnu-gcc', objcopy: 's390x-linux-gnu-objcopy', uapi: '/usr/s390x-linux-gnu/include' },
}

const INSTALL = resolve(import.meta.dirname, '../../scripts/install-toolchain.sh')

const have = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

let ensured = false
/** Installs the cross toolchains when one is missing; throws (fails the test) if that is impossible. */
export function ensureToolchains(): void {
  if (ensured) return
  const crossHeaders = ['alpha', 'aarch64', 'hppa', 'mips', 'powerpc', 'sparc64'].map(
    (t) => `/usr/${t}-linux-gnu/include`,
  )
  const missing =
    Object.values(TOOLCHAINS).some((t) => !have(t.cc) || !have(t.objcopy)) ||
    crossHeaders.some((d) => !existsSync(`${d}/linux/watch_queue.h`))
  if (missing) execFileSync('bash', [INSTALL], { stdio: ['ignore', 'inherit', 'inherit'] })
  for (const t of Object.values(TOOLCHAINS)) {
    if (!have(t.cc)) throw new Error(`${t.cc} is still missing after ${INSTALL}`)
  }
  ensured = true
}

export interface Compiled {
  /** The u64 array from section .watchq_facts, in the arch's byte order. */
  readonly facts: bigint[]
  /** Raw bytes of section .watchq_bits (empty if absent). */
  readonly bits: Uint8Array
}

/** Compiles `source` for `arch` with extra include dirs, and extracts the two data sections. */
export function compileFacts(arch: LayoutArch, source: string, includeDirs: string[] = [], cc?: string[]): Compiled {
  const t = TOOLCHAINS[arch]
  const dir = mkdtempSync(join(tmpdir(), `watchq-gcc-${arch}-`))
  try {
    const c = join(dir, 'facts.c')
    const o = join(dir, 'facts.o')
    writeFileSync(c, source)
    const args = ['-std=gnu11', '-O0', '-c', c, '-o', o, ...includeDirs.flatMap((d) => ['-I', d])]
    try {
      execFileSync(cc?.[0] ?? t.cc, [...(cc?.slice(1) ?? []), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    } catch (e) {
      const err = e as { stderr?: Buffer }
      throw new Error(`${t.cc} failed for ${arch}:\n${err.stderr?.toString() ?? e}\n--- source ---\n${source}`)
    }
    const section = (name: string) => {
      const out = join(dir, `${name}.bin`)
      execFileSync(t.objcopy, ['-O', 'binary', '-j', name, o, out])
      return new Uint8Array(readFileSync(out))
    }
    const raw = section('.watchq_facts')
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
    const little = ABIS[arch].endian === 'little'
    const facts = Array.from({ length: raw.byteLength / 8 }, (_, i) => view.getBigUint64(i * 8, little))
    return { facts, bits: section('.watchq_bits') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
