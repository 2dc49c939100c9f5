// `--impl vm:…`: a kernel built from Debian's sources (or an image given by path) booted in QEMU
// with the agent as /init (or qemu-user running it, for a `/qemu-ARCH` guest). The kernel and
// the guest's /init are built (or found in the cache) on the first connect, so that parsing the
// command line stays instant and a usage error never waits on make.
import {
  parseVmSpec,
  prepareGuestInit,
  prepareKernel,
  readMetadata,
  type VmConnector,
  vmConnector,
} from '@watchq/kernel'
import type { Connection, Connector } from '@watchq/spec'

export interface VmImplOptions {
  /** Build progress (apt, make, the agent's compiler). */
  readonly onProgress?: (line: string) => void
  readonly arch?: string
}

export function vmImplConnector(spec: string, options: VmImplOptions = {}): Connector {
  const vm = parseVmSpec(spec, options.arch !== undefined ? { arch: options.arch } : {})
  let ready: Promise<{ connector: VmConnector; facts: Readonly<Record<string, string>> }> | undefined
  let facts: Record<string, string> = {}
  const prepare = async () => {
    const progress = options.onProgress ? { onProgress: options.onProgress } : {}
    const [kernel, guest] = await Promise.all([prepareKernel(vm, progress), prepareGuestInit(vm, progress)])
    const connector = vmConnector({
      kernel,
      arch: vm.arch,
      agent: guest.init,
      guestFiles: guest.guestFiles,
      ...(guest.append !== undefined ? { append: guest.append } : {}),
      spec,
    })
    return { connector, facts: guest.provenance }
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
      facts = { ...r.connector.provenance?.(), ...r.facts }
      return r.connector.connect()
    },
    provenance() {
      if (Object.keys(facts).length) return facts
      return vm.kind === 'image' && readMetadata(vm.path) ? { vmImage: vm.path } : {}
    },
  }
}
