// The protocol face: answers hello/run/stop exactly as the kernel agent does (adapter protocol v1),
// on one simulated machine. Each run is a fresh process on it. A malformed request is answered
// with a protocol error, never thrown; so is a fault of the simulator itself.

import type { InProcessImplementation } from '@watchq/spec'
import { MAX_LINE_BYTES, type Observation, OP_NAMES, OPS, PROGRAM_OPS, PROTOCOL_VERSION } from '@watchq/spec'
import { Kernel } from './kernel.js'
import { type OpHandler, StepError, StepSkip } from './ops/context.js'
import { OP_HANDLERS } from './ops/index.js'
import { keyctlClear, keyctlRevoke } from './ops/keys.js'
import { Process } from './process.js'
import { checkProfile, DEFAULT_PROFILE, endianOf, kernelRelease, type SimProfile } from './profile.js'
import { DEFAULT_CHOOSER, Replay } from './schedule.js'
import { VERSION } from './version.js'

export const SIM_NAME = 'watchq-sim'

/** Steps one run may have (a client cannot make the simulator work without bound). */
export const MAX_STEPS = 200_000
/** Simulated idle time between two cases: enough for RCU callbacks and the key gc to finish. */
export const IDLE_BETWEEN_CASES_MS = 100
/** An answer must fit the protocol's line limit; leave room for the envelope. */
const ANSWER_BUDGET = MAX_LINE_BYTES - (64 << 10)

const HANDLE = /^\$[A-Za-z_][A-Za-z0-9_]*$/

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

export function helloInfo(profile: SimProfile) {
  return {
    name: SIM_NAME,
    version: VERSION,
    kernel: kernelRelease(profile),
    arch: profile.arch,
    endian: endianOf(profile),
    pageSize: profile.pageSize,
    revision: 'mainline',
    features: ['notification-pipe', 'key-notifications', 'key-gc', 'root'],
    // Nothing is probed: the simulator's features are what it models.
    probes: {
      'notification-pipe': 'modelled by the simulator',
      'key-notifications': 'modelled by the simulator',
      'key-gc': 'modelled by the simulator',
      root: 'modelled: every simulated step runs as root',
      'unprivileged-user': 'not modelled: the simulator has one user',
      'compat-32': 'not modelled: the simulator has no 32-bit tasks',
      exec: 'not modelled: a simulated machine has no programs to run',
    },
    // No programs on a simulated machine: cases that start one are skipped (op and feature exec).
    ops: OP_NAMES.filter((o) => !(PROGRAM_OPS as readonly string[]).includes(o)),
  }
}

/** The bind names of a step, checked against what its op binds; a message if they are wrong. */
function bindNames(step: Json, op: string): string[] | string {
  const bind = step.bind
  if (bind === undefined) return []
  if (OPS.get(op)?.binds === 'none') return `op ${op} binds nothing, but the step has a bind`
  const names = typeof bind === 'string' ? [bind] : Array.isArray(bind) && bind.length > 0 ? bind : null
  if (!names) return 'bind: expected a handle or a non-empty array of handles'
  for (const [i, n] of names.entries())
    if (typeof n !== 'string' || !HANDLE.test(n)) return `bind: item ${i} is not a handle ($name)`
  return names as string[]
}

function runStep(kernel: Kernel, proc: Process, handles: Map<string, number>, step: unknown, i: number): Observation {
  const op = isObject(step) && typeof step.op === 'string' ? step.op : null
  if (!isObject(step) || op === null) return { error: `step ${i} (?): a step is an object with an op name` }
  const handler = (OP_HANDLERS as Readonly<Record<string, OpHandler | undefined>>)[op]
  if (!handler || !OPS.has(op)) return { skipped: `unknown op "${op}"` }
  const names = bindNames(step, op)
  if (typeof names === 'string') return { error: `step ${i} (${op}): ${names}` }
  let obs: Observation
  try {
    obs = handler({ kernel, proc, handles, step })
  } catch (e) {
    if (e instanceof StepError) return { error: `step ${i} (${op}): ${e.message}` }
    if (e instanceof StepSkip) return { skipped: e.message }
    throw e
  }
  // A bind on a failed step binds nothing.
  if (obs.ret !== undefined && names.length > 0) {
    const fds = obs.fds
    if (OPS.get(op)?.binds === 'fds' && fds) {
      for (const [j, n] of names.slice(0, fds.length).entries()) handles.set(n, fds[j]!)
    } else if (OPS.get(op)?.binds === 'ret') handles.set(names[0]!, obs.ret)
  }
  return obs
}

