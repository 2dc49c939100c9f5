// The real keyutils client against our formatter: Debian's `keyctl watch <key>` (with its libraries
// in the initramfs) runs in the VM beside the agent, both watching the same key over the same
// operations. What keyctl prints must be, line for line, keyutilsLine (from @watchq/decoder) of the
// records the agent read from its own notification pipe.
//
// Each kernel gets the keyutils of the Debian release its sources come from (KERNEL_SOURCE_RELEASE):
// bullseye's 1.6.1 on 5.10, bookworm's (this machine's) 1.6.3 on 6.1 and 6.12, sid's 1.6.3 on 7.2,
// fetched through that release's private apt state (guest-programs.ts). keyutils 1.6.1 has no
// `keyctl watch` (it came with 1.6.3, docs/peers.md#keyutils): there the test holds that keyctl
// refuses the command, and the cross-check runs where keyctl can watch.
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
// On other architectures too (s390x, aarch64): Debian's keyutils and libc6 of that architecture come
// through apt's private state of it under the cache (guest-programs.ts; this machine's apt is left
// as it is), and a big-endian guest (s390x) writes big-endian records: the agent reads them in the
// guest's byte order, so they are decoded with the endianness its hello reports, which must be the
// arch's (and keyctl's own ELF byte order).
import { decode, keyutilsLine } from '@watchq/decoder'
import {
  AGENT_TARGETS,
  debianPrograms,
  type GuestFile,
  type GuestPrograms,
  KERNEL_SOURCE_RELEASE,
  KEYUTILS,
  parseVmSpec,
  type VmArch,
} from '@watchq/kernel'
import type { Case, Observation } from '@watchq/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootWithPrograms, type GuestVm, lines, observationOf, readBytes, text } from './guest-vm.js'
import { kernelsUnderTest } from './kernels.js'

/**
 * The keyutils of each Debian release we take kernels from, and whether its keyctl can watch:
 * `keyctl watch` came with keyutils 1.6.3; 1.6.1 says "Unknown command" and exits 2.
 */
const KEYUTILS_OF = {
  host: { version: /^1\.6\.3-/, watch: true },
  bullseye: { version: /^1\.6\.1-/, watch: false },
  sid: { version: /^1\.6\.3-/, watch: true },
} as const

/**
 * Which of our guest arches each release's main archive carries (the host's sources reach no
 * other): big-endian mips left Debian after buster and big-endian ppc64 is only on debian-ports;
 * riscv64 came after bookworm. A kernel of another arch has no keyctl to run: its describe is
 * skipped, by name.
 */
const DEBIAN_ARCHES: Readonly<Record<keyof typeof KEYUTILS_OF, readonly VmArch[]>> = {
  host: ['x86_64', 'aarch64', 's390x'],
  bullseye: ['x86_64', 'aarch64', 's390x'],
  sid: ['x86_64', 'aarch64', 's390x', 'riscv64'],
}

/** Per guest arch: the path of Debian's dynamic loader (the program's PT_INTERP). */
const LOADER: Readonly<Record<VmArch, string>> = {
  x86_64: '/lib64/ld-linux-x86-64.so.2',
  s390x: '/lib/ld64.so.1',
  aarch64: '/lib/ld-linux-aarch64.so.1',
  ppc64: '/lib64/ld64.so.1',
  mips: '/lib/ld.so.1',
  riscv64: '/lib/ld-linux-riscv64-lp64d.so.1',
}
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

interface Outcome {
  readonly obs: Observation[]
  /** keyctl's stdout, split into lines. */
  readonly keyctl: string[]
  /** keyutilsLine of every record the agent read. */
  readonly formatted: string[]
  /** How often the sync probe ran. */
  readonly probes: number
}

/** The file at `path` among `files`, following symbolic links (sid's /bin/keyctl -> /usr/bin/keyctl). */
function fileAt(files: readonly GuestFile[], path: string): Uint8Array | undefined {
  for (let p = path, hops = 0; hops < 8; hops++) {
    const f = files.find((x) => x.path === p)
    if (f === undefined) return undefined
    if ('data' in f) return f.data
    p = f.symlink.startsWith('/') ? f.symlink : `${p.slice(0, p.lastIndexOf('/'))}/${f.symlink}`
  }
  return undefined
}

const hasKeyutils = (kernel: string) => {
  const spec = parseVmSpec(`vm:${kernel}`)
  return spec.kind === 'build' && DEBIAN_ARCHES[KERNEL_SOURCE_RELEASE[spec.version]].includes(spec.arch)
}

