// Checks a schema cannot express: handles used before they are bound, binds of the right shape,
// outcomes that both succeed and fail.
import { type Case, isRef, OPS } from '@watchq/spec'
import { outcomes } from './outcomes.js'

/** Ops whose observation carries bytes: what read() returned, what a program wrote. */
const BYTES_OPS: ReadonlySet<string> = new Set(['read', 'wait_exit', 'output'])
/** Ops whose observation carries a value: FIONREAD's count, how often wait_output probed. */
const VALUE_OPS: ReadonlySet<string> = new Set(['fionread', 'wait_queued', 'wait_output'])

/** Argument names whose values are sent to the implementation (handles there must be bound). */
const ARG_SKIP = new Set(['op', 'bind', 'expect', 'comment', 'repeat'])

export function semanticProblems(c: Case): string[] {
  const problems: string[] = []
  const bound = new Set<string>()
  c.steps.forEach((step, i) => {
    const where = `/steps/${i}`
    const info = OPS.get(step.op)!
    for (const [k, v] of Object.entries(step)) {
      if (ARG_SKIP.has(k)) continue
      if (isRef(v) && !bound.has(v as string))
        problems.push(`${where}/${k}: handle ${v} is used before any step binds it`)
    }
    const bind = (step as { bind?: string | string[] }).bind
    const repeat = (step as { repeat?: number }).repeat
    if (repeat !== undefined && bind !== undefined)
      problems.push(`${where}/repeat: a repeated step cannot bind handles`)
    if (bind !== undefined) {
      const names = Array.isArray(bind) ? bind : [bind]
      if (info.binds === 'ret' && names.length !== 1)
        problems.push(`${where}/bind: ${step.op} binds one handle (its return value)`)
      if (info.binds === 'fds' && names.length > 2)
        problems.push(`${where}/bind: ${step.op} binds at most two handles (read end, write end)`)
      for (const n of names) {
        if (bound.has(n)) problems.push(`${where}/bind: ${n} is already bound by an earlier step`)
        bound.add(n)
      }
    }
    const expect = (step as { expect?: Parameters<typeof outcomes>[0] }).expect
    if (expect) {
      outcomes(expect).forEach((o, j) => {
        const w = expect.anyOf ? `${where}/expect/anyOf/${j}` : `${where}/expect`
        if (o.errno !== undefined && (o.ret !== undefined || o.records !== undefined || o.bytes !== undefined))
          problems.push(`${w}: an outcome cannot expect both an errno and a result`)
        if (o.records !== undefined && step.op !== 'read') problems.push(`${w}: only read observes records`)
        if (o.bytes !== undefined && !BYTES_OPS.has(step.op))
          problems.push(`${w}: only ${[...BYTES_OPS].join(', ')} observe bytes`)
        if (o.revents !== undefined && step.op !== 'poll') problems.push(`${w}: only poll observes revents`)
        if (o.flags !== undefined && (step.op !== 'fcntl' || (step as { cmd?: string }).cmd !== 'F_GETFL'))
          problems.push(`${w}: only fcntl F_GETFL observes flags`)
        if (o.value !== undefined && !VALUE_OPS.has(step.op))
          problems.push(`${w}: only ${[...VALUE_OPS].join(', ')} observe a value`)
        // Handles an expectation mentions become bound (first sight).
        for (const v of [o.ret, o.value, ...(o.records ?? []).flatMap((r) => Object.values(r))])
          if (isRef(v)) bound.add(v)
      })
    }
  })
  return problems
}
