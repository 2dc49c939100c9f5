// Runs one program on two implementations and says where they first differ. B is held to A's
// observations the way a capture is replayed: return values, errnos and record bytes must agree,
// key serials only by position (each side has its own).
import type { Case, ImplementationInfo, Observation } from '@watchq/spec'
import { captureLines, captureToCase } from '../cases/capture.js'
import { evaluate } from '../runner/evaluate.js'
import type { RunOutcome, Session } from '../runner/session.js'
import { wireSteps } from '../runner/wire.js'

export type Verdict =
  | { readonly same: true }
  | {
      readonly same: false
      readonly why: string
      /** The step where B first differed, when B performed the steps and one differed. */
      readonly step?: number
    }

/** Observations up to (not including) the first step an implementation did not perform. */
function performed(obs: readonly Observation[]): { obs: Observation[]; stop?: string } {
  const i = obs.findIndex((o) => o.error !== undefined || o.skipped !== undefined)
  return i === -1 ? { obs: [...obs] } : { obs: obs.slice(0, i), stop: `step ${i}: ${obs[i]!.error ?? obs[i]!.skipped}` }
}

export function compareRuns(
  steps: Case['steps'],
  a: { info: ImplementationInfo; outcome: RunOutcome },
  b: { info: ImplementationInfo; outcome: RunOutcome },
): Verdict {
  if (a.outcome.kind !== 'observed')
    return { same: false, why: `A did not answer: ${a.outcome.kind} ${'reason' in a.outcome ? a.outcome.reason : ''}` }
  if (b.outcome.kind !== 'observed')
    return { same: false, why: `B did not answer: ${b.outcome.kind} ${'reason' in b.outcome ? b.outcome.reason : ''}` }
  const pa = performed(a.outcome.observations)
  const pb = performed(b.outcome.observations)
  if (pa.obs.length !== pb.obs.length) {
    return {
      same: false,
      why: `A performed ${pa.obs.length} steps (${pa.stop ?? 'all'}), B ${pb.obs.length} (${pb.stop ?? 'all'})`,
    }
  }
  if (pa.obs.length === 0) return { same: true }
  const c: Case = { description: 'differential', steps: steps.slice(0, pa.obs.length) }
  const wire = wireSteps(c)
  const text = captureLines({ id: 'fuzz', case: c, implementation: a.info, recorded: '', watchq: '' }, wire, pa.obs)
  const replay = captureToCase(text)
  if ('problems' in replay) return { same: false, why: `A's run does not replay: ${replay.problems.join('; ')}` }
  const v = evaluate(
    replay.case,
    { kind: 'observed', observations: pb.obs },
    { endian: b.info.endian, revision: b.info.revision ?? 'mainline' },
  )
  if (v.status === 'pass') return { same: true }
  const step = v.divergence?.step
  return { same: false, why: v.reason ?? v.status, ...(step !== undefined ? { step } : {}) }
}

export async function runBoth(
  sa: Session,
  sb: Session,
  seq: number,
  steps: Case['steps'],
  timeoutMs: number,
): Promise<{ a: RunOutcome; b: RunOutcome }> {
  const wire = wireSteps({ description: 'fuzz', steps })
  const [a, b] = await Promise.all([sa.run(seq, 'fuzz', wire, timeoutMs), sb.run(seq, 'fuzz', wire, timeoutMs)])
  return { a, b }
}
