// The real keyutils client against our formatter: Debian's `keyctl watch <key>` (keyutils 1.6.3,
// with its libraries in the initramfs) runs in the VM beside the agent, both watching the same key
// over the same operations. What keyctl prints must be, line for line, keyutilsLine (from
// @watchq/decoder) of the records the agent read from its own notification pipe.
//
// The race (keyctl installs its watch some time after it starts) is closed by wait_output: the
// agent repeats a KEYCTL_SETPERM on the key (always a SETATTR record,
// docs/semantics.md#which-operation-posts-what) until keyctl has printed a line, and only then
// installs its own watch. The leading `<key> attr` lines are those probes; the first operation
// after them is never a setattr, so they are told apart. The key is then destroyed: keyctl prints
// `<key> gc` for the removal of its watch and exits 0.
//
// Every record keyutils prints that the kernel can post here: link, unlk, clr, attr, rev on a
// keyring; upd, attr, inv on a user key; gc on both. Not `inst` (a watch needs an instantiated key,
// docs/semantics.md#events-that-post-nothing) and not `-- LOSS --` (it would need keyctl stopped at
// a known record, which nothing shows from outside).
//
// On s390x too: Debian's s390x keyutils and libc6 come through apt's private s390x state under the
// cache (guest-programs.ts; this machine's apt is left as it is), and the guest is big-endian: the
// agent reads the records in the guest's byte order, so they are decoded with the endianness its
// hello reports, which must be the arch's (and keyctl's own ELF byte order).
import { decode, keyutilsLine } from '@watchq/decoder'
import {
  buildAgent,
  debianPrograms,
  type GuestPrograms,
  KEYUTILS,
  parseVmSpec,
  prepareKernel,
  type VmConnection,
  vmConnector,
} from '@watchq/kernel'
import { type Case, type ImplementationInfo, type Observation, RunResponse } from '@watchq/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseProblems } from '../../src/cases/load.js'
import { schemaValidator } from '../../src/cases/validate.js'
import { evaluate } from '../../src/runner/evaluate.js'
import { wireSteps } from '../../src/runner/wire.js'

const KERNELS = ['x86_64-6.1', 'x86_64-6.12', 's390x-6.1'] as const

/** Per guest arch: the byte order of its records and ELF files, and the dynamic loader's path. */
const ARCH = {
  x86_64: { endian: 'little', elfData: 1, loader: '/lib64/ld-linux-x86-64.so.2' },
  s390x: { endian: 'big', elfData: 2, loader: '/lib/ld64.so.1' },
} as const
const PERM = 0x3f3f0000
const WAIT_MS = 60_000

type Step = Case['steps'][number]

