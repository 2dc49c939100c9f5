// From what the user wrote after `--impl` to a connector: the one place that knows the spec forms.
import { hostAgentConnector, VM_FORMS } from '@watchq/kernel'
import {
  DEFAULT_MAX_SCHEDULES,
  DEFAULT_SIM_PROFILE,
  parseSchedule,
  SIM_PROFILES,
  type SimProfile,
  simulator,
} from '@watchq/sim'
import type { Connector } from '@watchq/spec'
import type { ScheduleExplorer } from '../runner/explore.js'
import { inProcessConnector } from './in-process.js'
import { simExplorer } from './sim-explore.js'
import { type SocketOptions, socketConnector } from './socket.js'
import { type StdioOptions, stdioConnector } from './stdio.js'
import { vmImplConnector } from './vm-impl.js'

export type ConnectOptions = StdioOptions &
  Omit<SocketOptions, 'spec'> & {
    /** Progress of builds a connector needs first (the agent, a kernel). */
    readonly onProgress?: (line: string) => void
  }

export const IMPL_FORMS = `sim[:PROFILE][:explore[=N]|:schedule=S] (the simulator, the default; explore: every schedule of deferred work, at most N (${DEFAULT_MAX_SCHEDULES}) a case; schedule: one of them), cmd:COMMAND (run with /bin/sh -c), unix:PATH, tcp:HOST:PORT, kernel (this machine's kernel) or ${VM_FORMS}`

export function parseImpl(spec: string, options: ConnectOptions = {}): Connector {
  const colon = spec.indexOf(':')
  const scheme = colon === -1 ? spec : spec.slice(0, colon)
  const rest = colon === -1 ? '' : spec.slice(colon + 1)
  const bad = (why: string): Error => new Error(`bad implementation "${spec}": ${why}; expected ${IMPL_FORMS}`)
  switch (scheme) {
    case 'cmd':
      if (rest.trim() === '') throw bad('the command is empty')
      return stdioConnector(rest, options)
    case 'unix':
      if (rest === '') throw bad('the socket path is empty')
      return socketConnector({ kind: 'unix', path: rest }, { ...options, spec })
    case 'tcp': {
      const at = rest.lastIndexOf(':')
      if (at === -1) throw bad('expected a host and a port, HOST:PORT')
      // An IPv6 host is written in brackets: tcp:[::1]:9000.
      const host = rest.slice(0, at).replace(/^\[(.*)\]$/, '$1')
      const portText = rest.slice(at + 1)
      const port = Number(portText)
      if (host === '') throw bad('the host is missing')
      if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw bad('the port must be a number from 1 to 65535')
      return socketConnector({ kind: 'tcp', host, port }, { ...options, spec })
    }
    case 'kernel':
      if (colon !== -1) throw bad('kernel takes no argument')
      return hostAgentConnector({ ...options, spec })
    case 'vm':
      // parseVmSpec's errors already name the spec and the accepted forms.
      return vmImplConnector(spec, options.onProgress ? { onProgress: options.onProgress } : {})
    case 'sim': {
      const sim = parseSim(rest, bad)
      // Exploring and replaying run each case on a new machine, so that its serials, and with them
      // the order the gc reaps keys in, do not depend on the cases run before it.
      const schedule = sim.schedule
      const options = schedule ? { schedule, fresh: true } : sim.explore !== undefined ? { fresh: true } : {}
      return inProcessConnector(() => simulator(sim.profile, options), { spec })
    }
    default:
      throw bad(colon === -1 ? 'not a known form' : `unknown kind "${scheme}"`)
  }
}

interface SimForm {
  readonly profile: SimProfile
  /** The profile as written (empty: the default). */
  readonly profileName: string
  /** explore[=N]: the bound on schedules per case. */
  readonly explore?: number
  readonly schedule?: number[]
}

/** `sim` is the default profile; `sim:6.1`, `sim:s390x-6.1` name others; then `:explore[=N]` or `:schedule=S`. */
function parseSim(rest: string, bad: (why: string) => Error): SimForm {
  const parts = rest === '' ? [] : rest.split(':')
  let profileName = ''
  let explore: number | undefined
  let schedule: number[] | undefined
  for (const [i, part] of parts.entries()) {
    const [key, value] = part.includes('=')
      ? [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]
      : [part]
    if (key === 'explore') {
      const n = value === undefined ? DEFAULT_MAX_SCHEDULES : /^\d+$/.test(value) ? Number(value) : 0
      if (n < 1 || n > 1_000_000) throw bad('explore=N: N is a number of schedules from 1 to 1000000')
      explore = n
    } else if (key === 'schedule' && value !== undefined) {
      try {
        schedule = parseSchedule(value)
      } catch (e) {
        throw bad((e as Error).message)
      }
    } else if (i === 0) profileName = part
    else throw bad(`unknown simulator option "${part}" (expected explore, explore=N or schedule=S)`)
  }
  if (explore !== undefined && schedule !== undefined) throw bad('explore and schedule= exclude each other')
  const name =
    profileName === '' ? DEFAULT_SIM_PROFILE : profileName.includes('-') ? profileName : `x86_64-${profileName}`
  const profile = SIM_PROFILES[name]
  if (!profile) throw bad(`no simulator profile "${profileName}" (known: ${Object.keys(SIM_PROFILES).join(', ')})`)
  return {
    profile,
    profileName,
    ...(explore !== undefined ? { explore } : {}),
    ...(schedule !== undefined ? { schedule } : {}),
  }
}

/** The schedule explorer an --impl form asks for (`sim[:PROFILE]:explore[=N]`), if any. */
export function explorerFor(spec: string): ScheduleExplorer | undefined {
  if (spec !== 'sim' && !spec.startsWith('sim:')) return undefined
  const form = parseSim(
    spec.slice(4),
    (why) => new Error(`bad implementation "${spec}": ${why}; expected ${IMPL_FORMS}`),
  )
  return form.explore === undefined ? undefined : simExplorer(form.profile, form.profileName, form.explore)
}
