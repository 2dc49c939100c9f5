// Reads a report (JSON lines: header, results, footer) into memory, validating every line against
// its schema. A report without a footer was cut short; that is recorded, never papered over.
// Version 1 reports are read too, upgraded to version 2 as they are read (upgradeV1Result).
import { readFileSync } from 'node:fs'
import {
  ALLOWED_BY_DEFAULT,
  createAjv,
  type ErrorObject,
  NOT_RUN,
  REPORT_VERSION,
  ReportFooter,
  ReportHeader,
  ReportResult,
  STATUSES,
  type Status,
  type TSchema,
  type ValidateFunction,
} from '@watchq/spec'
import { briefJson, pointerSegments } from '../schema/json-pointer.js'
import { schemaProblems } from '../schema/schema-errors.js'

export interface Report {
  /** Where the report came from (a file name), for messages and column headings. */
  readonly source: string
  /** The version the file was written in (its header now says REPORT_VERSION either way). */
  readonly version: number
  readonly header: ReportHeader
  readonly results: ReportResult[]
  /** Null when the run died before writing it. */
  readonly footer: ReportFooter | null
  /** No footer, or the last line was cut off mid-write. */
  readonly truncated: boolean
  /** Inconsistencies that do not stop the report being read (truncation, mismatched counts…). */
  readonly problems: string[]
}

/** A line that is not what a report may hold there; the message names the file and line. */
export class ReportError extends Error {}

export const STATUS_NAMES = Object.keys(STATUSES) as Status[]

let validators: { header: ValidateFunction; result: ValidateFunction; footer: ValidateFunction } | undefined

// Compiled on first use: most CLI commands never read a report.
function validator(kind: 'header' | 'result' | 'footer'): ValidateFunction {
  if (!validators) {
    const ajv = createAjv()
    const compile = (s: TSchema) => ajv.compile(s)
    validators = { header: compile(ReportHeader), result: compile(ReportResult), footer: compile(ReportFooter) }
  }
  return validators[kind]
}

/** Reads and parses one report file; an unreadable file is a ReportError naming it. */
export function readReportFile(path: string): Report {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    const why: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'is a directory',
    }
    throw new ReportError(`cannot read ${path}: ${(err.code && why[err.code]) || err.message}`)
  }
  return readReport(text, path)
}

export function readReport(text: string, source: string): Report {
  const lines = text.split('\n')
  const numbered = lines
    .map((raw, i) => ({ no: i + 1, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw }))
    .filter((l) => l.text.trim() !== '')
  const fail = (no: number, message: string): never => {
    throw new ReportError(`${source}:${no}: ${message}`)
  }
  const first = numbered[0]
  if (!first) throw new ReportError(`${source}: empty file: not a report (expected a header line first)`)

  const problems: string[] = []
  const { header, version } = parseHeader(first.text, first.no, fail)
  const results: ReportResult[] = []
  let footer: ReportFooter | null = null
  let cutMidLine = false

  for (const [i, { no, text: line }] of numbered.slice(1).entries()) {
    if (footer) fail(no, 'expected nothing after the footer, found another line')
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      // The runner died while writing its last line: no newline after it, and not valid JSON.
      const isLast = i === numbered.length - 2 && !text.endsWith('\n')
      if (isLast) {
        cutMidLine = true
        problems.push(`line ${no} is incomplete: the run stopped while writing it`)
        break
      }
      fail(no, `expected a result or footer line (a JSON object), but it is not JSON: ${(e as Error).message}`)
    }
    if (!isObject(value)) fail(no, `expected a result or footer line (a JSON object), found ${kindOf(value)}`)
    const obj = value as Record<string, unknown>
    if ('report' in obj) fail(no, 'expected a result or footer line, found a second header (two reports joined?)')
    if ('footer' in obj) {
      if (version === 1) {
        const p = upgradeV1Footer(obj, results)
        if (p) problems.push(p)
      }
      footer = validated(obj, 'footer', 'a footer line', no, fail) as ReportFooter
    } else {
      if (version === 1) upgradeV1Result(obj)
      results.push(validated(obj, 'result', 'a result line', no, fail) as ReportResult)
    }
  }

  problems.push(...consistency(header, results, footer))
  const truncated = footer === null || cutMidLine
  if (footer === null) {
    problems.unshift(`no footer: the run was cut short after ${results.length} of ${header.cases} case(s)`)
  }
  return { source, version, header, results, footer, truncated, problems }
}

/**
 * Report version 1 had one status, `skip`, for every case not run, and it was never unexpected.
 * Its reason tells the two apart: the runner's "needs …" is a platform requirement
 * (not-applicable); anything else (a feature or op lacked, a decline) is unsupported, and keeps
 * the verdict it had: allowed, as the version 1 run decided.
 */
export function upgradeV1Result(r: Record<string, unknown>): void {
  const allowedV1 = Array.isArray(r['expected']) ? (r['expected'] as unknown[]) : null
  if (allowedV1?.includes('skip'))
    r['expected'] = [...new Set(allowedV1.flatMap((s): unknown[] => (s === 'skip' ? [...NOT_RUN] : [s])))]
  if (r['status'] !== 'skip') return
  const reason = typeof r['reason'] === 'string' ? r['reason'] : ''
  r['status'] = reason.startsWith('needs ') ? 'not-applicable' : 'unsupported'
  if (r['status'] === 'unsupported' && r['unexpected'] === false && !allowedV1) {
    r['expected'] = ['pass', 'unsupported']
    r['expectedReason'] = 'report version 1: a skip was never unexpected'
  }
}

