// The agent for every arch of AGENT_ARCHES: a static ELF of the right machine, class and byte order
// (read from the header here); the values of the per-arch constants it was compiled with (read
// from its own symbols) are the spec's on that arch; and it speaks the protocol under Debian's
// qemu-user on this host (natively for the host's own arch). qemu-user has no keyctl and passes
// pipe2 flags through its own translation, so what it shows is the build: hello's arch and byte
// order, filters encoded in that byte order, pipe I/O, and O_NOTIFICATION_PIPE reaching the host
// kernel as O_EXCL. Builds are cached; a missing cross compiler or qemu-user-static is installed
// (apt-get, through ensurePackages) on first use.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  constant,
  createAjv,
  FILE_STATUS_FLAGS,
  HelloResponse,
  type ImplementationInfo,
  type Observation,
  revision,
  valueOn,
} from '@watchq/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AGENT_ARCHES,
  AGENT_REVISION,
  AGENT_TARGETS,
  type AgentArch,
  agentCompiler,
  agentSourceDir,
  archHeader,
  buildAgent,
  generatedHeaders,
  hostAgentArch,
  parseAgentArch,
} from '../../src/agent/build.js'
import { ensurePackages } from '../../src/debian/apt.js'
import { elfNeeds } from '../../src/vm/elf.js'
import { type RawAgent, spawnRaw } from './harness.js'

const validHello = createAjv().compile(HelloResponse)
const rev = revision(AGENT_REVISION)

/** A cold machine installs a cross compiler (apt-get) before the first build of an arch. */
const BUILD_TIMEOUT = 10 * 60_000

