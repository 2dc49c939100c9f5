// Schema validation with readable errors: the file, the JSON path, what was expected and what was
// found, one line each, instead of Ajv's error objects. Ajv (strict) compiles each schema once.

import { createAjv, type ErrorObject, type TSchema, type ValidateFunction } from '@watchq/spec'
import { briefJson } from '../schema/json-pointer.js'
import { schemaProblems } from '../schema/schema-errors.js'

const ajv = createAjv()
const cache = new WeakMap<object, ValidateFunction>()

export function schemaValidator(schema: TSchema): ValidateFunction {
  let v = cache.get(schema)
  if (!v) {
    v = ajv.compile(schema)
    cache.set(schema, v)
  }
  return v
}

/** One readable line per problem (at most 8, deepest first): "/steps/0/fd: must be … (found "r")". */
export function explainErrors(errors: readonly ErrorObject[], data: unknown, prefix = ''): string[] {
  return schemaProblems(errors, data)
    .slice(0, 8)
    .map((p) => `${prefix + p.pointer || '/'}: ${p.message}${p.found ? ` (found ${briefJson(p.found.value)})` : ''}`)
}

/**
 * One line of JSON held to `schema`: the value, or why not: `notJson`, or the schema's complaints
 * (explainErrors' lines). For the answers of implementations and decoders.
 */
export function parseChecked<T>(
  line: string,
  schema: TSchema,
): { readonly value: T } | { readonly notJson: true } | { readonly problems: string[] } {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return { notJson: true }
  }
  const v = schemaValidator(schema)
  return v(json) ? { value: json as T } : { problems: explainErrors(v.errors ?? [], json) }
}

export function explainSchemaErrors(file: string, errors: readonly ErrorObject[], data: unknown): string {
  const lines = explainErrors(errors, data)
  return `${file}: not valid:\n${lines.map((l) => `  at ${l}`).join('\n')}`
}

/** Where a JSON.parse error happened, as line and column. */
export function jsonErrorPosition(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message)
  if (!m) return e.message
  const pos = Number(m[1])
  const before = text.slice(0, pos)
  const line = before.split('\n').length
  const col = pos - before.lastIndexOf('\n')
  return `line ${line}, column ${col}: ${e.message.replace(/ in JSON at position \d+.*$/, '')}`
}