/** A notification pipe of the agent's own, watching `key` with id 1 (as keyctl does). */
const ownWatch = (key: string): Step[] => [
  { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE', 'O_NONBLOCK'], bind: ['$r', '$w'] },
  { op: 'set_size', fd: '$r', notes: 256, expect: { ret: 0 } },
  { op: 'watch', key, fd: '$r', id: 1, expect: { ret: 0 } },
]

/** keyctl started on `key`, and waited for until its watch is in place. */
const keyctlWatching = (key: string): Step[] => [
  { op: 'spawn', argv: ['keyctl', 'watch', key], bind: '$p' },
  {
    op: 'wait_output',
    proc: '$p',
    lines: 1,
    timeoutMs: WAIT_MS,
    intervalMs: 50,
    probe: { op: 'setperm', key, perm: PERM },
  },
]

/**
 * After the step that destroys the key: keyctl's exit (it has printed the gc line), then the
 * agent's records. The gc removes the newest watch first (add_watch_to_object adds at the head of
 * the key's list, remove_watch_from_object takes from the head): the agent's removal record is
 * posted before keyctl's, so it is there once keyctl has exited; the poll only waits for it when
 * nothing else is queued.
 */
const finish: Step[] = [
  { op: 'wait_exit', proc: '$p', timeoutMs: WAIT_MS, expect: { ret: 0 } },
  { op: 'poll', fd: '$r', events: ['POLLIN'], timeoutMs: 10_000, expect: { ret: 1, revents: ['POLLIN'] } },
  { op: 'read', fd: '$r', len: 4096 },
  { op: 'output', proc: '$p', stream: 'stderr', expect: { ret: 0 } },
]

const KEYRING_CASE: Case = {
  description: 'keyctl watch on a keyring: link, unlk, clr, attr, rev, gc',
  requires: { features: ['exec', 'key-notifications', 'key-gc'] },
  steps: [
    { op: 'add_key', type: 'keyring', description: 'watchq:keyutils:ring', payload: null, keyring: '@s', bind: '$R' },
    { op: 'add_key', type: 'user', description: 'watchq:keyutils:member', payload: 'm', keyring: '@s', bind: '$m' },
    ...keyctlWatching('$R'),
    ...ownWatch('$R'),
    { op: 'link', key: '$m', keyring: '$R', expect: { ret: 0 } },
    { op: 'unlink', key: '$m', keyring: '$R', expect: { ret: 0 } },
    { op: 'link', key: '$m', keyring: '$R', expect: { ret: 0 } },
    { op: 'clear', keyring: '$R', expect: { ret: 0 } },
    { op: 'setperm', key: '$R', perm: PERM, expect: { ret: 0 } },
    { op: 'set_timeout', key: '$R', seconds: 3600, expect: { ret: 0 } },
    { op: 'revoke', key: '$R', expect: { ret: 0 } },
    // Its last link: the keyring dies, the gc removes both watches.
    { op: 'unlink', key: '$R', keyring: '@s', expect: { ret: 0 } },
    ...finish,
  ],
}

const KEY_CASE: Case = {
  description: 'keyctl watch on a user key: upd, attr, inv, gc',
  requires: { features: ['exec', 'key-notifications', 'key-gc'] },
  steps: [
    { op: 'add_key', type: 'user', description: 'watchq:keyutils:key', payload: 'a', keyring: '@s', bind: '$U' },
    ...keyctlWatching('$U'),
    ...ownWatch('$U'),
    { op: 'update', key: '$U', payload: 'b', expect: { ret: 0 } },
    { op: 'setperm', key: '$U', perm: PERM, expect: { ret: 0 } },
    { op: 'update', key: '$U', payload: 'c', expect: { ret: 0 } },
    // Invalidated keys are unlinked and collected at once.
    { op: 'invalidate', key: '$U', expect: { ret: 0 } },
    ...finish,
  ],
}

const text = (o: Observation | undefined) => Buffer.from(o?.bytes ?? '', 'hex').toString('utf8')

interface Outcome {
  readonly obs: Observation[]
  /** keyctl's stdout, split into lines. */
  readonly keyctl: string[]
  /** keyutilsLine of every record the agent read. */
  readonly formatted: string[]
  /** How often the sync probe ran. */
  readonly probes: number
}

describe.each(KERNELS)('keyutils keyctl watch on %s', (kernel) => {
  const validRun = schemaValidator(RunResponse)
  let conn: VmConnection
  let info: ImplementationInfo
  let programs: GuestPrograms
  let seq = 0
  const arch = ARCH[parseVmSpec(`vm:${kernel}`).arch]

  beforeAll(async () => {
    const vm = parseVmSpec(`vm:${kernel}`)
    const progress = { onProgress: (line: string) => console.log(`[${kernel}] ${line}`) }
    const [image, agent] = await Promise.all([prepareKernel(vm, progress), buildAgent({ arch: vm.arch, ...progress })])
    programs = await debianPrograms({ arch: vm.arch, ...KEYUTILS, ...progress })
    conn = await vmConnector({ kernel: image, arch: vm.arch, agent, guestFiles: programs.files }).connect()
    console.log(`[${kernel}] booted with keyctl in ${conn.bootMs} ms (${conn.accel})`)
    info = (
      JSON.parse(await conn.request({ cmd: 'hello', protocol: 1 }, 30_000)) as { implementation: ImplementationInfo }
    ).implementation
  })

  afterAll(async () => {
    if (conn) {
      conn.send({ cmd: 'stop' })
      await conn.close(5000)
    }
  })

  async function runCase(c: Case): Promise<Outcome> {
    expect(caseProblems(c)).toEqual([])
    const n = ++seq
    const line = await conn.request({ cmd: 'run', seq: n, case: `keyutils/${n}`, steps: wireSteps(c) }, 3 * WAIT_MS)
    const answer = JSON.parse(line) as { observations?: Observation[] }
    expect(validRun(answer), line).toBe(true)
    expect(answer.observations, `${line}\n${conn.takeStderr()}`).toBeDefined()
    const obs = answer.observations!
    const verdict = evaluate(c, { kind: 'observed', observations: obs }, { endian: info.endian, revision: 'mainline' })
    expect(verdict, JSON.stringify(obs)).toEqual({ status: 'pass' })
    const reads = c.steps.flatMap((s, i) => (s.op === 'read' ? [obs[i]!] : []))
    const bytes = Buffer.from(reads.map((o) => o.bytes ?? '').join(''), 'hex')
    const formatted = decode(bytes, { endian: info.endian })
      .map(keyutilsLine)
      .filter((l): l is string => l !== null)
    const exit = obs[c.steps.findIndex((s) => s.op === 'wait_exit')]!
    const keyctl = text(exit).split('\n')
    expect(keyctl.pop()).toBe('') // every line ends with a newline
    const probes = obs[c.steps.findIndex((s) => s.op === 'wait_output')]!.value!
    console.log(
      `[${kernel}] ${c.description}\n  keyctl:    ${keyctl.join(' | ')}\n  formatted: ${formatted.join(' | ')}`,
    )
    return { obs, keyctl, formatted, probes }
  }

  /** keyctl's lines without the leading probe lines (`<key> attr`), which must be 1 to `probes`. */
  function afterSync(o: Outcome, key: number): string[] {
    let n = 0
    while (o.keyctl[n] === `${key} attr`) n++
    expect(n).toBeGreaterThanOrEqual(1)
    expect(n).toBeLessThanOrEqual(o.probes)
    return o.keyctl.slice(n)
  }

  it('puts keyctl and the libraries it needs into the guest', () => {
    const paths = programs.files.map((f) => f.path)
    expect(paths).toContain('/bin/keyctl')
    expect(paths.some((p) => /\/libkeyutils\.so\.1$/.test(p))).toBe(true)
    expect(paths.some((p) => /\/libc\.so\.6$/.test(p))).toBe(true)
    expect(paths).toContain(arch.loader)
    expect(programs.packages.map((p) => `${p.name} ${p.version}`)).toContainEqual(
      expect.stringMatching(/^keyutils 1\.6\.3/),
    )
    const keyctl = programs.files.find((f) => f.path === '/bin/keyctl')
    expect(keyctl && 'data' in keyctl ? keyctl.data[5] : undefined).toBe(arch.elfData) // EI_DATA
    expect(info.features).toContain('exec')
    expect(info.endian).toBe(arch.endian)
  })

  it('on a keyring: keyctl prints exactly what keyutilsLine makes of the agent’s records', async () => {
    const o = await runCase(KEYRING_CASE)
    const R = o.obs[0]!.ret!
    const m = o.obs[1]!.ret!
    const expected = [
      `${R} link ${m}`,
      `${R} unlk ${m}`,
      `${R} link ${m}`,
      `${R} clr`,
      `${R} attr`,
      `${R} attr`,
      `${R} rev`,
      `${R} gc`,
    ]
    expect(o.formatted).toEqual(expected)
    expect(afterSync(o, R)).toEqual(o.formatted)
  })

  it('on a user key: keyctl prints exactly what keyutilsLine makes of the agent’s records', async () => {
    const o = await runCase(KEY_CASE)
    const U = o.obs[0]!.ret!
    const expected = [`${U} upd`, `${U} attr`, `${U} upd`, `${U} inv`, `${U} gc`]
    expect(o.formatted).toEqual(expected)
    expect(afterSync(o, U)).toEqual(o.formatted)
  })
})
