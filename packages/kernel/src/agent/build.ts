// Builds the kernel agent (agent/*.c) into a static binary for any of AGENT_ARCHES, with the host's
// gcc on the host's own arch and Debian's cross compilers (gcc-<triple>, libc6-dev-<arch>-cross)
// elsewhere, installed through ensurePackages when missing. What it needs of the interface comes
// from the spec, generated next to the sources at build time: watchq-uapi.h (the mainline
// revision's constants and structs), watchq-arch.h (the spec's values of every constant on the
// target arch, asserted at compile time against what the toolchain's UAPI headers make of
// watchq-uapi.h) and watchq-ops.h (every op and what it binds). Binaries are cached by a hash of
// everything that goes into them.
import { endianness } from 'node:os'
import { join } from 'node:path'
import {
  type ConstantArch,
  cHeader,
  type Endian,
  FILE_STATUS_FLAGS,
  OPS,
  PROGRAM_SIGNALS,
  type Revision,
  revision,
  valueOn,
} from '@watchq/spec'
import { cacheRoot } from '../cache/cache.js'
import { compileCached, contentHash } from '../cache/compile-cached.js'
import { ensurePackages } from '../debian/apt.js'
import { cSources, packageDir } from '../package-dir.js'
import { exec } from '../process/exec.js'
import { compilerId } from '../toolchain/compiler.js'
import { VERSION } from '../version.js'

export const AGENT_ARCHES = ['x86_64', 'i386', 'aarch64', 's390x', 'ppc64', 'mips', 'riscv64'] as const
export type AgentArch = (typeof AGENT_ARCHES)[number]

/** What building for and running on one arch takes, and what its binary looks like. */
export interface AgentTarget {
  readonly arch: AgentArch
  /** The GNU triple of Debian's cross compiler (`<triple>-gcc`). */
  readonly triple: string
  /** Debian's name of the arch (libc6-dev-<debian>-cross, `--arch` also takes it). */
  readonly debian: string
  /** Which entry of the spec's per-arch constant tables applies. */
  readonly constants: ConstantArch
  /** ELF e_machine (EM_*), class and byte order of the binary. */
  readonly elfMachine: number
  readonly bits: 32 | 64
  readonly endian: Endian
  /** What `uname -m` says there (hello's `arch`) under qemu-user and on a kernel of that arch. */
  readonly uname: string
  /** The qemu-user binary that runs it on another arch: qemu-<qemu> (Debian: qemu-<qemu>-static). */
  readonly qemu: string
  /** Node's process.arch on that machine. */
  readonly node: string
}

export const AGENT_TARGETS: Readonly<Record<AgentArch, AgentTarget>> = {
  x86_64: {
    arch: 'x86_64',
    triple: 'x86_64-linux-gnu',
    debian: 'amd64',
    constants: 'generic',
    elfMachine: 62,
    bits: 64,
    endian: 'little',
    uname: 'x86_64',
    qemu: 'x86_64',
    node: 'x64',
  },
  i386: {
    arch: 'i386',
    triple: 'i686-linux-gnu',
    debian: 'i386',
    constants: 'generic',
    elfMachine: 3,
    bits: 32,
    endian: 'little',
    uname: 'i686',
    qemu: 'i386',
    node: 'ia32',
  },
  aarch64: {
    arch: 'aarch64',
    triple: 'aarch64-linux-gnu',
    debian: 'arm64',
    constants: 'arm',
    elfMachine: 183,
    bits: 64,
    endian: 'little',
    uname: 'aarch64',
    qemu: 'aarch64',
    node: 'arm64',
  },
  s390x: {
    arch: 's390x',
    triple: 's390x-linux-gnu',
    debian: 's390x',
    constants: 'generic',
    elfMachine: 22,
    bits: 64,
    endian: 'big',
    uname: 's390x',
    qemu: 's390x',
    node: 's390x',
  },
  // Big-endian 64-bit PowerPC, ELFv1 as Debian's powerpc64-linux-gnu-gcc emits it.
  ppc64: {
    arch: 'ppc64',
    triple: 'powerpc64-linux-gnu',
    debian: 'ppc64',
    constants: 'powerpc',
    elfMachine: 21,
    bits: 64,
    endian: 'big',
    uname: 'ppc64',
    qemu: 'ppc64',
    node: 'ppc64',
  },
  // Big-endian 32-bit MIPS, o32.
  mips: {
    arch: 'mips',
    triple: 'mips-linux-gnu',
    debian: 'mips',
    constants: 'mips',
    elfMachine: 8,
    bits: 32,
    endian: 'big',
    uname: 'mips',
    qemu: 'mips',
    node: 'mips',
  },
  riscv64: {
    arch: 'riscv64',
    triple: 'riscv64-linux-gnu',
    debian: 'riscv64',
    constants: 'generic',
    elfMachine: 243,
    bits: 64,
    endian: 'little',
    uname: 'riscv64',
    qemu: 'riscv64',
    node: 'riscv64',
  },
}

