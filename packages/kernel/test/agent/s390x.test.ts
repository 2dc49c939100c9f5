// The agent cross-built for s390x (big-endian), run under qemu-user where it is installed
// (Debian: qemu-user-static). qemu-user has no keyctl, so keys answer ENOSYS there; what it does
// show is the big-endian build speaking the protocol and encoding filters in its own byte order.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createAjv, HelloResponse, type ImplementationInfo, type Observation } from '@watchq/spec'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildAgent, hostAgentArch } from '../../src/agent/build.js'
import { hostAgent, type RawAgent, spawnRaw } from './harness.js'

const validHello = createAjv().compile(HelloResponse)

function onPath(file: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${file}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const compiler = hostAgentArch() === 's390x' || onPath('s390x-linux-gnu-gcc')
const qemu = ['qemu-s390x-static', 'qemu-s390x'].find(onPath)
let binary: string

beforeAll(async () => {
  if (compiler) binary = await buildAgent({ arch: 's390x' })
}, 180_000)

interface Filter {
  filters: { type: number; info_filter?: number; info_mask?: number; subtype_filter?: number[] }[]
  nr_filters?: number
  reserved?: number
}

/** struct watch_notification_filter as the kernel ABI lays it out: u32 words, 8 subtype words. */
function encodeFilter(order: 'big' | 'little', f: Filter): string {
  const words = [f.nr_filters ?? f.filters.length, f.reserved ?? 0]
  for (const e of f.filters) {
    words.push(e.type, e.info_filter ?? 0, e.info_mask ?? 0)
    for (let i = 0; i < 8; i++) words.push(e.subtype_filter?.[i] ?? 0)
  }
  const b = Buffer.alloc(words.length * 4)
  for (const [i, w] of words.entries()) order === 'big' ? b.writeUInt32BE(w, i * 4) : b.writeUInt32LE(w, i * 4)
  return b.toString('hex')
}

const FILTER: Filter = {
  filters: [{ type: 1, info_filter: 0x0500, info_mask: 0xff00, subtype_filter: [1 << 2, 0xdeadbeef] }, { type: 0x1ff }],
  reserved: 7,
}

async function encodeWith(agent: RawAgent): Promise<Observation[]> {
  const steps = [
    { op: '__encode_filter', filter: FILTER },
    { op: '__encode_filter', filter: { filters: [{ type: 2 }], nr_filters: 17 } },
    { op: '__encode_filter', filter: { bytes: '01 02 03' } },
  ]
  agent.write(`${JSON.stringify({ cmd: 'run', seq: 1, case: 'filter', steps })}\n`)
  const answer = (await agent.next(20000)) as { observations: Observation[] }
  return answer.observations
}

describe('s390x', () => {
  it.skipIf(!compiler)('builds a static big-endian 64-bit s390x ELF', () => {
    const elf = readFileSync(binary).subarray(0, 20)
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF')
    expect(elf[4]).toBe(2) // ELFCLASS64
    expect(elf[5]).toBe(2) // ELFDATA2MSB
    expect(elf.readUInt16BE(18)).toBe(22) // EM_S390
  })

  it.skipIf(!compiler || !qemu)('runs under qemu-user: hello, pipes, and big-endian filters', async () => {
    const agent = spawnRaw(qemu!, [binary], { WATCHQ_AGENT_TEST_OPS: '1' })
    agent.write('{"cmd":"hello","protocol":1}\n')
    const hello = (await agent.next(20000)) as { implementation: ImplementationInfo }
    expect(validHello(hello)).toBe(true)
    expect(hello.implementation).toMatchObject({ arch: 's390x', endian: 'big', revision: 'mainline' })

    const obs = await encodeWith(agent)
    expect(obs[0]).toEqual({ ret: 8 + 2 * 44, bytes: encodeFilter('big', FILTER) })
    expect(obs[1]).toEqual({ ret: 52, bytes: encodeFilter('big', { filters: [{ type: 2 }], nr_filters: 17 }) })
    expect(obs[2]).toEqual({ ret: 3, bytes: '010203' })

    const steps = [
      { op: 'pipe2', flags: ['O_NONBLOCK'], bind: ['$r', '$w'] },
      { op: 'write', fd: '$w', bytes: '0001feff' },
      { op: 'fionread', fd: '$r' },
      { op: 'read', fd: '$r', len: 8 },
      // No keyctl in qemu-user: the syscall's own ENOSYS, not a refusal.
      { op: 'add_key', type: 'user', description: 'watchq:agent-test:s390x', payload: 'x', keyring: '@s' },
    ]
    agent.write(`${JSON.stringify({ cmd: 'run', seq: 2, case: 'io', steps })}\n`)
    const io = (await agent.next(20000)) as { observations: Observation[] }
    expect(io.observations.slice(0, 4)).toEqual([
      { ret: 0, fds: [3, 4] },
      { ret: 4 },
      { ret: 0, value: 4 },
      { ret: 4, bytes: '0001feff' },
    ])
    expect(io.observations[4]).toEqual({ errno: 'ENOSYS' })
    agent.write('{"cmd":"stop"}\n')
    expect(await agent.exit).toEqual({ code: 0, signal: null })
  })
})

describe('the host build', () => {
  it.skipIf(hostAgentArch() !== 'x86_64')('encodes the same filter little-endian on x86_64', async () => {
    const agent = spawnRaw(await hostAgent(), [], { WATCHQ_AGENT_TEST_OPS: '1' })
    const obs = await encodeWith(agent)
    expect(obs[0]).toEqual({ ret: 96, bytes: encodeFilter('little', FILTER) })
    agent.write('{"cmd":"stop"}\n')
    await agent.exit
  })
})
