// Reading layout annotations back out of struct schemas, resolved for one arch.
import type { TSchema } from '@sinclair/typebox'
import type { LayoutArch } from './arch.js'
import { type FieldLayout, LAYOUT_KEYWORD, STRUCT_KEYWORD, type StructLayout } from './keywords.js'
import type { TStruct } from './struct.js'

export interface Member {
  readonly name: string
  readonly layout: FieldLayout
  readonly schema: TSchema
}

export function structLayout(s: TSchema): StructLayout {
  const l = (s as unknown as Record<string, StructLayout | undefined>)[STRUCT_KEYWORD]
  if (!l) throw new Error(`schema is not a struct: ${JSON.stringify(s).slice(0, 80)}`)
  return l
}

export function isStruct(s: TSchema): s is TStruct {
  return STRUCT_KEYWORD in (s as object)
}

export function fieldLayout(s: TSchema): FieldLayout | undefined {
  return (s as unknown as Record<string, FieldLayout | undefined>)[LAYOUT_KEYWORD]
}

/** Members in declaration order (property order is declaration order). */
export function members(s: TStruct): Member[] {
  return Object.entries(s.properties).map(([name, schema]) => {
    const layout = fieldLayout(schema)
    if (!layout) throw new Error(`${structLayout(s).id}.${name} has no ${LAYOUT_KEYWORD}`)
    return { name, layout, schema }
  })
}

export const offsetOn = (l: FieldLayout, arch: LayoutArch): number => l.offsetByArch?.[arch] ?? l.offset
export const sizeOn = (l: StructLayout, arch: LayoutArch): number => l.sizeByArch?.[arch] ?? l.size
export const alignOn = (l: StructLayout, arch: LayoutArch): number => l.alignByArch?.[arch] ?? l.align

/** For a flexible array of structs, the element schema. */
export function flexElement(m: Member): TStruct | undefined {
  const items = (m.schema as { items?: TSchema }).items
  return items && isStruct(items) ? items : undefined
}