export function isAgentArch(name: string): name is AgentArch {
  return (AGENT_ARCHES as readonly string[]).includes(name)
}

/** An arch by our name, its `uname -m` or its Debian name (amd64, arm64, i686, …); undefined if none. */
export function parseAgentArch(name: string): AgentArch | undefined {
  if (isAgentArch(name)) return name
  return AGENT_ARCHES.find((a) => AGENT_TARGETS[a].uname === name || AGENT_TARGETS[a].debian === name)
}

/** The Debian packages of the compiler that builds the agent for `arch` on this machine. */
export function agentCompilerPackages(arch: AgentArch): string[] {
  if (hostAgentArch() === arch) return ['gcc', 'libc6-dev']
  const t = AGENT_TARGETS[arch]
  return [`gcc-${t.triple}`, `libc6-dev-${t.debian}-cross`]
}

export interface BuildAgentOptions {
  arch: AgentArch
  /** Where binaries are kept (default `${XDG_CACHE_HOME:-~/.cache}/watchq/agent`). */
  cacheDir?: string
  /** Progress lines: compiling, installing a cross compiler. */
  onProgress?: (line: string) => void
}

/** The spec revision the agent implements: its header is generated from this one. */
export const AGENT_REVISION = 'mainline'
export const AGENT_BINARY = 'watchq-agent'
export const AGENT_CFLAGS = ['-static', '-O2', '-Wall', '-Wextra', '-Werror', '-std=gnu11'] as const
/** Linked after the sources: libm for json.c's floor(), which gcc inlines on some arches only. */
export const AGENT_LIBS = ['-lm'] as const

/** The agent's arch for this machine's Node arch, or undefined when the agent does not build for it. */
export function hostAgentArch(): AgentArch | undefined {
  const host = endianness() === 'BE' ? 'big' : 'little'
  // Node's ppc64 is little-endian on Linux, and ppc64le is none of ours.
  return AGENT_ARCHES.find((a) => AGENT_TARGETS[a].node === process.arch && AGENT_TARGETS[a].endian === host)
}

export function defaultCacheDir(): string {
  return join(cacheRoot(), 'agent')
}

/** The agent's C sources: `agent/` of this package. */
export function agentSourceDir(): string {
  return join(packageDir(), 'agent')
}

/** watchq-ops.h: X-macros of every op in the spec's OPS with its bind kind, and of PROGRAM_SIGNALS. */
export function opsHeader(): string {
  const lines = [...OPS.values()].map((o) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(o.op)) throw new Error(`op name "${o.op}" is not a C identifier`)
    return `\tX(${o.op}, ${o.binds}) \\`
  })
  return [
    '/* SPDX-License-Identifier: MIT */',
    '/* Generated by buildAgent from OPS in @watchq/spec. Do not edit. */',
    '#ifndef WATCHQ_OPS_H',
    '#define WATCHQ_OPS_H',
    '',
    '/* X(name, binds) for every op a case can use; binds is none, ret (the return value) or fds. */',
    '#define WATCHQ_OPS(X) \\',
    ...lines,
    '',
    `#define WATCHQ_OP_COUNT ${OPS.size}`,
    '',
    '/* X(SIGNAL) for every signal a case may send to its programs (the kill op). */',
    '#define WATCHQ_PROGRAM_SIGNALS(X) \\',
    ...PROGRAM_SIGNALS.map((sig) => `\tX(${sig}) \\`),
    '',
    `#define WATCHQ_PROGRAM_SIGNAL_NAMES "${PROGRAM_SIGNALS.join(', ')}"`,
    '',
    '#endif',
    '',
  ].join('\n')
}

