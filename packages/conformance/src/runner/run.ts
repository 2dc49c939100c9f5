// The run: cases in, one report out. `jobs` sessions take cases from one queue; each result is
// written as soon as it is known; a crashed or stuck implementation costs its case, not the run.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  type Connector,
  type ImplementationInfo,
  REPORT_VERSION,
  type ReportHeader,
  type ReportResult,
  type Status,
} from '@watchq/spec'
import { captureLines, uncapturable } from '../cases/capture.js'
import type { LoadedCase } from '../cases/load.js'
import { makeDirs } from '../files/make-dirs.js'
import type { ReportSink } from '../report/write.js'
import { evaluate, type Verdict } from './evaluate.js'
import { AllowUnsupported, Expectations, isUnexpected } from './expectations.js'
import { exploredVerdict, type ScheduleExplorer } from './explore.js'
import { unmetRequirement } from './requirements.js'
import { RestartBudget, Session } from './session.js'
import { caseTimeoutMs, wireSteps } from './wire.js'

export interface RunOptions {
  readonly connector: Connector
  readonly cases: readonly LoadedCase[]
  readonly report: ReportSink
  readonly jobs?: number
  /** Per-request limit in ms (hello, and each case on top of its own waits). */
  readonly timeoutMs?: number
  readonly failFast?: boolean
  readonly expectations?: Expectations
  /** Unsupported results to allow without an expectations entry: features, op:NAME, or all. */
  readonly allowUnsupported?: AllowUnsupported
  readonly maxRestarts?: number
  /** Write a capture per case here (as <dir>/<case id>.jsonl). */
  readonly captureDir?: string
  readonly version: string
  readonly argv?: readonly string[]
  /** Called when a capture was written: its path relative to captureDir, and the case's status. */
  readonly onCapture?: (file: string, status: Status) => void
  /** Called for a case that is not captured (uncapturable in cases/capture.ts), with why. */
  readonly onUncaptured?: (id: string, why: string) => void
  /** Called after each result (progress display). */
  readonly onResult?: (r: ReportResult, done: number, total: number) => void
  readonly now?: () => Date
  /** Aborting stops the run: no new case starts, running ones are dropped, the footer says why. */
  readonly signal?: AbortSignal
  /** This run is one shard of a larger selection (--shard): recorded in the header. */
  readonly shard?: ReportHeader['shard']
  /** Judge each case under every schedule this explorer runs it under (--impl sim:explore). */
  readonly explorer?: ScheduleExplorer
}

export interface RunSummary {
  readonly implementation: ImplementationInfo | null
  readonly counts: Record<Status, number>
  readonly unexpected: number
  /** Unsupported results per thing lacked (a feature, or op:NAME); a case lacking two counts for both. */
  readonly lacking: Record<string, number>
  /** Unsupported results the implementation declined without naming an op (the whole case). */
  readonly declined: number
  readonly restarts: number
  readonly stoppedEarly: boolean
  /** Why the run ended before every case ran (interrupted, or the implementation never started). */
  readonly stopped?: string
}

const STATUS_ORDER: Status[] = ['pass', 'fail', 'error', 'crash', 'timeout', 'not-applicable', 'unsupported']

export async function runSuite(o: RunOptions): Promise<RunSummary> {
  const now = o.now ?? (() => new Date())
  const timeoutMs = o.timeoutMs ?? 30_000
  const expectations = o.expectations ?? new Expectations()
  const allowUnsupported = o.allowUnsupported ?? new AllowUnsupported()
  const budget = new RestartBudget(o.maxRestarts ?? 10)
  const jobs = Math.max(1, Math.min(o.jobs ?? 1, o.cases.length || 1))
  const sessions = Array.from({ length: jobs }, () => new Session(o.connector, budget, timeoutMs))
  // An abort ends every connection at once, so that requests under way come back now.
  const onAbort = () => {
    for (const s of sessions) void s.stop()
  }
  o.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    return await runSessions(o, sessions, budget, timeoutMs, expectations, allowUnsupported, now)
  } finally {
    o.signal?.removeEventListener('abort', onAbort)
    // A report that cannot be written (or any other failure) must not leave an implementation running.
    await Promise.all(sessions.map((s) => s.stop()))
  }
}