// Shown as skipped, by name: nothing to run there.
describe.skip.each(kernelsUnderTest().filter((k) => !hasKeyutils(k)))(
  'keyutils keyctl watch on %s: its Debian release has no keyutils of that arch',
  () => {
    it('keyctl watch against keyutilsLine', () => {})
  },
)

describe.each(kernelsUnderTest().filter(hasKeyutils))('keyutils keyctl watch on %s', (kernel) => {
  let vm: GuestVm
  let programs: GuestPrograms
  const spec = parseVmSpec(`vm:${kernel}`)
  if (spec.kind !== 'build') throw new Error(`${kernel} is not a kernel we build`)
  const target = AGENT_TARGETS[spec.arch]
  const release = KERNEL_SOURCE_RELEASE[spec.version]
  const keyutils = KEYUTILS_OF[release]

  beforeAll(async () => {
    vm = await bootWithPrograms(kernel, async (spec, onProgress) => {
      programs = await debianPrograms({ arch: spec.arch, release, ...KEYUTILS, onProgress })
      const kv = programs.packages.find((p) => p.name === 'keyutils')?.version
      console.log(`[${kernel}] keyutils ${kv} from Debian ${release === 'host' ? "this machine's release" : release}`)
      return programs.files
    })
  })

  afterAll(async () => {
    await vm?.close()
  })

  async function runCase(c: Case): Promise<Outcome> {
    const obs = await vm.run(c, 'keyutils', 3 * WAIT_MS)
    const formatted = decode(readBytes(c, obs), { endian: vm.info.endian })
      .map(keyutilsLine)
      .filter((l): l is string => l !== null)
    const keyctl = lines(text(observationOf(c, obs, 'wait_exit')))
    const probes = observationOf(c, obs, 'wait_output').value!
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

  it('puts the release’s keyctl and the libraries it needs into the guest', () => {
    const paths = programs.files.map((f) => f.path)
    expect(paths).toContain('/bin/keyctl')
    expect(paths.some((p) => /\/libkeyutils\.so\.1$/.test(p))).toBe(true)
    expect(paths.some((p) => /\/libc\.so\.6$/.test(p))).toBe(true)
    expect(paths).toContain(LOADER[spec.arch])
    expect(programs.packages.find((p) => p.name === 'keyutils')?.version).toMatch(keyutils.version)
    expect(fileAt(programs.files, '/bin/keyctl')?.[5]).toBe(target.endian === 'big' ? 2 : 1) // EI_DATA
    expect(vm.info.features).toContain('exec')
    expect(vm.info.endian).toBe(target.endian)
  })

  it.runIf(!keyutils.watch)(
    'keyctl without watch support refuses `keyctl watch` (exit 2, Unknown command)',
    async () => {
      const c: Case = {
        description: 'keyctl watch where keyutils has no watch command',
        requires: { features: ['exec', 'key-notifications'] },
        steps: [
          {
            op: 'add_key',
            type: 'keyring',
            description: 'watchq:keyutils:old',
            payload: null,
            keyring: '@s',
            bind: '$R',
          },
          { op: 'spawn', argv: ['keyctl', 'watch', '$R'], bind: '$p' },
          { op: 'wait_exit', proc: '$p', timeoutMs: WAIT_MS, expect: { ret: 2 } },
          { op: 'output', proc: '$p', stream: 'stderr' },
        ],
      }
      const obs = await vm.run(c, 'keyutils', 3 * WAIT_MS)
      expect(text(observationOf(c, obs, 'wait_exit'))).toBe('')
      expect(text(observationOf(c, obs, 'output'))).toBe('Unknown command\n')
    },
  )

  it.runIf(keyutils.watch)(
    'on a keyring: keyctl prints exactly what keyutilsLine makes of the agent’s records',
    async () => {
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
    },
  )

  it.runIf(keyutils.watch)(
    'on a user key: keyctl prints exactly what keyutilsLine makes of the agent’s records',
    async () => {
      const o = await runCase(KEY_CASE)
      const U = o.obs[0]!.ret!
      const expected = [`${U} upd`, `${U} attr`, `${U} upd`, `${U} inv`, `${U} gc`]
      expect(o.formatted).toEqual(expected)
      expect(afterSync(o, U)).toEqual(o.formatted)
    },
  )
})