function onPath(file: string): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${file}`])
        .toString()
        .trim() || undefined
    )
  } catch {
    return undefined
  }
}

/** qemu-user for `arch`: Debian's qemu-user-static names, else qemu-user's. */
const qemuFor = (arch: AgentArch) =>
  onPath(`qemu-${AGENT_TARGETS[arch].qemu}-static`) ?? onPath(`qemu-${AGENT_TARGETS[arch].qemu}`)

beforeAll(async () => {
  if (AGENT_ARCHES.some((a) => a !== hostAgentArch() && !qemuFor(a))) await ensurePackages(['qemu-user-static'])
}, BUILD_TIMEOUT)

/** Each arch is built once here, in test order (one compile at a time: this suite shares 2 cores). */
const built = new Map<AgentArch, Promise<string>>()
const binaryFor = (arch: AgentArch) => {
  const known = built.get(arch)
  if (known) return known
  const p = buildAgent({ arch })
  built.set(arch, p)
  return p
}

interface ElfHeader {
  bits: 32 | 64
  endian: 'little' | 'big'
  type: number
  machine: number
  /** Reads a symbol's bytes from the section that holds it (a small ELF symbol-table reader). */
  symbol(name: string): Buffer
}

function readElf(file: Buffer): ElfHeader {
  expect(file.subarray(0, 4).toString('latin1')).toBe('\x7fELF')
  const bits = file[4] === 2 ? 64 : 32
  expect([1, 2]).toContain(file[4])
  expect([1, 2]).toContain(file[5])
  const little = file[5] === 1
  const u16 = (o: number) => (little ? file.readUInt16LE(o) : file.readUInt16BE(o))
  const u32 = (o: number) => (little ? file.readUInt32LE(o) : file.readUInt32BE(o))
  const word = (o: number) =>
    bits === 64 ? Number(little ? file.readBigUInt64LE(o) : file.readBigUInt64BE(o)) : u32(o)
  const w = bits / 8
  const shoff = word(bits === 64 ? 0x28 : 0x20)
  const shentsize = u16(bits === 64 ? 0x3a : 0x2e)
  const shnum = u16(bits === 64 ? 0x3c : 0x30)
  const sections = Array.from({ length: shnum }, (_, i) => {
    const s = shoff + i * shentsize
    return {
      type: u32(s + 4),
      addr: word(s + 8 + w),
      offset: word(s + 8 + 2 * w),
      size: word(s + 8 + 3 * w),
      link: u32(s + 8 + 4 * w),
    }
  })
  return {
    bits,
    endian: little ? 'little' : 'big',
    type: u16(16),
    machine: u16(18),
    symbol(name) {
      const symtab = sections.find((s) => s.type === 2) // SHT_SYMTAB
      if (!symtab) throw new Error('no symbol table (stripped?)')
      const strtab = sections[symtab.link]!
      const entsize = bits === 64 ? 24 : 16
      for (let o = symtab.offset; o < symtab.offset + symtab.size; o += entsize) {
        const nameAt = strtab.offset + u32(o)
        if (file.toString('latin1', nameAt, file.indexOf(0, nameAt)) !== name) continue
        const value = bits === 64 ? word(o + 8) : u32(o + 4)
        const size = bits === 64 ? word(o + 16) : u32(o + 8)
        const section = sections[u16(bits === 64 ? o + 6 : o + 14)]!
        const at = section.offset + (value - section.addr)
        return file.subarray(at, at + size)
      }
      throw new Error(`no symbol ${name}`)
    },
  }
}

/** An unsigned integer of the symbol's size in the file's byte order. */
function readUnsigned(elf: ElfHeader, bytes: Buffer): bigint {
  const ordered = elf.endian === 'little' ? [...bytes].reverse() : [...bytes]
  return ordered.reduce((n, b) => (n << 8n) | BigInt(b), 0n)
}

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

/** What the host's kernel answers pipe2(O_NOTIFICATION_PIPE) with, through the host's own agent. */
let hostNotificationPipe: Observation | undefined
beforeAll(async () => {
  const host = hostAgentArch()
  if (!host) return
  const agent = spawnRaw(await binaryFor(host), [])
  agent.write(
    `${JSON.stringify({ cmd: 'run', seq: 1, case: 'probe', steps: [{ op: 'pipe2', flags: ['O_NOTIFICATION_PIPE'] }] })}\n`,
  )
  hostNotificationPipe = ((await agent.next(20000)) as { observations: Observation[] }).observations[0]
  agent.write('{"cmd":"stop"}\n')
  await agent.exit
}, BUILD_TIMEOUT)

describe.each(AGENT_ARCHES)('%s', (arch) => {
  const t = AGENT_TARGETS[arch]
  let agent: RawAgent | undefined
  afterAll(() => agent?.kill())

  it(
    `builds a static ${t.bits}-bit ${t.endian}-endian ELF executable, machine ${t.elfMachine}`,
    async () => {
      const file = readFileSync(await binaryFor(arch))
      const elf = readElf(file)
      expect(elf.bits).toBe(t.bits)
      expect(elf.endian).toBe(t.endian)
      expect(elf.machine).toBe(t.elfMachine)
      expect(elf.type).toBe(2) // ET_EXEC: -static, not a PIE
      expect(elfNeeds(file)).toEqual({ needed: [] }) // no program interpreter, no libraries
    },
    BUILD_TIMEOUT,
  )

  it(`was compiled with the spec's values of the per-arch constants on ${arch} (its "${t.constants}" values)`, async () => {
    const elf = readElf(readFileSync(await binaryFor(arch)))
    const spec = (name: string) => BigInt.asUintN(64, BigInt(valueOn(constant(rev, name), t.constants)))
    const symbols = {
      uapi_o_notification_pipe: ['O_NOTIFICATION_PIPE', 4],
      uapi_ioc_set_size: ['IOC_WATCH_QUEUE_SET_SIZE', t.bits / 8],
      uapi_ioc_set_filter: ['IOC_WATCH_QUEUE_SET_FILTER', t.bits / 8],
      uapi_keyctl_watch_key: ['KEYCTL_WATCH_KEY', t.bits / 8],
      uapi_caps1_notifications: ['KEYCTL_CAPS1_NOTIFICATIONS', 1],
    } as const
    for (const [symbol, [name, size]] of Object.entries(symbols)) {
      const bytes = elf.symbol(symbol)
      expect(bytes.length, symbol).toBe(size)
      expect(readUnsigned(elf, bytes), `${symbol} (${name})`).toBe(spec(name))
    }
    // The header the build compiled states every constant's value on this arch.
    const header = generatedHeaders(arch)['watchq-arch.h']!
    expect(header).toBe(archHeader(rev, arch))
    expect(header).toContain(`#define WATCHQ_ARCH "${arch}"`)
    for (const name of ['O_NOTIFICATION_PIPE', 'IOC_WATCH_QUEUE_SET_SIZE', 'IOC_WATCH_QUEUE_SET_FILTER'])
      expect(header).toContain(`_Static_assert((unsigned long long)(${name}) == 0x${spec(name).toString(16)}ULL,`)
  })

  it(`answers hello under ${arch === hostAgentArch() ? 'this host' : `qemu-${t.qemu}`}: arch ${t.uname}, ${t.endian}-endian; filters, pipes`, async () => {
    const binary = await binaryFor(arch)
    if (arch === hostAgentArch()) agent = spawnRaw(binary, [], { WATCHQ_AGENT_TEST_OPS: '1' })
    else {
      const qemu = qemuFor(arch)
      expect(qemu, `qemu-${t.qemu}-static (Debian: qemu-user-static)`).toBeDefined()
      agent = spawnRaw(qemu!, [binary], { WATCHQ_AGENT_TEST_OPS: '1' })
    }
    agent.write('{"cmd":"hello","protocol":1}\n')
    const hello = (await agent.next(30000)) as { implementation: ImplementationInfo }
    expect(validHello(hello), JSON.stringify(validHello.errors)).toBe(true)
    expect(hello.implementation).toMatchObject({ arch: t.uname, endian: t.endian, revision: 'mainline' })
    expect(parseAgentArch(hello.implementation.arch)).toBe(arch)
    // Under qemu-user (a 32-bit machine as uname says it) or natively, no agent here is a compat task.
    expect(hello.implementation.features ?? []).not.toContain('compat-32')
    expect(hello.implementation.probes?.['compat-32']).toMatch(new RegExp(`^a ${t.bits}-bit agent; uname -m says `))

    const steps = [
      { op: '__encode_filter', filter: FILTER },
      // nr_filters as given, not as counted; raw bytes passed through unchanged.
      { op: '__encode_filter', filter: { filters: [{ type: 2 }], nr_filters: 17 } },
      { op: '__encode_filter', filter: { bytes: '01 02 03' } },
      { op: 'pipe2', flags: ['O_NONBLOCK'], bind: ['$r', '$w'] },
      { op: 'write', fd: '$w', bytes: '0001feff' },
      { op: 'fionread', fd: '$r' },
      { op: 'read', fd: '$r', len: 8 },
      { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE'] },
    ]
    agent.write(`${JSON.stringify({ cmd: 'run', seq: 1, case: `arches/${arch}`, steps })}\n`)
    const { observations: obs } = (await agent.next(30000)) as { observations: Observation[] }
    expect(obs.slice(0, 7)).toEqual([
      { ret: 8 + 2 * 44, bytes: encodeFilter(t.endian, FILTER) },
      { ret: 52, bytes: encodeFilter(t.endian, { filters: [{ type: 2 }], nr_filters: 17 }) },
      { ret: 3, bytes: '010203' },
      { ret: 0, fds: [3, 4] },
      { ret: 4 },
      { ret: 0, value: 4 },
      { ret: 4, bytes: '0001feff' },
    ])
    // qemu-user turns the target's O_EXCL into the host's: the host kernel's answer, whatever it is.
    // A wrong flag (on mips 0x80 is O_NONBLOCK) would give a plain pipe instead of ENOPKG here.
    if (hostNotificationPipe && 'errno' in hostNotificationPipe) expect(obs[7]).toEqual(hostNotificationPipe)
    agent.write('{"cmd":"stop"}\n')
    expect(await agent.exit).toEqual({ code: 0, signal: null })
  }, 60_000)
})

