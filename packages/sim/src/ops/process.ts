// Ops on the case process itself: sleep (simulated time passes: key expiry, the gc) and
// setrlimit(RLIMIT_NOFILE) (new fds and the per-uid watch limit,
// docs/semantics.md#the-per-user-watch-limit). The ops on programs of the machine under test
// (feature `exec`) are declined: a simulated machine has no programs.
import { argInt, type OpHandler, result, StepError, StepSkip } from './context.js'

export const opSleep: OpHandler = (c) => {
  const ms = argInt(c, 'ms')
  if (ms < 0 || ms > 3_600_000) throw new StepError('argument ms: expected 0 to 3600000')
  const clock = c.kernel.clock
  clock.advanceTo(clock.now + ms)
  return { ret: 0, elapsedMs: ms }
}

export const opSetrlimit: OpHandler = (c) => {
  if (c.step.resource !== 'RLIMIT_NOFILE') throw new StepSkip('setrlimit: only RLIMIT_NOFILE is known')
  const soft = argInt(c, 'soft')
  const hard = c.step.hard === undefined ? undefined : argInt(c, 'hard')
  if (soft < 0 || (hard !== undefined && hard < 0))
    throw new StepError('arguments soft and hard: expected non-negative integers')
  return result(c.proc.setNofile(soft, hard))
}

/** spawn, wait_output, wait_exit, output, kill: never in hello, skipped if sent anyway. */
export const opProgram: OpHandler = (c) => {
  throw new StepSkip(`the simulator runs no programs (op ${String(c.step.op)} needs the exec feature)`)
}
