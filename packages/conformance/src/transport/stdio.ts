// `cmd:COMMAND`: the implementation is a child process (`/bin/sh -c COMMAND`) speaking JSON lines
// on stdin/stdout. It runs in its own process group so that closing it also ends whatever the
// shell started, and every live group is killed when the runner exits (the process layer of
// @watchq/kernel does both, for QEMU as well).

import { ProcessConnection, spawnGroup } from '@watchq/kernel'
import type { Connection, Connector } from '@watchq/spec'

export interface StdioOptions {
  /** Longest accepted stdout line (default the protocol's MAX_LINE_BYTES). */
  readonly maxLineBytes?: number
  /** Newest stderr bytes kept between two `takeStderr` calls (default STDERR_KEEP_BYTES). */
  readonly stderrKeepBytes?: number
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
}

export function stdioConnector(command: string, options: StdioOptions = {}): Connector {
  const spec = `cmd:${command}`
  return {
    spec,
    async connect(): Promise<Connection> {
      const { cwd, env, ...limits } = options
      const child = await spawnGroup('/bin/sh', ['-c', command], {
        ...(cwd !== undefined ? { cwd } : {}),
        ...(env !== undefined ? { env } : {}),
        what: spec,
      })
      return new ProcessConnection(child, limits)
    },
  }
}