/** watchq-build.h: what the agent reports of itself in hello. */
export function buildHeader(rev: Revision): string {
  return [
    '/* SPDX-License-Identifier: MIT */',
    '/* Generated by buildAgent. Do not edit. */',
    '#ifndef WATCHQ_BUILD_H',
    '#define WATCHQ_BUILD_H',
    `#define WATCHQ_REVISION ${JSON.stringify(rev.id)}`,
    `#define WATCHQ_AGENT_VERSION ${JSON.stringify(VERSION)}`,
    '#endif',
    '',
  ].join('\n')
}

/** A C literal of `n` as an unsigned long long (how the compile-time checks compare). */
const ull = (n: number) => `0x${BigInt.asUintN(64, BigInt(n)).toString(16)}ULL`

/**
 * watchq-arch.h: the target arch, and the spec's value on it of every constant watchq-uapi.h has,
 * each a _Static_assert against the header's own expression (O_EXCL, _IO('W', 0x60), …) as the
 * target toolchain's UAPI headers evaluate it. A toolchain that disagrees with the spec fails the
 * build; so does a compiler for another ABI (word size, byte order).
 */
export function archHeader(rev: Revision, arch: AgentArch): string {
  const t = AGENT_TARGETS[arch]
  const checks = rev.constants
    .filter((c) => !c.kernelInternal)
    .map((c) => {
      const v = valueOn(c, t.constants)
      const what = `${c.name} on ${arch}: the spec says ${v < 0 ? v : `0x${(v >>> 0).toString(16)}`} (${t.constants})`
      return `_Static_assert((unsigned long long)(${c.name}) == ${ull(v)}, ${JSON.stringify(what)});`
    })
  // The file status flags fcntl(F_GETFL/F_SETFL) steps name: a table of the spec's values on the
  // arch for the agent, each asserted against the toolchain's <linux/fcntl.h>.
  const flags = FILE_STATUS_FLAGS.map((c) => ({ name: c.name, v: valueOn(c, t.constants) }))
  const flagChecks = flags.map(
    ({ name, v }) =>
      `_Static_assert((unsigned long long)(${name}) == ${ull(v)}, ${JSON.stringify(`${name} on ${arch}: the spec says 0x${v.toString(16)} (${t.constants})`)});`,
  )
  const order = t.endian === 'big' ? '__ORDER_BIG_ENDIAN__' : '__ORDER_LITTLE_ENDIAN__'
  return [
    '/* SPDX-License-Identifier: MIT */',
    `/* Generated by buildAgent for ${arch} from revision "${rev.id}" of @watchq/spec. Do not edit. */`,
    '#ifndef WATCHQ_ARCH_H',
    '#define WATCHQ_ARCH_H',
    '',
    '#include "watchq-uapi.h"',
    '',
    `#define WATCHQ_ARCH ${JSON.stringify(arch)}`,
    `#define WATCHQ_CONSTANT_ARCH ${JSON.stringify(t.constants)}`,
    '',
    `_Static_assert(__BYTE_ORDER__ == ${order}, "the compiler targets ${arch}: ${t.endian}-endian");`,
    `_Static_assert(__SIZEOF_POINTER__ == ${t.bits / 8}, "the compiler targets ${arch}: ${t.bits}-bit");`,
    '',
    `/* Every constant of the header as the spec states it on ${arch} (its "${t.constants}" values). */`,
    ...checks,
    '',
    `/* File status flags (fcntl F_GETFL/F_SETFL) as the spec states them on ${arch}: X(name, value). */`,
    `#define WATCHQ_FILE_FLAGS(X) ${flags.map(({ name, v }) => `X(${name}, 0x${v.toString(16)})`).join(' ')}`,
    ...flagChecks,
    '',
    '#endif',
    '',
  ].join('\n')
}

