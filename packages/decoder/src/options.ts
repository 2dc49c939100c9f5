// Options of every entry point, checked here and nowhere else, the same way for each: a value of
// the wrong type is a TypeError, a value of the right type outside what the option allows is a
// RangeError, and both name the option and the value ('endian must be "little" or "big", not
// "bogus"'). Values are read as given (never as keys of a table, so 'constructor' or '__proto__'
// is just an unknown value) and shown without calling anything on them.
import type { Endian } from './record.js'
import { findRevision, REVISION_IDS, type Revision } from './revisions.js'
import type { RingTable } from './tables.js'

export interface DecodeOptions {
  /** Revision id (see REVISION_IDS). Default: 'mainline'. */
  readonly revision?: string
  /** Byte order of the producing kernel. Default: this machine's. */
  readonly endian?: Endian
  /** Reject unknown types/subtypes and malformed known records instead of returning `unknown`. */
  readonly strict?: boolean
}

export const HOST_ENDIAN: Endian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'little' : 'big'

export interface Resolved {
  readonly rev: Revision
  readonly little: boolean
  readonly strict: boolean
  /** Shift and mask of `type` and `subtype` in the native header word. */
  readonly typeShift: number
  readonly typeMask: number
  readonly subtypeShift: number
  readonly subtypeMask: number
}

/** A value as an error message shows it: strings quoted and cut at 40 characters, objects by kind. */
export function show(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v)
    case 'bigint':
      return `${v}n`
    case 'symbol':
      return v.toString()
    case 'function':
      return 'a function'
    case 'undefined':
      return 'undefined'
    case 'boolean':
      return String(v)
    default:
      return v === null ? 'null' : Array.isArray(v) ? 'an array' : 'an object'
  }
}

const typeError = (name: string, what: string, v: unknown) => new TypeError(`${name} must be ${what}, not ${show(v)}`)
const rangeError = (name: string, what: string, v: unknown) => new RangeError(`${name} must be ${what}, not ${show(v)}`)

/** The options argument: an object, or undefined for none. */
export function optionsOf<T extends object>(opts: T | undefined): Partial<Record<keyof T, unknown>> {
  if (opts === undefined) return {}
  if (typeof opts !== 'object' || opts === null) throw typeError('options', 'an object', opts)
  return opts as Partial<Record<keyof T, unknown>>
}

/** A byte buffer argument (`bytes`, a stream's `chunk`): a Uint8Array (a Buffer is one), from any realm. */
export function bytesArgument(v: unknown, name: string): Uint8Array {
  if (v instanceof Uint8Array || Object.prototype.toString.call(v) === '[object Uint8Array]') return v as Uint8Array
  throw typeError(name, 'a Uint8Array', v)
}

/** An iterable of chunks (`source`): async, or not (for await takes both). */
export function iterableArgument<T>(v: AsyncIterable<T>, name: string): AsyncIterable<T> {
  const o = v as unknown as Record<symbol, unknown> | null | undefined
  if ((typeof o === 'object' || typeof o === 'function') && o !== null)
    if (typeof o[Symbol.asyncIterator] === 'function' || typeof o[Symbol.iterator] === 'function') return v
  throw typeError(name, 'an async iterable of Uint8Array chunks', v)
}

/** An object argument (an element of `records` or `entries`). */
export function objectArgument(v: unknown, name: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw typeError(name, 'an object', v)
  return v as Record<string, unknown>
}

/** An array argument (`records`, `entries`). */
export function arrayArgument(v: unknown, name: string): readonly unknown[] {
  if (!Array.isArray(v)) throw typeError(name, 'an array', v)
  return v
}

/** The linked table of a revision (see REVISION_IDS); throws naming the known ids. */
export function revision(id: string): Revision {
  if (typeof id !== 'string') throw typeError('revision', 'a string', id)
  const rev = findRevision(id)
  if (!rev) throw new RangeError(`unknown revision ${show(id)}; known: ${REVISION_IDS.join(', ')}`)
  return rev
}

const revisionOption = (v: unknown): Revision => revision(v === undefined ? 'mainline' : (v as string))

export function endianOption(v: unknown): Endian {
  if (v === undefined) return HOST_ENDIAN
  if (v === 'little' || v === 'big') return v
  const what = '"little" or "big"'
  throw typeof v === 'string' ? rangeError('endian', what, v) : typeError('endian', what, v)
}

export function booleanOption(v: unknown, name: string): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v
  throw typeError(name, 'true or false', v)
}

