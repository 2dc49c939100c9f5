// Builders for struct members: each returns the JSON Schema of the member's value with its
// `x-uapi-layout` annotation. u64 values are decimal strings in JSON and bigint in TypeScript.
import { type TArray, type TInteger, type TSchema, type TUnsafe, Type } from '@sinclair/typebox'
import type { Confidence } from './confidence.js'
import { SCALAR_SIZE, type Scalar } from './ctype.js'
import { type FieldLayout, LAYOUT_KEYWORD, STRUCT_KEYWORD, type StructLayout } from './keywords.js'

export interface FieldOptions {
  description?: string
  confidence?: Confidence
  note?: string
  offsetByArch?: FieldLayout['offsetByArch']
  volatile?: true
}

/** Decimal string form of a u64 in JSON (the range check to 2^64-1 is done by the codec). */
export const U64_PATTERN = '^(0|[1-9][0-9]{0,19})$'
/** Lower-case hex form of a byte string in JSON. */
export const HEX_PATTERN = '^([0-9a-f]{2})*$'

function layoutOf(offset: number, ctype: string, size: number, o: FieldOptions, extra: Partial<FieldLayout> = {}) {
  const l: FieldLayout = { offset, ctype, size, ...extra }
  if (o.offsetByArch) l.offsetByArch = o.offsetByArch
  if (o.volatile) l.volatile = true
  if (o.confidence) l.confidence = o.confidence
  if (o.note) l.note = o.note
  return { [LAYOUT_KEYWORD]: l }
}

function desc(o: FieldOptions) {
  return o.description ? { description: o.description } : {}
}

function intValue(t: Exclude<Scalar, '__u64'>, o: FieldOptions): TInteger {
  return t === '__s32'
    ? Type.Integer({ minimum: -0x8000_0000, maximum: 0x7fff_ffff, ...desc(o) })
    : Type.Integer({ minimum: 0, maximum: 2 ** (8 * SCALAR_SIZE[t]) - 1, ...desc(o) })
}

const u64Value = (o: FieldOptions) => Type.Unsafe<bigint>({ type: 'string', pattern: U64_PATTERN, ...desc(o) })

function scalar(t: Exclude<Scalar, '__u64'>) {
  return (offset: number, o: FieldOptions = {}): TInteger =>
    ({ ...intValue(t, o), ...layoutOf(offset, t, SCALAR_SIZE[t], o) }) as TInteger
}

export const Field = {
  u8: scalar('__u8'),
  u16: scalar('__u16'),
  u32: scalar('__u32'),
  s32: scalar('__s32'),
  u64: (offset: number, o: FieldOptions = {}) =>
    ({ ...u64Value(o), ...layoutOf(offset, '__u64', 8, o) }) as TUnsafe<bigint>,

  /** A bitfield member `__u32 name:width` whose storage unit starts at `offset`. */
  bits(offset: number, position: number, width: number, o: FieldOptions = {}): TInteger {
    return {
      ...Type.Integer({ minimum: 0, maximum: 2 ** width - 1, ...desc(o) }),
      ...layoutOf(offset, '__u32', 4, o, { bitfield: { position, width } }),
    } as TInteger
  },

  /** A fixed array of scalars, e.g. `__u32 subtype_filter[8]`. */
  array(t: Exclude<Scalar, '__u64'>, offset: number, count: number, o: FieldOptions = {}): TArray<TInteger> {
    return {
      ...Type.Array(intValue(t, {}), { minItems: count, maxItems: count, ...desc(o) }),
      ...layoutOf(offset, t, SCALAR_SIZE[t] * count, o, { count }),
    } as TArray<TInteger>
  },

  /** A flexible array of bytes (`__u8 name[]`), hex in JSON, Uint8Array in TypeScript. */
  flexBytes(offset: number, lengthField: string, o: FieldOptions = {}): TUnsafe<Uint8Array> {
    return {
      ...Type.Unsafe<Uint8Array>({ type: 'string', pattern: HEX_PATTERN, ...desc(o) }),
      ...layoutOf(offset, '__u8', 0, o, { flexible: true, lengthField }),
    } as TUnsafe<Uint8Array>
  },

  /** A flexible array of structs (`struct watch_notification_type_filter filters[]`). */
  flexStructs<T extends TSchema>(element: T, offset: number, lengthField: string, o: FieldOptions = {}): TArray<T> {
    const s = (element as unknown as Record<string, StructLayout>)[STRUCT_KEYWORD]
    if (!s) throw new Error('flexStructs needs a Struct schema')
    return {
      ...Type.Array(element, desc(o)),
      ...layoutOf(offset, s.c, 0, o, { flexible: true, lengthField }),
    } as TArray<T>
  },

  /** A nested struct member, e.g. `struct watch_notification watch`. */
  struct<T extends TSchema>(inner: T, offset: number, o: FieldOptions = {}): T {
    const s = (inner as unknown as Record<string, StructLayout>)[STRUCT_KEYWORD]
    if (!s) throw new Error('Field.struct needs a Struct schema')
    const copy: Record<string, unknown> = { ...inner, ...layoutOf(offset, s.c, s.size, o) }
    if (o.description) copy['description'] = o.description
    return copy as unknown as T
  },
}
