// An errno as a value. Model functions return `T | Errno` the way the kernel returns a value or a
// negative errno; the protocol face turns an Errno into {"errno": NAME}.
import { ERRNOS } from '@watchq/spec'

/**
 * Errnos the model returns that the spec's list (the watch_queue interface's own) lacks: they come
 * from the VFS, pipes and keyrings around it. asm-generic numbering, as in ERRNOS; x86_64 and
 * s390x use it.
 */
const MORE: Readonly<Record<string, number>> = {
  ESRCH: 3,
  E2BIG: 7,
  EFBIG: 27,
  ENOSPC: 28,
  ENOTDIR: 20,
  EDEADLK: 35,
  ENAMETOOLONG: 36,
  ELOOP: 40,
  EOVERFLOW: 75,
  ENOTSUP: 95,
}

const VALUES: ReadonlyMap<string, number> = new Map([
  ...ERRNOS.map((e) => [e.name, e.value] as const),
  ...Object.entries(MORE),
])

export class Errno {
  private constructor(
    readonly name: string,
    readonly value: number,
  ) {}

  private static readonly cache = new Map<string, Errno>()

  /** The errno of this name; throws for a name the model does not know (a bug in the model). */
  static of(name: string): Errno {
    let e = Errno.cache.get(name)
    if (!e) {
      const value = VALUES.get(name)
      if (value === undefined) throw new Error(`the simulator has no errno ${name}`)
      e = new Errno(name, value)
      Errno.cache.set(name, e)
    }
    return e
  }

  toString(): string {
    return this.name
  }
}

export const isErrno = (v: unknown): v is Errno => v instanceof Errno

/** Shorthand: `err('EINVAL')`. */
export const err = (name: string): Errno => Errno.of(name)

/** The number of an errno name (for KEYCTL_REJECT's argument), or undefined if unknown. */
export const errnoValue = (name: string): number | undefined => VALUES.get(name)

/** A value or an errno. */
export type Sys<T = number> = T | Errno