/** An integer from `min` to `max` (both included). */
export function integerArgument(v: unknown, name: string, min: number, max: number): number {
  const what = `an integer from ${min} to ${max}`
  if (typeof v !== 'number') throw typeError(name, what, v)
  if (!Number.isInteger(v) || v < min || v > max) throw rangeError(name, what, v)
  return v
}

/** An integer from `min` to `max` (both included), or undefined. */
export const integerOption = (v: unknown, name: string, min: number, max: number): number | undefined =>
  v === undefined ? undefined : integerArgument(v, name, min, max)

/** A C `__u32`: an integer from 0 to 2^32 − 1, or undefined. */
export const u32Option = (v: unknown, name: string) => integerOption(v, name, 0, 0xffffffff)

/** revision, endian and strict, checked; the revision's header layout for the byte order. */
export function resolve(opts: DecodeOptions = {}): Resolved {
  const o = optionsOf(opts)
  const rev = revisionOption(o.revision)
  const little = endianOption(o.endian) === 'little'
  const strict = booleanOption(o.strict, 'strict') ?? false
  const { type, subtype } = rev.header
  return {
    rev,
    little,
    strict,
    typeShift: little ? type.le : type.be,
    typeMask: 2 ** type.width - 1,
    subtypeShift: little ? subtype.le : subtype.be,
    subtypeMask: 2 ** subtype.width - 1,
  }
}

/** Record length in bytes encoded in an info word. */
export const lengthOf = (rev: Revision, info: number) => ((info & rev.lengthMask) >>> rev.lengthShift) * rev.lengthUnit

// The mmap ring (src/ring.ts). Sizes and indices are in 8-byte slots; the ring is a power of two
// of them and starts with the header record, `metaSlots` long.

/**
 * The largest ring encodeRing builds: 2^24 slots (128 MiB). The kernel sized rings from 1 to 16
 * pages (at most 4 MiB, with 256 KiB pages).
 */
export const MAX_RING_SLOTS = 2 ** 24

/** The ring layout of a revision, which must be one of the mmap ring's. */
export function ringRevision(rev: Revision): RingTable {
  if (rev.ring) return rev.ring
  const rings = REVISION_IDS.filter((id) => findRevision(id)?.ring)
  throw rangeError('revision', `an mmap ring revision (${rings.join(', ')})`, rev.id)
}

/** The smallest ring: the smallest power of two above the header's slots. */
const minRingSlots = (metaSlots: number) => 2 ** Math.ceil(Math.log2(metaSlots + 1))

/** encodeRing's `slots`: a power of two above the header's slots, up to MAX_RING_SLOTS. */
export function ringSlotsOption(v: unknown, metaSlots: number): number {
  const what = `a power of two from ${minRingSlots(metaSlots)} to ${MAX_RING_SLOTS}`
  if (typeof v !== 'number') throw typeError('slots', what, v)
  if (!Number.isInteger(v) || v <= metaSlots || v > MAX_RING_SLOTS || (v & (v - 1)) !== 0)
    throw rangeError('slots', what, v)
  return v
}

/**
 * decodeRing's `mask`: one less than a power of two, the ring's size in slots, which must be
 * above the header's slots and fit the buffer (`bufferSlots`). Default: the buffer's.
 */
export function ringMaskOption(v: unknown, metaSlots: number, bufferSlots: number): number {
  if (v === undefined) return bufferSlots - 1
  const least = minRingSlots(metaSlots) - 1
  const what = `one less than a power of two, from ${least} to ${bufferSlots - 1} (the buffer's ${bufferSlots} slots)`
  if (typeof v !== 'number') throw typeError('mask', what, v)
  if (!Number.isInteger(v) || v < least || v >= bufferSlots || (v & (v + 1)) !== 0) throw rangeError('mask', what, v)
  return v
}

/** Whether ring index `index` falls inside the header (slots 1 … metaSlots − 1; slot 0 is its start). */
export const insideRingHeader = (index: number, mask: number, metaSlots: number) => {
  const slot = index & mask
  return slot !== 0 && slot < metaSlots
}

/** encodeRing's `start`: a u32 ring index outside the header. Default: right after the header. */
export function ringStartOption(v: unknown, metaSlots: number, mask: number): number {
  const start = u32Option(v, 'start') ?? metaSlots
  if (insideRingHeader(start, mask, metaSlots))
    throw rangeError('start', `a slot outside the ring header (slots 1 to ${metaSlots - 1} of every ${mask + 1})`, v)
  return start
}