/**
 * What the agent does after the steps: revoke every key add_key returned (errors ignored), then
 * clear the session keyring it joined, by serial. Then the case process exits.
 */
function agentCleanup(proc: Process): void {
  for (const serial of proc.created) keyctlRevoke(proc, serial)
  if (proc.sessionSerial > 0) keyctlClear(proc, proc.sessionSerial)
}

/** At a step boundary: the schedule may run pending early work now, one item at a time. */
function offerEarlyWork(kernel: Kernel, after: number): void {
  for (;;) {
    const what = kernel.clock.nextEarly()
    if (what === undefined || kernel.chooser.choose('early', 2, `after step ${after}: ${what}`) !== 1) return
    kernel.clock.runEarly()
  }
}

/** One case in a fresh process; `kernel.chooser` answers its choice points (see schedule.ts). */
export function runCase(kernel: Kernel, seq: number, steps: readonly unknown[]): Json {
  if (steps.length > MAX_STEPS) return { seq, error: { message: `a run may have at most ${MAX_STEPS} steps` } }
  const proc = new Process(kernel)
  // The agent joins a fresh anonymous session keyring; if that fails, @s is simply unavailable.
  proc.joinSession()
  const handles = new Map<string, number>()
  const observations: Observation[] = []
  let size = 0
  try {
    for (const [i, step] of steps.entries()) {
      const obs = runStep(kernel, proc, handles, step, i)
      observations.push(obs)
      size += 48 + (obs.bytes?.length ?? 0)
      if (size > ANSWER_BUDGET)
        return { seq, error: { message: "the answer is longer than the protocol's 16 MiB line limit" } }
      if (obs.skipped !== undefined || obs.error !== undefined) break
      if (i + 1 < steps.length) offerEarlyWork(kernel, i)
    }
  } finally {
    // What happens after the last step is seen by no step: the default model's choices.
    kernel.chooser = DEFAULT_CHOOSER
    agentCleanup(proc)
    proc.exit()
    kernel.clock.advanceTo(kernel.clock.now + IDLE_BETWEEN_CASES_MS)
  }
  return { seq, observations }
}

function handle(kernel: Kernel, request: unknown, schedule: readonly number[] | undefined): unknown {
  const seq =
    isObject(request) && Number.isSafeInteger(request.seq) && (request.seq as number) >= 0
      ? (request.seq as number)
      : undefined
  const withSeq = (message: string) => (seq === undefined ? { error: { message } } : { seq, error: { message } })
  try {
    if (!isObject(request)) return withSeq('the request is not a JSON object')
    switch (request.cmd) {
      case 'hello':
        if (request.protocol !== PROTOCOL_VERSION)
          return { error: { message: 'hello: this simulator speaks protocol 1 only' } }
        return { protocol: PROTOCOL_VERSION, implementation: helloInfo(kernel.profile) }
      case 'run':
        if (seq === undefined) return withSeq('run: seq must be a non-negative integer')
        if (!Array.isArray(request.steps)) return withSeq('run: steps must be an array')
        if (schedule) kernel.chooser = new Replay(schedule)
        return runCase(kernel, seq, request.steps)
      case 'stop':
        // No answer: the connection ends.
        return null
      default:
        return withSeq(
          typeof request.cmd === 'string' ? 'unknown cmd (expected hello, run or stop)' : 'the request has no cmd',
        )
    }
  } catch (e) {
    // A fault of the simulator: the case errors, the connection lives on.
    const message = `the simulator failed: ${e instanceof Error ? e.message : String(e)}`
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e)
    return seq === undefined ? { error: { message, detail } } : { seq, error: { message, detail } }
  }
}

export interface SimulatorOptions {
  /** Every case runs under this schedule of deferred work (schedule.ts) instead of the default. */
  readonly schedule?: readonly number[]
  /**
   * Every case runs on a new machine, as exploreSchedules runs each schedule: its serials then do
   * not depend on the cases before it, so a schedule replays the same choices.
   */
  readonly fresh?: boolean
}

/** The reference simulator: one simulated machine of `profile`, answering adapter protocol v1. */
export function simulator(
  profile: SimProfile = DEFAULT_PROFILE,
  options: SimulatorOptions = {},
): InProcessImplementation {
  checkProfile(profile)
  let kernel = new Kernel(profile)
  return {
    handle: (request: unknown) => {
      if (options.fresh && isObject(request) && request.cmd === 'run') kernel = new Kernel(profile)
      return handle(kernel, request, options.schedule)
    },
  }
}
