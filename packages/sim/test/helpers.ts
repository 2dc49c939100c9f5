// Driving the simulator in tests: a case's steps in, its observations out, and the records of a
// read decoded — so that each rule's test reads like the case that would check it on a kernel.
import { type DecodeOptions, decode, type WatchRecord } from '@watchq/decoder'
import type { Observation } from '@watchq/spec'
import { endianOf, SIM_PROFILES, type SimProfile, simulator } from '../src/index.js'

export type Step = Record<string, unknown> & { op: string }

export class Sim {
  private seq = 0
  readonly impl
  readonly profile: SimProfile

  constructor(profile: string | SimProfile = 'x86_64-6.12') {
    this.profile = typeof profile === 'string' ? SIM_PROFILES[profile]! : profile
    this.impl = simulator(this.profile)
  }

  /** One case: the observations, or a thrown error if the run as a whole errored. */
  run(steps: readonly Step[]): Observation[] {
    const answer = this.impl.handle({ cmd: 'run', seq: this.seq, case: 'test', steps }) as {
      seq: number
      observations?: Observation[]
      error?: { message: string }
    }
    this.seq++
    if (!answer.observations) throw new Error(`the run errored: ${JSON.stringify(answer)}`)
    return answer.observations
  }

  /** The last observation of a case. */
  last(steps: readonly Step[]): Observation {
    const obs = this.run(steps)
    return obs[obs.length - 1]!
  }

  /** The records in a read observation's bytes, decoded in this machine's byte order. */
  records(o: Observation): WatchRecord[] {
    const opts: DecodeOptions = { endian: endianOf(this.profile) }
    return decode(Buffer.from(o.bytes ?? '', 'hex'), opts)
  }
}

/** A notification pipe bound to $r/$w (non-blocking unless told), sized to `notes` if given. */
export function queue(
  notes: number | null = 32,
  flags: string[] = ['O_NOTIFICATION_PIPE', 'O_NONBLOCK'],
  r = '$r',
  w = '$w',
): Step[] {
  const steps: Step[] = [{ op: 'pipe2', flags, bind: [r, w] }]
  if (notes !== null) steps.push({ op: 'set_size', fd: r, notes })
  return steps
}

/** A user key in @s (or another keyring), bound to `bind`. */
export const userKey = (bind = '$k', keyring = '@s', description = `d${bind}`): Step => ({
  op: 'add_key',
  type: 'user',
  description,
  payload: 'a',
  keyring,
  bind,
})

export const keyring = (bind = '$ring', parent = '@s'): Step => ({
  op: 'add_key',
  type: 'keyring',
  description: `ring${bind}`,
  payload: null,
  keyring: parent,
  bind,
})

export const watch = (key = '$k', id = 1, fd = '$r'): Step => ({ op: 'watch', key, fd, id })
export const read = (len = 4096, fd = '$r'): Step => ({ op: 'read', fd, len })
export const update = (key = '$k', payload = 'b'): Step => ({ op: 'update', key, payload })

/** n copies of a step. */
/** A queue, and two watched keys (ids 1 and 2) in one keyring that is then cleared: both lose their last link at once. */
export const twoWatchedKeysCleared = (): Step[] => [
  ...queue(),
  keyring(),
  userKey('$a', '$ring'),
  userKey('$b', '$ring'),
  watch('$a', 1),
  watch('$b', 2),
  { op: 'clear', keyring: '$ring' },
]

export const times = (n: number, step: Step): Step[] => Array.from({ length: n }, () => step)

/** The events of key records, in order (removal/loss by kind). */
export function kinds(records: readonly WatchRecord[]): string[] {
  return records.map((r) => (r.kind === 'key' ? `${r.event}` : r.kind))
}
