// Schema validation with readable errors: the file, the JSON path, what was expected and what was
// found, one line each, instead of Ajv's error objects. Ajv (strict) compiles each schema once.

import { createAjv, type ErrorObject, type TSchema, type ValidateFunction } from '@watchq/spec'
import { briefJson, valueAt } from '../json-pointer.js'

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

/** Names for the patterns of our value types (values.ts), so errors say what is meant. */
const PATTERN_NAMES: Record<string, string> = {
  '^\\$[A-Za-z_][A-Za-z0-9_]*$': 'a handle like $name',
  '^(\\s*[0-9a-fA-F]{2})*\\s*$': 'hex digit pairs',
  '^E[A-Z0-9]+$': 'an errno name like EINVAL',
}

const article = (t: string) =>
  t === 'integer' || t === 'array' || t === 'object' ? `an ${t}` : t === 'null' ? 'null' : `a ${t}`

/** Union branches at one path: "must be an integer or a handle like $name". */
function merge(msgs: string[]): string {
  if (msgs.length === 1) return msgs[0]!
  const be = msgs.filter((m) => m.startsWith('must be ')).map((m) => m.slice(8))
  const rest = msgs.filter((m) => !m.startsWith('must be '))
  const parts = [...(be.length ? [`must be ${be.join(' or ')}`] : []), ...rest]
  return parts.join('; or ')
}

/** One readable line per distinct problem (union branches merged, deepest paths first). */
export function explainErrors(errors: readonly ErrorObject[], data: unknown, prefix = ''): string[] {
  const byPath = new Map<string, Set<string>>()
  const add = (path: string, msg: string) => {
    let s = byPath.get(path)
    if (!s) {
      s = new Set()
      byPath.set(path, s)
    }
    s.add(msg)
  }
  for (const e of errors) {
    const path = prefix + e.instancePath
    switch (e.keyword) {
      case 'additionalProperties':
        add(`${path}/${(e.params as { additionalProperty: string }).additionalProperty}`, 'is not allowed here')
        break
      case 'required':
        add(`${path}/${(e.params as { missingProperty: string }).missingProperty}`, 'is required')
        break
      case 'const':
        add(path, `must be ${briefJson((e.params as { allowedValue: unknown }).allowedValue)}`)
        break
      case 'enum':
        add(
          path,
          `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map(briefJson).join(', ')}`,
        )
        break
      case 'pattern':
        add(
          path,
          `must be ${PATTERN_NAMES[(e.params as { pattern: string }).pattern] ?? `a string matching ${(e.params as { pattern: string }).pattern}`}`,
        )
        break
      case 'type':
        add(path, `must be ${article((e.params as { type: string }).type)}`)
        break
      case 'anyOf':
      case 'oneOf':
        break // the branches' own errors say more
      default:
        add(path, e.message ?? e.keyword)
    }
  }
  // A union at a path fails in every branch: merge the branch messages into one line.
  const lines = [...byPath].map(([path, msgs]) => {
    const found = valueAt(data, path.slice(prefix.length))
    const what = merge([...msgs])
    const shown = what === 'is required' ? '' : ` (found ${briefJson(found)})`
    return `${path || '/'}: ${what}${shown}`
  })
  return lines.sort((a, b) => b.split('/').length - a.split('/').length).slice(0, 8)
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
