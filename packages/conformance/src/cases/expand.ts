// `repeat` is shorthand for writing a step several times: the loader expands it, so the runner,
// the implementation and reports only ever see single steps (step numbers count the copies).
import type { Case } from '@watchq/spec'

export function expandRepeats(c: Case): Case {
  if (!c.steps.some((s) => (s as { repeat?: number }).repeat !== undefined)) return c
  const steps: Case['steps'] = []
  for (const s of c.steps) {
    const { repeat, ...one } = s as typeof s & { repeat?: number }
    for (let i = 0; i < (repeat ?? 1); i++) steps.push(one as Case['steps'][number])
  }
  return { ...c, steps }
}
