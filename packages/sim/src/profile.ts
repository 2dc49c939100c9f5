// What differs between the simulated machines: the kernel release (5.10, 6.1, 6.12, 7.2), the
// arch (its byte order and flag values) and the page size. Everything else in the model is the
// same for all.
import { type ConstantArch, constant, revision, valueOn } from '@watchq/spec'

/** The kernel versions the model knows, oldest first (each one's behaviour measured on Debian's build). */
export const SIM_VERSIONS = ['5.10', '6.1', '6.12', '7.2'] as const
export type SimVersion = (typeof SIM_VERSIONS)[number]

/** The arches the model knows, as `uname -m` names them (mips is 32-bit big-endian, ppc64 big-endian). */
export const SIM_ARCHES = ['x86_64', 's390x', 'aarch64', 'ppc64', 'mips', 'riscv64'] as const
export type SimArch = (typeof SIM_ARCHES)[number]

export interface SimProfile {
  readonly version: SimVersion
  readonly arch: SimArch
  readonly pageSize: number
}

/** The machines the suite was captured on. `x86_64-6.12` is the default. */
export const SIM_PROFILES: Record<string, SimProfile> = {
  'x86_64-6.12': { version: '6.12', arch: 'x86_64', pageSize: 4096 },
  'x86_64-6.1': { version: '6.1', arch: 'x86_64', pageSize: 4096 },
  's390x-6.1': { version: '6.1', arch: 's390x', pageSize: 4096 },
  's390x-6.12': { version: '6.12', arch: 's390x', pageSize: 4096 },
  'x86_64-7.2': { version: '7.2', arch: 'x86_64', pageSize: 4096 },
  'x86_64-5.10': { version: '5.10', arch: 'x86_64', pageSize: 4096 },
  // The test kernels of these arches all use 4 KiB pages (their tinyconfig defaults).
  'aarch64-6.12': { version: '6.12', arch: 'aarch64', pageSize: 4096 },
  'ppc64-6.12': { version: '6.12', arch: 'ppc64', pageSize: 4096 },
  'mips-6.12': { version: '6.12', arch: 'mips', pageSize: 4096 },
  'riscv64-6.12': { version: '6.12', arch: 'riscv64', pageSize: 4096 },
}

/**
 * Per arch: its byte order, which column of the spec's per-arch constant tables applies, and the
 * open(2) bits that are no watch_queue UAPI (so not in the spec), from each arch's
 * include/uapi/asm/fcntl.h (or asm-generic's).
 */
const ARCH_FACTS: Readonly<
  Record<
    SimArch,
    {
      readonly endian: 'little' | 'big'
      readonly constants: ConstantArch
      readonly O_CLOEXEC: number
      readonly O_NONBLOCK: number
      readonly O_DIRECT: number
    }
  >
> = {
  x86_64: { endian: 'little', constants: 'generic', O_CLOEXEC: 0o2000000, O_NONBLOCK: 0o4000, O_DIRECT: 0o40000 },
  s390x: { endian: 'big', constants: 'generic', O_CLOEXEC: 0o2000000, O_NONBLOCK: 0o4000, O_DIRECT: 0o40000 },
  riscv64: { endian: 'little', constants: 'generic', O_CLOEXEC: 0o2000000, O_NONBLOCK: 0o4000, O_DIRECT: 0o40000 },
  // arm64 shares arm's fcntl.h: O_DIRECTORY and O_DIRECT moved.
  aarch64: { endian: 'little', constants: 'arm', O_CLOEXEC: 0o2000000, O_NONBLOCK: 0o4000, O_DIRECT: 0o200000 },
  ppc64: { endian: 'big', constants: 'powerpc', O_CLOEXEC: 0o2000000, O_NONBLOCK: 0o4000, O_DIRECT: 0o400000 },
  mips: { endian: 'big', constants: 'mips', O_CLOEXEC: 0o2000000, O_NONBLOCK: 0x80, O_DIRECT: 0x8000 },
}

/** Whether `p` runs `version` or a later one. */
export const atLeast = (p: SimProfile, version: SimVersion): boolean =>
  SIM_VERSIONS.indexOf(p.version) >= SIM_VERSIONS.indexOf(version)

export const DEFAULT_PROFILE: SimProfile = SIM_PROFILES['x86_64-6.12']!

/** The Debian releases docs/semantics.md was written from (and the captures were made on). */
const RELEASES: Record<SimVersion, string> = {
  '5.10': '5.10.262',
  '6.1': '6.1.192',
  '6.12': '6.12.117',
  '7.2': '7.2.13',
}

export function kernelRelease(p: SimProfile): string {
  return RELEASES[p.version]
}

export function endianOf(p: SimProfile): 'little' | 'big' {
  return ARCH_FACTS[p.arch].endian
}

/**
 * 6.12 marks pipe files FMODE_NOWAIT, so pipe_read honours IOCB_NOWAIT; 6.1 refuses RWF_NOWAIT
 * (docs/semantics.md#d1-preadv2-with-rwf_nowait-on-the-read-end).
 */
export const pipesHonourNowait = (p: SimProfile): boolean => atLeast(p, '6.12')

/**
 * 6.12 gives a key's quota back at the final key_put; 6.1 only when the gc reaps it
 * (docs/semantics.md#d2-when-a-destroyed-keys-quota-is-given-back).
 */
export const quotaFreedAtFinalPut = (p: SimProfile): boolean => atLeast(p, '6.12')

/** A profile the model can run: a known version and arch, and a power-of-two page of at least 4 KiB. */
export function checkProfile(p: SimProfile): void {
  if (!SIM_VERSIONS.includes(p.version)) throw new RangeError(`unknown kernel version ${String(p.version)}`)
  if (!SIM_ARCHES.includes(p.arch)) throw new RangeError(`unknown arch ${String(p.arch)}`)
  const ps = p.pageSize
  if (!Number.isInteger(ps) || ps < 4096 || ps > 1 << 20 || (ps & (ps - 1)) !== 0)
    throw new RangeError(`page size ${ps} is not a power of two from 4096 to 1 MiB`)
}

export interface OpenFlags {
  readonly O_NOTIFICATION_PIPE: number
  readonly O_EXCL: number
  readonly O_TMPFILE: number
  readonly O_CLOEXEC: number
  readonly O_NONBLOCK: number
  readonly O_DIRECT: number
}

/**
 * open(2) flag bits on this arch. O_NOTIFICATION_PIPE (= O_EXCL) and O_TMPFILE come from the spec's
 * per-arch tables; O_CLOEXEC, O_NONBLOCK and O_DIRECT are not in it (they are not watch_queue UAPI),
 * so ARCH_FACTS states them.
 */
export function openFlags(p: SimProfile): OpenFlags {
  const facts = ARCH_FACTS[p.arch]
  const notification = valueOn(constant(revision('mainline'), 'O_NOTIFICATION_PIPE'), facts.constants)
  return {
    O_NOTIFICATION_PIPE: notification,
    O_EXCL: notification,
    O_TMPFILE: valueOn(constant(revision('pipe-v1'), 'O_TMPFILE'), facts.constants),
    O_CLOEXEC: facts.O_CLOEXEC,
    O_NONBLOCK: facts.O_NONBLOCK,
    O_DIRECT: facts.O_DIRECT,
  }
}