async function runSessions(
  o: RunOptions,
  sessions: Session[],
  budget: RestartBudget,
  timeoutMs: number,
  expectations: Expectations,
  allowUnsupported: AllowUnsupported,
  now: () => Date,
): Promise<RunSummary> {
  // The first hello goes into the header, before any result. Without one nothing can run: the
  // report says why in its footer, instead of one error per case.
  const started = await untilAborted(sessions[0]!.ensure(), o.signal)
  const first = sessions[0]!
  const known = o.connector.provenance?.() ?? {}
  o.report.header({
    report: REPORT_VERSION,
    watchq: o.version,
    started: now().toISOString(),
    impl: o.connector.spec,
    implementation: first.info,
    cases: o.cases.length,
    ...(o.argv ? { argv: [...o.argv] } : {}),
    ...(o.shard ? { shard: o.shard } : {}),
    ...(Object.keys(known).length ? { provenance: { ...known } } : {}),
  })
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>
  const interrupted = () => (o.signal?.aborted ? `interrupted by ${String(o.signal.reason ?? 'an abort')}` : undefined)
  if (!started) {
    const stderr = first.takeStderr().trim().split('\n').at(-1)?.trim()
    const stopped =
      interrupted() ??
      `${first.dead ?? 'the implementation never said hello'}${stderr ? `; its last stderr line: ${stderr}` : ''}`
    o.report.footer({
      footer: true,
      finished: now().toISOString(),
      counts,
      unexpected: 0,
      failFast: false,
      restarts: budget.used,
      stopped,
    })
    return {
      implementation: null,
      counts,
      unexpected: 0,
      lacking: {},
      declined: 0,
      restarts: budget.used,
      stoppedEarly: true,
      stopped,
    }
  }
  let unexpected = 0
  const lacking: Record<string, number> = {}
  let declined = 0
  let next = 0
  let done = 0
  let stop = false
  let seq = 0

  const runOne = async (session: Session, lc: LoadedCase): Promise<void> => {
    const t0 = performance.now()
    let verdict: Verdict
    let observations: ReportResult['observations']
    const info = session.info ?? first.info
    const unmet = info ? unmetRequirement(lc.case, info) : null
    if (!info && !(await session.ensure()))
      verdict = { status: 'error', reason: session.dead ?? 'the implementation is unavailable' }
    else if (unmet) verdict = unmet
    else {
      const steps = wireSteps(lc.case)
      const outcome = await session.run(seq++, lc.id, steps, caseTimeoutMs(lc.case, timeoutMs))
      // Cut off by an interrupt: not a result of the implementation's.
      if (o.signal?.aborted) return
      const impl = session.info!
      const ctx = { endian: impl.endian, revision: impl.revision ?? 'mainline' }
      verdict = evaluate(lc.case, outcome, ctx)
      // A flaky case shows what it observed under the schedule that broke it.
      let broken: ReportResult['observations']
      if (o.explorer && outcome.kind === 'observed') {
        const explored = o.explorer.explore(lc.case, steps, (other) => evaluate(lc.case, other, ctx))
        if (verdict.status === 'pass') broken = explored.breaking?.observations
        verdict = exploredVerdict(verdict, explored)
      }
      if (outcome.kind === 'observed') {
        observations = broken ?? outcome.observations
        const notCaptured = o.captureDir ? uncapturable(lc.case) : undefined
        if (notCaptured !== undefined) o.onUncaptured?.(lc.id, notCaptured)
        else if (o.captureDir && verdict.status !== 'unsupported' && verdict.status !== 'error') {
          const file = join(o.captureDir, `${lc.id}.jsonl`)
          makeDirs(dirname(file))
          const provenance = { ...o.connector.provenance?.(), impl: o.connector.spec, caseSha256: lc.sha256 }
          const meta = {
            id: lc.id,
            case: lc.case,
            implementation: impl,
            recorded: now().toISOString(),
            watchq: o.version,
            provenance,
          }
          writeFileSync(file, captureLines(meta, steps, outcome.observations))
          o.onCapture?.(`${lc.id}.jsonl`, verdict.status)
        }
      }
    }
    let allowed = expectations.lookup(lc.id, session.info ?? first.info)
    if (verdict.status === 'unsupported' && !allowed?.statuses.includes('unsupported'))
      allowed = allowUnsupported.allows(verdict.lacks) ?? allowed
    const isBad = isUnexpected(verdict.status, allowed)
    // Taken either way, so that a passing case's stderr is not attached to the next one.
    const taken = session.takeStderr()
    const stderr = verdict.status === 'pass' ? '' : taken
    const result: ReportResult = {
      case: lc.id,
      description: lc.case.description,
      status: verdict.status,
      ...(allowed ? { expected: [...allowed.statuses], expectedReason: allowed.reason } : {}),
      unexpected: isBad,
      ...(verdict.reason !== undefined ? { reason: verdict.reason } : {}),
      ...(verdict.lacks?.length ? { lacks: [...verdict.lacks] } : {}),
      durationMs: Math.round((performance.now() - t0) * 1000) / 1000,
      ...(verdict.divergence ? { divergence: verdict.divergence } : {}),
      ...(verdict.status !== 'pass' ? { steps: wireSteps(lc.case) } : {}),
      ...(verdict.status !== 'pass' && observations ? { observations } : {}),
      ...(verdict.line !== undefined ? { line: verdict.line } : {}),
      ...(stderr ? { stderr } : {}),
    }
    counts[verdict.status]++
    if (verdict.status === 'unsupported') {
      for (const l of verdict.lacks ?? []) lacking[l] = (lacking[l] ?? 0) + 1
      if (!verdict.lacks?.length) declined++
    }
    if (isBad) unexpected++
    done++
    o.report.result(result)
    o.onResult?.(result, done, o.cases.length)
    if (isBad && o.failFast) stop = true
  }

  await Promise.all(
    sessions.map(async (session) => {
      while (!stop && !o.signal?.aborted && next < o.cases.length) await runOne(session, o.cases[next++]!)
      await session.stop()
    }),
  )
  const stopped = done < o.cases.length ? interrupted() : undefined
  const stoppedEarly = (stop || stopped !== undefined) && done < o.cases.length
  o.report.footer({
    footer: true,
    finished: now().toISOString(),
    counts,
    unexpected,
    failFast: stop && stopped === undefined && stoppedEarly,
    restarts: budget.used,
    ...(stopped !== undefined ? { stopped } : {}),
  })
  return {
    implementation: first.info,
    counts,
    unexpected,
    lacking,
    declined,
    restarts: budget.used,
    stoppedEarly,
    ...(stopped !== undefined ? { stopped } : {}),
  }
}

/** `work`'s result, or false as soon as `signal` is aborted. */
function untilAborted(work: Promise<boolean>, signal: AbortSignal | undefined): Promise<boolean> {
  if (!signal) return work
  if (signal.aborted) return Promise.resolve(false)
  return new Promise((resolve) => {
    const onAbort = () => resolve(false)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (ok) => {
        signal.removeEventListener('abort', onAbort)
        resolve(ok && !signal.aborted)
      },
      () => resolve(false),
    )
  })
}
