// What runs as the guest's /init for a `vm:` spec: the agent of the spec's guest architecture
// (built, or found in the cache), or for a qemu-user guest Debian's qemu-user binary with that
// agent as its program. Built on the first connect, never while parsing the command line.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { buildAgent } from '../agent/build.js'
import type { GuestFile } from './initramfs.js'
import { qemuUserInit } from './qemu-user.js'
import type { VmSpec } from './vm-spec.js'

export interface GuestInit {
  /** The static binary for /init. */
  readonly init: string
  readonly guestFiles: readonly GuestFile[]
  /** The kernel command line's tail for init (its arguments after `--`), if any. */
  readonly append?: string
  /** The agent's hash, the emulator's package: for the report header. */
  readonly provenance: Readonly<Record<string, string>>
}

export async function prepareGuestInit(
  spec: VmSpec,
  options: { readonly onProgress?: (line: string) => void } = {},
): Promise<GuestInit> {
  const agent = await buildAgent({ arch: spec.guest, ...options })
  const agentSha256 = createHash('sha256').update(readFileSync(agent)).digest('hex')
  if (spec.emulator !== 'qemu-user') return { init: agent, guestFiles: [], provenance: { agentSha256 } }
  const q = await qemuUserInit(spec.arch, spec.guest, agent, options)
  return {
    init: q.init,
    guestFiles: q.files,
    append: q.append,
    provenance: { agentSha256, agentArch: spec.guest, ...q.provenance },
  }
}
