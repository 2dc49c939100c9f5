// `watchq fuzz`: seeded random programs run on two implementations; the first divergence is shrunk
// to a small program (fast-check), printed with its seed, and written as a regression case whose
// expectations are what implementation A did.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Case, Connector, ImplementationInfo } from '@watchq/spec'
import fc from 'fast-check'
import { captureLines, captureToCase } from '../cases/capture.js'
import { makeDirs } from '../files/make-dirs.js'
import { RestartBudget, type RunOutcome, Session } from '../runner/session.js'
import { wireSteps } from '../runner/wire.js'
import { compareRuns, runBoth } from './differential.js'
import { type AbstractOp, program, toSteps } from './program.js'

export interface FuzzOptions {
  readonly a: Connector
  readonly b: Connector
  readonly seed: number
  readonly count: number
  readonly maxSteps?: number
  /** Stop generating after this long (ms), whatever count says. */
  readonly timeLimitMs?: number
  readonly outDir?: string
  readonly log?: (line: string) => void
}

export interface FuzzResult {
  readonly programs: number
  readonly steps: number
  readonly ms: number
  readonly divergence?: { readonly steps: Case['steps']; readonly why: string; readonly file?: string }
}

export async function fuzz(o: FuzzOptions): Promise<FuzzResult> {
  const budget = new RestartBudget(20)
  const sa = new Session(o.a, budget, 120_000)
  const sb = new Session(o.b, budget, 120_000)
  if (!(await sa.ensure())) throw new Error(`A (${o.a.spec}): ${sa.dead}`)
  if (!(await sb.ensure())) throw new Error(`B (${o.b.spec}): ${sb.dead}`)
  let seq = 0
  let programs = 0
  let steps = 0
  let last: { steps: Case['steps']; why: string; a: RunOutcome } | undefined
  const t0 = performance.now()
  const deadline = o.timeLimitMs ? t0 + o.timeLimitMs : Number.POSITIVE_INFINITY
  const property = fc.asyncProperty(program(o.maxSteps ?? 24), async (ops: AbstractOp[]) => {
    if (performance.now() > deadline) return true
    const s = toSteps(ops, String(seq))
    if (s.length === 0) return true
    const { a, b } = await runBoth(sa, sb, seq++, s, 120_000)
    programs++
    steps += s.length
    const v = compareRuns(s, { info: sa.info!, outcome: a }, { info: sb.info!, outcome: b })
    // What follows the first differing step cannot matter: the case ends there.
    if (!v.same) last = { steps: v.step !== undefined ? s.slice(0, v.step + 1) : s, why: v.why, a }
    return v.same
  })
  const report = await fc.check(property, { seed: o.seed, numRuns: o.count, endOnFailure: false })
  const ms = performance.now() - t0
  await Promise.all([sa.stop(), sb.stop()])
  if (!report.failed || !last) return { programs, steps, ms }
  // After shrinking, `last` holds the smallest failing program fast-check tried last.
  let file: string | undefined
  if (o.outDir) file = writeRegression(o.outDir, o.seed, last, sa.info!)
  return { programs, steps, ms, divergence: { steps: last.steps, why: last.why, ...(file ? { file } : {}) } }
}

/** The shrunk program as a case whose expectations are what A did (serials by position). */
function writeRegression(
  dir: string,
  seed: number,
  last: { steps: Case['steps']; why: string; a: RunOutcome },
  info: ImplementationInfo,
): string {
  makeDirs(dir)
  const file = join(dir, `seed-${seed}.json`)
  let steps: Case['steps'] = last.steps
  if (last.a.kind === 'observed') {
    const done = Math.min(
      last.steps.length,
      last.a.observations.filter((x) => x.error === undefined && x.skipped === undefined).length,
    )
    const c: Case = { description: 'fuzz', steps: last.steps.slice(0, done) }
    const replay = captureToCase(
      captureLines(
        { id: 'fuzz', case: c, implementation: info, recorded: '', watchq: '' },
        wireSteps(c),
        last.a.observations.slice(0, done),
      ),
    )
    if (!('problems' in replay)) steps = [...replay.case.steps, ...last.steps.slice(done)]
  }
  const c: Case = {
    description: `fuzz divergence (seed ${seed}): ${last.why}`,
    comment: `Written by watchq fuzz from the shrunk program; the expectations are what ${info.name} (${info.kernel ?? ''} ${info.arch}) did. Check them against a real kernel before keeping the case.`,
    steps,
  }
  writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`)
  return file
}