describe('the compile-time check', () => {
  const host = hostAgentArch()
  it.skipIf(!host)('fails the build when the toolchain and the spec disagree on a value', async () => {
    const arch = host!
    const dir = await mkdtemp(join(tmpdir(), 'watchq-arch-h-'))
    try {
      const headers = { ...generatedHeaders(arch) }
      const value = valueOn(constant(rev, 'O_NOTIFICATION_PIPE'), AGENT_TARGETS[arch].constants)
      const right = `(O_NOTIFICATION_PIPE) == 0x${value.toString(16)}ULL`
      expect(headers['watchq-arch.h']).toContain(right)
      const wrong = `(O_NOTIFICATION_PIPE) == 0x${(value ^ 0x1000).toString(16)}ULL`
      headers['watchq-arch.h'] = headers['watchq-arch.h']!.replace(right, wrong)
      for (const [name, text] of Object.entries(headers)) writeFileSync(join(dir, name), text)
      const compile = () =>
        execFileSync(
          agentCompiler(arch),
          ['-fsyntax-only', '-I', dir, '-I', join(agentSourceDir(), '..', 'c'), join(agentSourceDir(), 'uapi.c')],
          {
            stdio: 'pipe',
          },
        )
      expect(compile).toThrow(new RegExp(`O_NOTIFICATION_PIPE on ${arch}: the spec says 0x${value.toString(16)}`))
      headers['watchq-arch.h'] = archHeader(rev, arch)
      writeFileSync(join(dir, 'watchq-arch.h'), headers['watchq-arch.h'])
      expect(compile).not.toThrow()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it.skipIf(!host)('fails the build when the toolchain and the spec disagree on a file status flag', async () => {
    const arch = host!
    const dir = await mkdtemp(join(tmpdir(), 'watchq-arch-h-'))
    try {
      const headers = { ...generatedHeaders(arch) }
      const value = valueOn(FILE_STATUS_FLAGS.find((f) => f.name === 'O_NONBLOCK')!, AGENT_TARGETS[arch].constants)
      const right = `(O_NONBLOCK) == 0x${value.toString(16)}ULL`
      expect(headers['watchq-arch.h']).toContain(right)
      expect(headers['watchq-arch.h']).toContain(`X(O_NONBLOCK, 0x${value.toString(16)})`)
      headers['watchq-arch.h'] = headers['watchq-arch.h']!.replace(
        right,
        `(O_NONBLOCK) == 0x${(value << 1).toString(16)}ULL`,
      )
      for (const [name, text] of Object.entries(headers)) writeFileSync(join(dir, name), text)
      const compile = () =>
        execFileSync(
          agentCompiler(arch),
          ['-fsyntax-only', '-I', dir, '-I', join(agentSourceDir(), '..', 'c'), join(agentSourceDir(), 'uapi.c')],
          { stdio: 'pipe' },
        )
      expect(compile).toThrow(/O_NONBLOCK on/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('states each arch its own file status flag bits (O_NONBLOCK 0x80 and O_DIRECT 0x8000 on mips)', () => {
    expect(archHeader(rev, 'mips')).toContain('X(O_NONBLOCK, 0x80) X(O_DIRECT, 0x8000)')
    expect(archHeader(rev, 'aarch64')).toContain('X(O_DIRECT, 0x10000) X(O_LARGEFILE, 0x20000)')
    expect(archHeader(rev, 'ppc64')).toContain('X(O_DIRECT, 0x20000) X(O_LARGEFILE, 0x10000)')
    expect(archHeader(rev, 'x86_64')).toContain('X(O_APPEND, 0x400) X(O_NONBLOCK, 0x800)')
  })

  it('rejects a compiler for another ABI (byte order, word size)', () => {
    const mips = archHeader(rev, 'mips')
    expect(mips).toContain('_Static_assert(__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__')
    expect(mips).toContain('_Static_assert(__SIZEOF_POINTER__ == 4')
    expect(archHeader(rev, 'riscv64')).toContain('_Static_assert(__SIZEOF_POINTER__ == 8')
  })
})

describe('arch names', () => {
  it.each([
    ['amd64', 'x86_64'],
    ['i686', 'i386'],
    ['arm64', 'aarch64'],
    ['ppc64', 'ppc64'],
    ['riscv64', 'riscv64'],
    ['ppc64el', undefined],
    ['mipsel', undefined],
  ])('%s is %s', (name, arch) => expect(parseAgentArch(name)).toBe(arch))
})