/** The generated headers for `arch`, by file name. */
export function generatedHeaders(arch: AgentArch = hostAgentArch() ?? 'x86_64'): Record<string, string> {
  const rev = revision(AGENT_REVISION)
  return {
    'watchq-uapi.h': cHeader(rev),
    'watchq-arch.h': archHeader(rev, arch),
    'watchq-ops.h': opsHeader(),
    'watchq-build.h': buildHeader(rev),
  }
}

/** The compiler that builds the agent for `arch` here: gcc for the host's arch, else the cross gcc. */
export function agentCompiler(arch: AgentArch): string {
  return hostAgentArch() === arch ? 'gcc' : `${AGENT_TARGETS[arch].triple}-gcc`
}

/** Whether the compiler can link statically: its libc.a is found (libc6-dev-*-cross installed). */
async function hasStaticLibc(cc: string): Promise<boolean> {
  return (await exec(cc, ['-print-file-name=libc.a'])).stdout.trim().startsWith('/')
}

/**
 * The identity of the compiler for `arch`, installing its Debian packages (gcc-<triple> and
 * libc6-dev-<arch>-cross) through ensurePackages when the compiler or its static libc is missing.
 */
export async function ensureAgentCompiler(arch: AgentArch, onProgress: (line: string) => void): Promise<string> {
  const cc = agentCompiler(arch)
  let id = await compilerId(cc)
  if (id !== undefined && (await hasStaticLibc(cc))) return id
  const packages = agentCompilerPackages(arch)
  onProgress(`${cc} ${id === undefined ? 'is not installed' : 'has no static C library'}`)
  try {
    await ensurePackages(packages, { onProgress })
  } catch (e) {
    throw new Error(`cannot install the compiler for the ${arch} agent: ${(e as Error).message}`)
  }
  id = await compilerId(cc)
  if (id === undefined) throw new Error(`${cc} is still missing after installing ${packages.join(' ')}`)
  if (!(await hasStaticLibc(cc))) throw new Error(`${cc} still finds no libc.a after installing ${packages.join(' ')}`)
  return id
}

/** Builds in flight in this process, so concurrent callers share one compile. */
const inFlight = new Map<string, Promise<string>>()

/** Builds (or finds in the cache) the static agent binary for `arch`; resolves with its path. */
export function buildAgent(opts: BuildAgentOptions): Promise<string> {
  const cacheDir = opts.cacheDir ?? defaultCacheDir()
  const key = `${cacheDir}\0${opts.arch}`
  let p = inFlight.get(key)
  if (!p) {
    p = build(opts.arch, cacheDir, opts.onProgress ?? (() => {})).finally(() => inFlight.delete(key))
    inFlight.set(key, p)
  }
  return p
}

async function build(arch: AgentArch, cacheDir: string, onProgress: (line: string) => void): Promise<string> {
  if (!isAgentArch(arch)) throw new Error(`the agent builds for ${AGENT_ARCHES.join(', ')}, not ${arch}`)
  const sources = await cSources(['agent', 'c'])
  const headers = generatedHeaders(arch)
  const cc = agentCompiler(arch)
  const id = await ensureAgentCompiler(arch, onProgress)
  const files = [...sources, ...Object.entries(headers).map(([name, text]) => ({ path: `gen/${name}`, text }))]
  const hash = contentHash(files, `${cc}\0${id}\0${[...AGENT_CFLAGS, ...AGENT_LIBS].join(' ')}`)
  const cfiles = sources.filter((s) => s.path.endsWith('.c')).map((s) => s.path)
  return compileCached({
    cacheDir,
    entry: `${arch}-${hash}`,
    binary: AGENT_BINARY,
    files,
    cc,
    args: [...AGENT_CFLAGS, '-I', 'gen', '-I', 'c', '-o', AGENT_BINARY, ...cfiles, ...AGENT_LIBS],
    what: `the agent for ${arch}`,
    onProgress: (line) => onProgress(`${line} with ${id}`),
  })
}
