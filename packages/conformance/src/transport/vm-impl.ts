// `--impl vm:…`: a kernel built from Debian's sources (or an image given by path) booted in QEMU
// with the agent as /init. The kernel and the agent are built (or found in the cache) on the first
// connect, so that parsing the command line stays instant and a usage error never waits on make.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { buildAgent, parseVmSpec, prepareKernel, readMetadata, type VmConnector, vmConnector } from '@watchq/kernel'
import type { Connection, Connector } from '@watchq/spec'

export interface VmImplOptions {
  /** Build progress (apt, make, the agent's compiler). */
  readonly onProgress?: (line: string) => void
  readonly arch?: string
}

export function vmImplConnector(spec: string, options: VmImplOptions = {}): Connector {
  const vm = parseVmSpec(spec, options.arch !== undefined ? { arch: options.arch } : {})
  let ready: Promise<{ connector: VmConnector; agentSha256: string }> | undefined
  let facts: Record<string, string> = {}
  const prepare = async () => {
    const progress = options.onProgress ? { onProgress: options.onProgress } : {}
    const [kernel, agent] = await Promise.all([
      prepareKernel(vm, progress),
      buildAgent({ arch: vm.guest, ...progress }),
    ])
    const connector = vmConnector({ kernel, arch: vm.arch, agent, spec })
    const agentSha256 = createHash('sha256').update(readFileSync(agent)).digest('hex')
    return { connector, agentSha256 }
  }
  return {
    spec,
    async connect(): Promise<Connection> {
      ready ??= prepare()
      let r: Awaited<typeof ready>
      try {
        r = await ready
      } catch (e) {
        ready = undefined // a failed build is retried by the next connect
        throw e
      }
      facts = { ...r.connector.provenance?.(), agentSha256: r.agentSha256 }
      return r.connector.connect()
    },
    provenance() {
      if (Object.keys(facts).length) return facts
      return vm.kind === 'image' && readMetadata(vm.path) ? { vmImage: vm.path } : {}
    },
  }
}
