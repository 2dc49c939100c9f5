// From what the user wrote after `--impl` to a connector: the one place that knows the spec forms.
import { hostAgentConnector, VM_FORMS } from '@watchq/kernel'
import { DEFAULT_SIM_PROFILE, SIM_PROFILES, simulator } from '@watchq/sim'
import type { Connector } from '@watchq/spec'
import { inProcessConnector } from './in-process.js'
import { type SocketOptions, socketConnector } from './socket.js'
import { type StdioOptions, stdioConnector } from './stdio.js'
import { vmImplConnector } from './vm-impl.js'

export type ConnectOptions = StdioOptions &
  Omit<SocketOptions, 'spec'> & {
    /** Progress of builds a connector needs first (the agent, a kernel). */
    readonly onProgress?: (line: string) => void
  }

export const IMPL_FORMS = `sim[:PROFILE] (the simulator, the default), cmd:COMMAND (run with /bin/sh -c), unix:PATH, tcp:HOST:PORT, kernel (this machine's kernel) or ${VM_FORMS}`

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
      // `sim` is the default profile; `sim:6.1`, `sim:s390x-6.1` name others.
      const name = rest === '' ? DEFAULT_SIM_PROFILE : rest.includes('-') ? rest : `x86_64-${rest}`
      const profile = SIM_PROFILES[name]
      if (!profile) throw bad(`no simulator profile "${rest}" (known: ${Object.keys(SIM_PROFILES).join(', ')})`)
      return inProcessConnector(() => simulator(profile), { spec })
    }
    default:
      throw bad(colon === -1 ? 'not a known form' : `unknown kind "${scheme}"`)
  }
}
