// The one place that configures Ajv for watchq schemas: strict mode stays on, and the layout
// annotation keywords are registered with meta-schemas so a malformed annotation is an error.
import { Ajv, type Options } from 'ajv'
import { FieldLayout, LAYOUT_KEYWORD, STRUCT_KEYWORD, StructLayout } from './layout/keywords.js'

export const ANNOTATION_KEYWORDS = [
  { keyword: LAYOUT_KEYWORD, metaSchema: FieldLayout },
  { keyword: STRUCT_KEYWORD, metaSchema: StructLayout },
] as const

/** A strict Ajv instance that knows the watchq annotation keywords. */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, ...options })
  for (const { keyword, metaSchema } of ANNOTATION_KEYWORDS) {
    // A keyword with only a metaSchema is an annotation whose value Ajv checks at compile time.
    ajv.addKeyword({ keyword, metaSchema: stripIds(metaSchema) })
  }
  return ajv
}

/** TypeBox's $id on a meta-schema would register it globally; the keyword needs only its shape. */
function stripIds<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema, (k, v) => (k === '$id' ? undefined : v))) as T
}

export { type Static, type TSchema, Type } from '@sinclair/typebox'
export type { ErrorObject, ValidateFunction } from 'ajv'