/**
 * A version 1 footer's counts: its `skip` count becomes the two statuses as the results (already
 * upgraded) hold them; a problem if they do not add up to it. Returns that problem, if any.
 */
function upgradeV1Footer(f: Record<string, unknown>, results: readonly ReportResult[]): string | null {
  const counts = f['counts']
  if (typeof counts !== 'object' || counts === null || !('skip' in counts)) return null
  const { skip, ...rest } = counts as Record<string, unknown>
  const na = results.filter((r) => r.status === 'not-applicable').length
  const unsupported = results.filter((r) => r.status === 'unsupported').length
  f['counts'] = { ...rest, 'not-applicable': na, unsupported }
  return skip === na + unsupported
    ? null
    : `the footer counts ${String(skip)} skip but the report holds ${na + unsupported}`
}

type Fail = (no: number, message: string) => never

function parseHeader(line: string, no: number, fail: Fail): { header: ReportHeader; version: number } {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (e) {
    return fail(
      no,
      `expected a report header (a JSON object with "report": ${REPORT_VERSION}), but it is not JSON: ${(e as Error).message}`,
    )
  }
  if (!isObject(value)) return fail(no, `expected a report header (a JSON object), found ${kindOf(value)}`)
  if (!('report' in value)) {
    const found = 'case' in value ? 'a result line' : 'footer' in value ? 'a footer line' : 'an object without "report"'
    return fail(no, `expected a report header first, found ${found}: the header is missing, this is not a report`)
  }
  const version = value['report']
  if (version !== REPORT_VERSION && version !== 1) {
    return fail(
      no,
      `unsupported report version ${JSON.stringify(version)} (this watchq reads versions 1 to ${REPORT_VERSION})`,
    )
  }
  const header = validated({ ...value, report: REPORT_VERSION }, 'header', 'a report header', no, fail) as ReportHeader
  return { header, version }
}

function validated(
  value: unknown,
  kind: 'header' | 'result' | 'footer',
  what: string,
  no: number,
  fail: Fail,
): unknown {
  const validate = validator(kind)
  if (!validate(value)) fail(no, `expected ${what}: ${explainAjv(validate.errors ?? [], value)}`)
  return value
}

/** What the file says against what it holds: the counts a footer claims, the `unexpected` flags. */
function consistency(header: ReportHeader, results: readonly ReportResult[], footer: ReportFooter | null): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const r of results) {
    if (seen.has(r.case)) problems.push(`case ${r.case} has more than one result`)
    seen.add(r.case)
    const allowed = r.expected ?? ALLOWED_BY_DEFAULT
    if (r.unexpected !== !allowed.includes(r.status)) {
      problems.push(
        `case ${r.case}: marked ${r.unexpected ? 'unexpected' : 'expected'}, but status ${r.status} is ${allowed.includes(r.status) ? '' : 'not '}among the allowed (${allowed.join(', ')})`,
      )
    }
  }
  if (!footer) return problems
  if (footer.stopped !== undefined) {
    problems.push(`the run stopped after ${results.length} of ${header.cases} case(s): ${footer.stopped}`)
  } else if (results.length !== header.cases && !footer.failFast) {
    problems.push(`the header announces ${header.cases} case(s) but the report holds ${results.length} result(s)`)
  }
  const counts = countStatuses(results)
  for (const s of new Set([...STATUS_NAMES, ...Object.keys(footer.counts)])) {
    const claimed = footer.counts[s] ?? 0
    const actual = counts[s as Status] ?? 0
    if (claimed !== actual) problems.push(`the footer counts ${claimed} ${s} but the report holds ${actual}`)
  }
  const unexpected = results.filter((r) => r.unexpected).length
  if (footer.unexpected !== unexpected) {
    problems.push(`the footer counts ${footer.unexpected} unexpected but the report holds ${unexpected}`)
  }
  return problems
}

/** Results per status, every status present (zero when none). */
export function countStatuses(results: readonly ReportResult[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUS_NAMES.map((s) => [s, 0])) as Record<Status, number>
  for (const r of results) counts[r.status]++
  return counts
}

/** "name version" of who answered, or the --impl argument when it never said hello. */
export function implementationName(header: ReportHeader): string {
  const i = header.implementation
  return i ? `${i.name} ${i.version}`.trim() : `${header.impl} (no hello)`
}

/** "kernel 6.8.0, x86_64", or what of it is known. */
export function platform(header: ReportHeader): string {
  const i = header.implementation
  if (!i) return 'platform unknown'
  return [i.kernel ? `kernel ${i.kernel}` : 'kernel unknown', i.arch].join(', ')
}

// --- Ajv errors as one line ---

/** Ajv's errors for one value as one line: the three deepest problems, in JSONPath form. */
export function explainAjv(errors: readonly ErrorObject[], data: unknown): string {
  const problems = schemaProblems(errors, data)
  const parts = problems
    .slice(0, 3)
    .map((p) => `${jsonPath(p.pointer)} ${p.message}${p.found ? ` (found ${briefJson(p.found.value)})` : ''}`)
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : ''
  return parts.length ? parts.join('; ') + more : 'does not match the schema'
}

/** A JSON pointer as a JSONPath: /divergence/decoded/0 → $.divergence.decoded[0]. */
function jsonPath(pointer: string): string {
  return pointerSegments(pointer).reduce(
    (acc, s) => acc + (/^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`),
    '$',
  )
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`
}
