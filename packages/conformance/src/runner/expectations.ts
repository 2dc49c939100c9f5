// Per-implementation expectations files: which cases may end in which statuses, and why. A case
// the file does not list is expected to pass; a listed case that ends otherwise (even passing) is
// unexpected, so the file stays true.
import { readFileSync } from 'node:fs'
import {
  type ExpectationEntry,
  type ExpectationsFile,
  type ImplementationInfo,
  ExpectationsFile as Schema,
  type Status,
} from '@watchq/spec'
import { explainSchemaErrors, schemaValidator } from '../cases/validate.js'
import { inRange } from './kernel-range.js'

export interface Allowed {
  readonly statuses: readonly Status[]
  readonly reason: string
}

/** `*` matches within one path segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
    } else if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

export class Expectations {
  private readonly entries: { entry: ExpectationEntry; re: RegExp }[]

  constructor(file: ExpectationsFile = { entries: [] }) {
    this.entries = file.entries.map((entry) => ({ entry, re: globToRegExp(entry.case) }))
  }

  /** The first entry that lists `id` and applies to `impl`, as allowed statuses. */
  lookup(id: string, impl: ImplementationInfo | null): Allowed | null {
    for (const { entry, re } of this.entries) {
      if (!re.test(id)) continue
      const w = entry.when
      if (w && impl) {
        if (w.kernel !== undefined && (impl.kernel === undefined || !inRange(impl.kernel, w.kernel))) continue
        if (w.arch && !w.arch.includes(impl.arch)) continue
        if (w.endian && w.endian !== impl.endian) continue
      }
      const statuses = Array.isArray(entry.status) ? entry.status : [entry.status]
      return { statuses, reason: entry.reason }
    }
    return null
  }
}

const validate = schemaValidator(Schema)

export function loadExpectations(path: string): Expectations {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`)
  }
  if (!validate(json)) throw new Error(explainSchemaErrors(path, validate.errors ?? [], json))
  return new Expectations(json as ExpectationsFile)
}

/** Whether a result with `status` is unexpected under `allowed`. */
export const isUnexpected = (status: Status, allowed: Allowed | null): boolean =>
  allowed ? !allowed.statuses.includes(status) : status !== 'pass' && status !== 'skip'
