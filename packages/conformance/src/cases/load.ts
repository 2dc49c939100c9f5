// Finds, parses and validates cases (*.json) and captures (*.jsonl) before a run. Every problem
// names the file, the JSON path (or line) and what was expected; nothing runs until all load.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { CASE_ID_PATTERN, type Case, Case as CaseSchema, MAX_CASE_STEPS, OP_NAMES, OPS, Type } from '@watchq/spec'
import { errnoText } from '../errors/environment-error.js'
import { captureToCase } from './capture.js'
import { expandRepeats } from './expand.js'
import { semanticProblems } from './semantic.js'
import { explainErrors, jsonErrorPosition, schemaValidator } from './validate.js'

export interface LoadedCase {
  readonly id: string
  readonly file: string
  readonly case: Case
  readonly from: 'case' | 'capture'
  /** sha256 of the file as loaded (captures record which version of a case they ran). */
  readonly sha256: string
}

export interface Loaded {
  readonly cases: LoadedCase[]
  /** One entry per bad file: "file: …" (possibly several lines). */
  readonly problems: string[]
}

// The case with its steps left open, so that each step is checked against its own op's schema
// (errors against a union of 35 ops would be unreadable).
const Shell = Type.Object(
  {
    ...CaseSchema.properties,
    steps: Type.Array(Type.Object({ op: Type.String() }), { minItems: 1, maxItems: MAX_CASE_STEPS }),
  },
  { additionalProperties: false },
)

/** Case problems as JSON paths, or none. */
export function caseProblems(json: unknown): string[] {
  const shell = schemaValidator(Shell)
  if (!shell(json)) return explainErrors(shell.errors ?? [], json)
  const problems: string[] = []
  ;(json as { steps: { op: string }[] }).steps.forEach((step, i) => {
    const info = OPS.get(step.op)
    if (!info) {
      problems.push(`/steps/${i}/op: unknown op ${JSON.stringify(step.op)}; known: ${OP_NAMES.join(', ')}`)
      return
    }
    const v = schemaValidator(info.schema)
    if (!v(step)) problems.push(...explainErrors(v.errors ?? [], step, `/steps/${i}`))
  })
  if (problems.length) return problems
  const expanded = (json as Case).steps.reduce((n, s) => n + ((s as { repeat?: number }).repeat ?? 1), 0)
  if (expanded > MAX_CASE_STEPS)
    return [`/steps: ${expanded} steps once each repeat is expanded; a case may have at most ${MAX_CASE_STEPS}`]
  return semanticProblems(json as Case)
}

/** What `watchq capture` writes beside its captures: not cases, skipped when walking a directory. */
const BESIDE_CAPTURES = new Set(['manifest.json', 'report.jsonl'])

/**
 * The case and capture files below `dir`, following symbolic links but each directory only once
 * (a link back up would recurse forever). What cannot be read is a problem naming the path.
 */
function walk(dir: string, out: string[], problems: string[], seen = new Set<string>()): void {
  let names: string[]
  try {
    const real = realpathSync(dir)
    if (seen.has(real)) {
      problems.push(`${dir}: a symbolic link back to ${real}, which is already being read; skipped`)
      return
    }
    seen.add(real)
    names = readdirSync(dir).sort()
  } catch (e) {
    problems.push(`${dir}: ${errnoText(e)}`)
    return
  }
  for (const name of names) {
    const p = join(dir, name)
    let st: ReturnType<typeof statSync>
    try {
      st = statSync(p)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      const link = code === 'ENOENT' || code === 'ELOOP' ? 'a symbolic link that leads nowhere: ' : ''
      problems.push(`${p}: ${link}${errnoText(e)}`)
      continue
    }
    if (st.isDirectory()) walk(p, out, problems, seen)
    else if ((name.endsWith('.json') || name.endsWith('.jsonl')) && !BESIDE_CAPTURES.has(name)) out.push(p)
  }
}

/** The id of a file: its path below the nearest `cases`/`captures` directory, else below `base`. */
function idOf(file: string, base: string): string {
  const parts = resolve(file).split(sep)
  const root = Math.max(parts.lastIndexOf('cases'), parts.lastIndexOf('captures'))
  const rel = root >= 0 ? parts.slice(root + 1).join('/') : relative(base, file).split(sep).join('/')
  return rel.replace(/\.jsonl?$/, '')
}

export function loadCases(paths: readonly string[]): Loaded {
  const files: { file: string; base: string }[] = []
  const problems: string[] = []
  for (const p of paths) {
    let st: ReturnType<typeof statSync>
    try {
      st = statSync(p)
    } catch (e) {
      problems.push(`${p}: ${errnoText(e)}`)
      continue
    }
    if (st.isDirectory()) {
      const found: string[] = []
      walk(p, found, problems)
      // Run order is id order (keys/chown before keys/chown-unchanged, which a sort of file
      // names would swap): the same whatever the file extensions, and what merge reproduces.
      const id = new Map(found.map((f) => [f, idOf(f, p)]))
      found.sort((a, b) => (id.get(a)! < id.get(b)! ? -1 : id.get(a)! > id.get(b)! ? 1 : 0))
      if (found.length === 0) problems.push(`${p}: no *.json cases or *.jsonl captures in this directory`)
      for (const f of found) files.push({ file: f, base: p })
    } else files.push({ file: p, base: dirname(p) })
  }
  const cases: LoadedCase[] = []
  const seen = new Map<string, string>()
  for (const { file, base } of files) {
    const id = idOf(file, base)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`)
      continue
    }
    const loaded = file.endsWith('.jsonl') ? loadCapture(file, text) : loadCase(file, text)
    if ('problems' in loaded) {
      problems.push(`${file}: not valid:\n${loaded.problems.map((l) => `  at ${l}`).join('\n')}`)
      continue
    }
    if (!new RegExp(CASE_ID_PATTERN).test(id)) {
      problems.push(`${file}: id "${id}" (from its path) must be lower-case a-z 0-9 . _ - in /-separated segments`)
      continue
    }
    const other = seen.get(id)
    if (other) {
      problems.push(`${file}: id "${id}" is also the id of ${other}`)
      continue
    }
    seen.set(id, file)
    const sha256 = createHash('sha256').update(text).digest('hex')
    cases.push({ id, file, case: loaded.case, from: file.endsWith('.jsonl') ? 'capture' : 'case', sha256 })
  }
  return { cases, problems }
}

function loadCase(file: string, text: string): { case: Case } | { problems: string[] } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { problems: [`${jsonErrorPosition(text, e as Error)} (in ${basename(file)})`] }
  }
  const problems = caseProblems(json)
  return problems.length ? { problems } : { case: expandRepeats(json as Case) }
}

function loadCapture(_file: string, text: string): { case: Case } | { problems: string[] } {
  const r = captureToCase(text)
  if ('problems' in r) return r
  // A converted capture must itself be a valid case (it was made by a program; check anyway).
  const problems = caseProblems(r.case)
  return problems.length ? { problems: problems.map((p) => `converted case ${p}`) } : r
}
