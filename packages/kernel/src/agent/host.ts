// The kernel agent on this machine: built for the host's arch (cached) and run as a child process
// speaking the protocol on stdin/stdout. Cases run against the host's own kernel; keys outside
// each case's fresh session keyring are refused (run in a VM for those).
import type { Connection, Connector } from '@watchq/spec'
import { ProcessConnection, type ProcessConnectionOptions, spawnGroup } from '../process/process-connection.js'
import { AGENT_ARCHES, buildAgent, hostAgentArch } from './build.js'

export interface HostAgentOptions extends ProcessConnectionOptions {
  /** Where built binaries are cached (buildAgent's default otherwise). */
  readonly cacheDir?: string
  /** Build progress (compiling, installing a compiler). */
  readonly onProgress?: (line: string) => void
  /** Extra arguments for the agent. */
  readonly args?: readonly string[]
  /** As the user wrote it (default `kernel`). */
  readonly spec?: string
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
}

/** A connector to the agent run on this host; the first connect builds it (or finds it cached). */
export function hostAgentConnector(options: HostAgentOptions = {}): Connector {
  const { cacheDir, onProgress, args = [], spec = 'kernel', cwd, env, ...limits } = options
  let binary: Promise<string> | undefined
  return {
    spec,
    async connect(): Promise<Connection> {
      const arch = hostAgentArch()
      if (!arch)
        throw new Error(`the kernel agent runs on ${AGENT_ARCHES.join(', ')} hosts; this host is ${process.arch}`)
      // A failed build is retried on the next connect rather than remembered.
      binary ??= buildAgent({ arch, ...(cacheDir ? { cacheDir } : {}), ...(onProgress ? { onProgress } : {}) })
      let path: string
      try {
        path = await binary
      } catch (e) {
        binary = undefined
        throw e
      }
      // The agent itself is the child, so its exit status and signals are the connection's.
      const child = await spawnGroup(path, args, {
        ...(cwd !== undefined ? { cwd } : {}),
        ...(env !== undefined ? { env } : {}),
        what: spec,
      })
      return new ProcessConnection(child, limits)
    },
  }
}
