// Turns what an implementation answered for a case into a status: binds handles step by step,
// compares each observation with its expectation, and stops at the first divergence.
import type { Case, Divergence, Observation, Status } from '@watchq/spec'
import { OPS } from '@watchq/spec'
import type { DecodeContext } from '../cases/observed.js'
import { Bindings } from './bindings.js'
import { compareStep } from './compare.js'
import type { RunOutcome } from './session.js'

export interface Verdict {
  readonly status: Status
  readonly reason?: string
  /** unsupported: what the implementation lacks (features, op:NAME); see the report's `lacks`. */
  readonly lacks?: readonly string[]
  readonly divergence?: Divergence
  readonly line?: string
}

/** Binds the handles a step names in `bind` to what it observed. */
function bindStep(step: Case['steps'][number], o: Observation, b: Bindings): void {
  const bind = (step as { bind?: string | string[] }).bind
  if (bind === undefined) return
  const names = Array.isArray(bind) ? bind : [bind]
  const kind = OPS.get(step.op)?.binds
  if (kind === 'fds' && o.fds) {
    for (const [i, n] of names.entries()) if (o.fds[i] !== undefined) b.set(n, o.fds[i]!)
  } else if (kind === 'ret' && o.ret !== undefined) b.set(names[0]!, o.ret)
}

export function evaluate(c: Case, outcome: RunOutcome, ctx: DecodeContext): Verdict {
  switch (outcome.kind) {
    case 'skipped':
      return { status: 'unsupported', reason: `the implementation declined: ${outcome.reason}` }
    case 'errored':
      return { status: 'error', reason: outcome.reason, ...(outcome.line !== undefined ? { line: outcome.line } : {}) }
    case 'timeout':
      return { status: 'timeout', reason: outcome.reason }
    case 'crash':
      return { status: 'crash', reason: outcome.reason }
  }
  const obs = outcome.observations
  const b = new Bindings()
  for (let i = 0; i < c.steps.length; i++) {
    const step = c.steps[i]!
    const o = obs[i]
    if (o === undefined) {
      return {
        status: 'error',
        reason: `the implementation answered ${obs.length} observation(s) for ${c.steps.length} steps, without saying why it stopped`,
      }
    }
    if (o.skipped !== undefined)
      return { status: 'unsupported', reason: `step ${i} (${step.op}): ${o.skipped}`, lacks: [`op:${step.op}`] }
    if (o.error !== undefined)
      return { status: 'error', reason: `step ${i} (${step.op}): the implementation failed: ${o.error}` }
    bindStep(step, o, b)
    const r = compareStep(step.expect, o, b, ctx)
    if (!r.ok) {
      return {
        status: 'fail',
        reason: `step ${i} (${step.op}): ${r.what}`,
        divergence: {
          step: i,
          op: step.op,
          what: r.what,
          expected: step.expect ?? null,
          observed: o,
          ...(r.decoded ? { decoded: r.decoded } : {}),
        },
      }
    }
  }
  if (obs.length > c.steps.length) {
    return {
      status: 'error',
      reason: `the implementation answered ${obs.length} observations for ${c.steps.length} steps`,
    }
  }
  return { status: 'pass' }
}
