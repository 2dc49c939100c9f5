// The kernel agent on this machine: built for the host's arch (cached) and run as a child process
// speaking the protocol on stdin/stdout. Cases run against the host's own kernel; keys outside
// each case's fresh session keyring are refused (run in a VM for those).
import { type StdioOptions, stdioConnector } from '../transport/stdio.js'
import type { Connection, Connector } from '../transport/transport.js'
import { buildAgent, hostAgentArch } from './build.js'

export interface HostAgentOptions extends StdioOptions {
  /** Where built binaries are cached (buildAgent's default otherwise). */
  readonly cacheDir?: string
  /** Build progress (compiling, installing a compiler). */
  readonly onProgress?: (line: string) => void
  /** Extra arguments for the agent. */
  readonly args?: readonly string[]
  /** As the user wrote it (default `kernel`). */
  readonly spec?: string
}

/** Single-quotes a word for /bin/sh. */
export const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`

/** A connector to the agent run on this host; the first connect builds it (or finds it cached). */
export function hostAgentConnector(options: HostAgentOptions = {}): Connector {
  const { cacheDir, onProgress, args = [], spec = 'kernel', ...stdio } = options
  let binary: Promise<string> | undefined
  return {
    spec,
    async connect(): Promise<Connection> {
      const arch = hostAgentArch()
      if (!arch) throw new Error(`the kernel agent builds for x86_64 and s390x; this host is ${process.arch}`)
      // A failed build is retried on the next connect rather than remembered.
      binary ??= buildAgent({ arch, ...(cacheDir ? { cacheDir } : {}), ...(onProgress ? { onProgress } : {}) })
      let path: string
      try {
        path = await binary
      } catch (e) {
        binary = undefined
        throw e
      }
      // exec: the agent itself is the child, so its exit status and signals are the connection's.
      const command = `exec ${[path, ...args].map(shellQuote).join(' ')}`
      return stdioConnector(command, stdio).connect()
    },
  }
}
