// Ajv's error objects as problems a person can act on: one per JSON pointer, each with what the
// value must be and what was found. Shared by every file we validate (cases, captures, protocol
// answers, expectations files, reports), which only differ in how they print the list.
//
// Union branches at one pointer are merged ("must be an integer or a handle like $name"); a
// union whose branches are told apart by a const property (a step's `op`) reports only the
// branches whose const matched; a union's complaint is dropped where a deeper one explains it.
import type { ErrorObject } from '@watchq/spec'
import { valueAt } from './json-pointer.js'

export interface SchemaProblem {
  /** JSON pointer of the offending value ('' for the whole value). */
  readonly pointer: string
  /** "is required", "is not allowed here", "must be …" (several joined with "or"). */
  readonly message: string
  /** The value found there; absent for a missing property. */
  readonly found?: { readonly value: unknown }
}

/** Names for the patterns of our value types (values.ts), so errors say what is meant. */
const PATTERN_NAMES: Record<string, string> = {
  '^\\$[A-Za-z_][A-Za-z0-9_]*$': 'a handle like $name',
  '^(\\s*[0-9a-fA-F]{2})*\\s*$': 'hex digit pairs',
  '^E[A-Z0-9]+$': 'an errno name like EINVAL',
}

const article = (t: string) =>
  t === 'integer' || t === 'array' || t === 'object' ? `an ${t}` : t === 'null' ? 'null' : `a ${t}`

/** Several messages at one pointer: "must be A or B", then the rest. */
function merge(msgs: readonly string[]): string {
  if (msgs.length === 1) return msgs[0]!
  const be = msgs.filter((m) => m.startsWith('must be ')).map((m) => m.slice(8))
  const rest = msgs.filter((m) => !m.startsWith('must be '))
  return [...(be.length ? [`must be ${be.join(' or ')}`] : []), ...rest].join('; or ')
}

function messageOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'pattern': {
      const pattern = String(p['pattern'])
      return `must be ${PATTERN_NAMES[pattern] ?? `a string matching ${pattern}`}`
    }
    case 'type':
      return `must be ${String(p['type'])
        .split(',')
        .map((t) => article(t))
        .join(' or ')}`
    case 'enum':
      return `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    default:
      return e.message ?? `fails ${e.keyword}`
  }
}

/** The problems behind Ajv's errors for `data`, deepest pointer first. */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const byPath = new Map<string, { messages: Set<string>; inUnion: boolean }>()
  const add = (pointer: string, message: string, schemaPath: string) => {
    const entry = byPath.get(pointer) ?? { messages: new Set<string>(), inUnion: true }
    entry.messages.add(message)
    // Only when every error at the path comes from a union branch may a deeper error stand for it.
    entry.inUnion &&= /\/(anyOf|oneOf)\/\d+\//.test(schemaPath)
    byPath.set(pointer, entry)
  }
  const consts = new Map<string, unknown[]>()
  for (const e of pruneUnionBranches(errors)) {
    const p = e.params as Record<string, unknown>
    switch (e.keyword) {
      case 'anyOf':
      case 'oneOf':
        break // the branches say more
      case 'const':
        consts.set(e.instancePath, [...(consts.get(e.instancePath) ?? []), p['allowedValue']])
        add(e.instancePath, '', e.schemaPath)
        break
      case 'required':
        add(`${e.instancePath}/${escapePointer(String(p['missingProperty']))}`, 'is required', e.schemaPath)
        break
      case 'additionalProperties':
        add(`${e.instancePath}/${escapePointer(String(p['additionalProperty']))}`, 'is not allowed here', e.schemaPath)
        break
      default:
        add(e.instancePath, messageOf(e), e.schemaPath)
    }
  }
  for (const [pointer, values] of consts) {
    const entry = byPath.get(pointer)!
    entry.messages.delete('')
    const shown = values.slice(0, 8).map((v) => JSON.stringify(v))
    const more = values.length > 8 ? `, … (${values.length} values)` : ''
    entry.messages.add(shown.length === 1 ? `must be ${shown[0]}` : `must be one of ${shown.join(', ')}${more}`)
  }
  const pointers = [...byPath.keys()]
  const kept = pointers.filter((ptr) => {
    const entry = byPath.get(ptr)!
    const deeper = pointers.some((o) => o !== ptr && o.startsWith(`${ptr}/`))
    return !(entry.inUnion && deeper)
  })
  // Deepest first: the most specific complaint leads.
  kept.sort((a, b) => b.split('/').length - a.split('/').length)
  return kept.map((pointer) => {
    const message = merge([...byPath.get(pointer)!.messages])
    return message === 'is required'
      ? { pointer, message }
      : { pointer, message, found: { value: valueAt(data, pointer) } }
  })
}

interface Branch {
  /** The union's schema path and the instance it applied to: one union at one place. */
  readonly site: string
  readonly index: number
  /** This error is the branch's discriminator (a property's const) failing. */
  readonly discriminator: boolean
}

/**
 * A union of objects told apart by a const property (a step's `op`) fails in every branch; only
 * the branches whose const matched say anything useful. When none matched, only the const does.
 */
function pruneUnionBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const branchesOf = errors.map(branches)
  // Per union site: the branches seen, and those whose discriminator failed.
  const seen = new Map<string, Set<number>>()
  const failed = new Map<string, Set<number>>()
  for (const b of branchesOf.flat()) {
    const add = (m: Map<string, Set<number>>) => m.set(b.site, (m.get(b.site) ?? new Set()).add(b.index))
    add(seen)
    if (b.discriminator) add(failed)
  }
  return errors.filter((_, i) =>
    branchesOf[i]!.every((b) => {
      const f = failed.get(b.site)
      if (!f) return true // not a discriminated union
      const someMatched = seen.get(b.site)!.size > f.size
      return someMatched ? !f.has(b.index) : b.discriminator
    }),
  )
}

/** Every anyOf/oneOf branch an error sits in, with the instance pointer that union applied to. */
function branches(e: ErrorObject): Branch[] {
  const schema = e.schemaPath.split('/')
  const instance = e.instancePath.split('/')
  const out: Branch[] = []
  let depth = 1 // instance segments consumed ('' before the first '/')
  for (let i = 1; i < schema.length; i++) {
    const seg = schema[i]!
    if ((seg === 'anyOf' || seg === 'oneOf') && /^\d+$/.test(schema[i + 1] ?? '')) {
      const rest = schema.slice(i + 2)
      const discriminator =
        (e.keyword === 'const' || e.keyword === 'enum') && rest.length === 3 && rest[0] === 'properties'
      out.push({
        site: `${schema.slice(0, i + 1).join('/')}@${instance.slice(0, depth).join('/')}`,
        index: Number(schema[i + 1]),
        discriminator,
      })
      i++
    } else if (seg === 'properties' || seg === 'patternProperties') {
      depth++
      i++ // the property name (or pattern) is a schema segment, not a keyword
    } else if (seg === 'items' || seg === 'additionalProperties') {
      depth++
      if (/^\d+$/.test(schema[i + 1] ?? '')) i++ // tuple items
    }
  }
  return out
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}
