// What differs between the simulated machines: the kernel release (5.10, 6.1, 6.12, 7.2), the
// arch (its byte order and flag values) and the page size. Everything else in the model is the
// same for all.
import { constant, revision, valueOn } from '@watchq/spec'

/** The kernel versions the model knows, oldest first (each one's behaviour measured on Debian's build). */
export const SIM_VERSIONS = ['5.10', '6.1', '6.12', '7.2'] as const
export type SimVersion = (typeof SIM_VERSIONS)[number]

export interface SimProfile {
  readonly version: SimVersion
  readonly arch: 'x86_64' | 's390x'
  readonly pageSize: number
}

/** The machines the suite was captured on, plus s390x on 6.12. `x86_64-6.12` is the default. */
export const SIM_PROFILES: Record<string, SimProfile> = {
  'x86_64-6.12': { version: '6.12', arch: 'x86_64', pageSize: 4096 },
  'x86_64-6.1': { version: '6.1', arch: 'x86_64', pageSize: 4096 },
  's390x-6.1': { version: '6.1', arch: 's390x', pageSize: 4096 },
  's390x-6.12': { version: '6.12', arch: 's390x', pageSize: 4096 },
  'x86_64-7.2': { version: '7.2', arch: 'x86_64', pageSize: 4096 },
  'x86_64-5.10': { version: '5.10', arch: 'x86_64', pageSize: 4096 },
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
  return p.arch === 's390x' ? 'big' : 'little'
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
  if (p.arch !== 'x86_64' && p.arch !== 's390x') throw new RangeError(`unknown arch ${String(p.arch)}`)
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
 * open(2) flag bits on this arch. O_NOTIFICATION_PIPE (= O_EXCL) and O_TMPFILE come from the spec;
 * O_CLOEXEC, O_NONBLOCK and O_DIRECT are not in it (they are not watch_queue UAPI), so they are
 * stated here: x86_64 and s390x both use the asm-generic values.
 */
export function openFlags(_p: SimProfile): OpenFlags {
  const notification = valueOn(constant(revision('mainline'), 'O_NOTIFICATION_PIPE'), 'generic')
  return {
    O_NOTIFICATION_PIPE: notification,
    O_EXCL: notification,
    O_TMPFILE: valueOn(constant(revision('pipe-v1'), 'O_TMPFILE'), 'generic'),
    O_CLOEXEC: 0o2000000,
    O_NONBLOCK: 0o4000,
    O_DIRECT: 0o40000,
  }
}
