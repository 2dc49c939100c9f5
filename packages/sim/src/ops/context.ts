// What every op handler gets (the machine, the case process, the handles bound so far, the step),
// how it reads its arguments the way the agent does, and how it says what happened.
import { fromHex, type Observation, SPECIAL_KEYRINGS } from '@watchq/spec'
import type { Sys } from '../errors.js'
import { isErrno } from '../errors.js'
import type { Kernel } from '../kernel.js'
import type { Process } from '../process.js'

export interface StepContext {
  readonly kernel: Kernel
  readonly proc: Process
  readonly handles: ReadonlyMap<string, number>
  readonly step: Readonly<Record<string, unknown>>
}

export type OpHandler = (c: StepContext) => Observation

/** The simulator cannot perform the step as asked (a bad argument, an unbound handle): {"error"}. */
export class StepError extends Error {}
/** The step is one the simulator declines: {"skipped"}. */
export class StepSkip extends Error {}

const HANDLE = /^\$[A-Za-z_][A-Za-z0-9_]*$/

function handleValue(c: StepContext, v: string, name: string): number {
  if (!HANDLE.test(v)) throw new StepError(`argument ${name}: "${v}" is not a handle ($name)`)
  const bound = c.handles.get(v)
  if (bound === undefined) throw new StepError(`argument ${name}: handle ${v} is not bound`)
  return bound
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)

/** An fd: a number or a handle, narrowed to the kernel's 32-bit int. */
export function argFd(c: StepContext, name: string): number {
  const v = c.step[name]
  if (typeof v === 'string') return handleValue(c, v, name) | 0
  if (!isInt(v)) throw new StepError(`argument ${name}: expected an integer fd or a handle`)
  return v | 0
}

export function argInt(c: StepContext, name: string, def?: number): number {
  const v = c.step[name]
  if (v === undefined && def !== undefined) return def
  if (!isInt(v)) throw new StepError(`argument ${name}: expected an integer`)
  return v
}

/** A key: a serial, a handle, or a special keyring as keyutils spells it; as key_serial_t (int32). */
export function argKey(c: StepContext, name: string, def?: number): number {
  const v = c.step[name]
  if (v === undefined && def !== undefined) return def
  if (typeof v === 'string' && v.startsWith('@')) {
    const id = (SPECIAL_KEYRINGS as Readonly<Record<string, number>>)[v]
    if (id === undefined) throw new StepError(`argument ${name}: unknown special keyring "${v}"`)
    return id
  }
  if (typeof v === 'string') return handleValue(c, v, name) | 0
  if (!isInt(v)) throw new StepError(`argument ${name}: expected a serial, a handle or a special keyring (@s…)`)
  return v | 0
}

/** A string, or null for null/absent when optional. C strings end at the first NUL. */
export function argStr(c: StepContext, name: string, optional: boolean): string | null {
  const v = c.step[name]
  if ((v === undefined && optional) || v === null) return null
  if (typeof v !== 'string') throw new StepError(`argument ${name}: expected a string`)
  const nul = v.indexOf('\u0000')
  return nul >= 0 ? v.slice(0, nul) : v
}

export function argArray(c: StepContext, name: string, optional: boolean): readonly unknown[] | null {
  const v = c.step[name]
  if (v === undefined && optional) return null
  if (!Array.isArray(v)) throw new StepError(`argument ${name}: expected an array`)
  return v
}

/** Lengths (write sizes, iovecs) the agent accepts: 0..64 MiB. */
export const LEN_MAX = 64 << 20

export function argLen(c: StepContext, name: string, def?: number): number {
  const v = argInt(c, name, def)
  if (v < 0 || v > LEN_MAX) throw new StepError(`argument ${name}: expected a length from 0 to ${LEN_MAX}`)
  return v
}

/** Hex digit pairs, whitespace allowed between them. */
export function hexBytes(v: unknown, name: string): Uint8Array {
  if (typeof v !== 'string') throw new StepError(`argument ${name}: expected hex digit pairs`)
  const s = v.replace(/\s+/g, '')
  if (s.length % 2 !== 0 || /[^0-9a-fA-F]/.test(s)) throw new StepError(`argument ${name}: expected hex digit pairs`)
  return fromHex(s)
}

export const utf8 = (s: string | null): Uint8Array | null => (s === null ? null : new TextEncoder().encode(s))

export { toHex } from '@watchq/spec'

/** {"ret": n} or {"errno": NAME}. */
export function result(r: Sys<number>, extra: Partial<Observation> = {}): Observation {
  return isErrno(r) ? { errno: r.name } : { ret: r, ...extra }
}

/** What the kernel would do is sleep forever: said as the simulator's own failure for the step. */
export const blockedForever = (what: string): Observation => ({ error: `would block forever: ${what}` })
