// The kernel's own sample against our formatter: samples/watch_queue/watch_test.c, built from the
// same Debian linux-source package as the kernel (@watchq/kernel's buildKernelSample, statically
// linked, stdout line-buffered), runs in the VM beside the agent. It watches the session keyring
// with id 1 and the user keyring with id 2 on a 256-note pipe; the agent watches the same two
// keyrings the same way on a pipe of its own. Every line the sample prints must be what
// sampleReadLines (from @watchq/decoder) makes of the agent's records, cut into the sample's reads.
//
// The sample inherits the case's fresh session keyring (the agent joins one per case; a spawned
// program shares its credentials), so the operations on @s below are on the keyring it watches.
// The agent watches before it starts the sample; the sample's watches come some time after. A
// SETPERM on @u (a setattr record to watch 2) is repeated until the sample has printed a line: the
// sample saw the last k of those probes (k >= 1), the agent all of them. After the operations the
// same probe runs until the sample has printed more lines than k probes and the operations could
// make (each record in its own read: three lines), so every operation's lines are out; then the
// sample is killed (it never exits by itself) and what it printed, line for line, is a prefix of our
// lines that reaches past the operations (a kill can cut the last read's lines short). The sample
// is stopped (SIGSTOP) during the operations, so that it reads their records together and prints
// offsets other than 0 within a read.
//
// Records seen: linked, unlinked, setattr (setperm and set_timeout), cleared, revoked on the
// session keyring, setattr on the user keyring. The sample is GPL: it is only built, at test time,
// from Debian's package (never copied here).
import { decode, sampleLines, sampleReadLines, type WatchRecord } from '@watchq/decoder'
import { buildKernelSample, elfNeeds, KERNEL_SAMPLE_GUEST_PATH, type KernelSample } from '@watchq/kernel'
import type { Case } from '@watchq/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootWithPrograms, type GuestVm, lines, observationOf, readBytes, text } from './guest-vm.js'
import { kernelsUnderTest } from './kernels.js'

const PERM = 0x3f3f0000
const WAIT_MS = 60_000
/** At most this many start probes may reach the sample for the closing wait to cover the operations. */
const MAX_SEEN_PROBES = 20
/** Records the operations post to the session keyring. */
const OPERATION_RECORDS = 7
const ENOUGH_LINES = 3 * (MAX_SEEN_PROBES + OPERATION_RECORDS) + 1

const probe = { op: 'setperm', key: '@u', perm: PERM } as const

const SESSION_CASE: Case = {
  description: 'the kernel sample on the session and user keyrings: link, unlk, attr, clr, rev',
  requires: { features: ['exec', 'key-notifications'] },
  steps: [
    { op: 'keyring_id', keyring: '@s', create: true, bind: '$S' },
    { op: 'keyring_id', keyring: '@u', create: true, bind: '$U' },
    // The member is also held by a keyring of its own, so that unlinking it from @s neither
    // destroys it nor takes away its possession (and with it the right to link it again).
    { op: 'add_key', type: 'keyring', description: 'watchq:sample:holder', payload: null, keyring: '@s', bind: '$h' },
    { op: 'add_key', type: 'user', description: 'watchq:sample:member', payload: 'm', keyring: '$h', bind: '$m' },
    { op: 'link', key: '$m', keyring: '$S', expect: { ret: 0 } },
    { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE', 'O_NONBLOCK'], bind: ['$r', '$w'] },
    { op: 'set_size', fd: '$r', notes: 256, expect: { ret: 0 } },
    { op: 'watch', key: '$S', fd: '$r', id: 1, expect: { ret: 0 } },
    { op: 'watch', key: '$U', fd: '$r', id: 2, expect: { ret: 0 } },
    { op: 'spawn', argv: [KERNEL_SAMPLE_GUEST_PATH], bind: '$p' },
    { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: WAIT_MS, intervalMs: 50, probe },
    // Stopped meanwhile, the sample finds the operations' records queued together: one read.
    { op: 'kill', proc: '$p', signal: 'SIGSTOP' },
    { op: 'unlink', key: '$m', keyring: '$S', expect: { ret: 0 } },
    { op: 'link', key: '$m', keyring: '$S', expect: { ret: 0 } },
    { op: 'setperm', key: '$S', perm: PERM, expect: { ret: 0 } },
    { op: 'set_timeout', key: '$S', seconds: 3600, expect: { ret: 0 } },
    { op: 'add_key', type: 'keyring', description: 'watchq:sample:ring', payload: null, keyring: '$S', bind: '$k' },
    { op: 'clear', keyring: '$S', expect: { ret: 0 } },
    { op: 'revoke', key: '$S', expect: { ret: 0 } },
    { op: 'kill', proc: '$p', signal: 'SIGCONT' },
    { op: 'wait_output', proc: '$p', lines: ENOUGH_LINES, timeoutMs: WAIT_MS, intervalMs: 20, probe },
    { op: 'kill', proc: '$p', signal: 'SIGKILL' },
    { op: 'wait_exit', proc: '$p', timeoutMs: WAIT_MS, expect: { ret: -9 } },
    { op: 'output', proc: '$p', stream: 'stderr', expect: { ret: 0 } },
    { op: 'read', fd: '$r', len: 4096 },
  ],
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0')

describe.each(kernelsUnderTest())('the kernel sample watch_test on %s', (kernel) => {
  let vm: GuestVm
  let sample: KernelSample

  beforeAll(async () => {
    vm = await bootWithPrograms(kernel, async (spec, onProgress) => {
      sample = await buildKernelSample({ version: spec.version, arch: spec.arch, onProgress })
      console.log(`[${kernel}] ${sample.source.package} ${sample.source.debianVersion}: ${sample.binary}`)
      return sample.files
    })
  })

  afterAll(async () => {
    await vm?.close()
  })

  it('is a static binary of the guest’s byte order', () => {
    const file = sample.files[0]!
    expect(file.path).toBe(KERNEL_SAMPLE_GUEST_PATH)
    const elf = 'data' in file ? file.data : new Uint8Array()
    expect(elf[5]).toBe(vm.info.endian === 'big' ? 2 : 1) // EI_DATA
    expect(elfNeeds(elf)).toEqual({ needed: [] }) // no loader, no libraries
  })

  it('prints, line for line, what sampleReadLines makes of the agent’s records', async () => {
    const c = SESSION_CASE
    const obs = await vm.run(c, 'sample', 3 * WAIT_MS)
    const S = obs[0]!.ret!
    const U = obs[1]!.ret!
    const m = obs[c.steps.findIndex((s) => s.op === 'add_key' && s.type === 'user')]!.ret!
    const k = obs[c.steps.findIndex((s) => s.op === 'add_key' && s.keyring === '$S')]!.ret!
    const opts = { endian: vm.info.endian }
    const bytes = readBytes(c, obs)
    const records = decode(bytes, opts)
    const startProbes = observationOf(c, obs, 'wait_output').value!
    const printed = lines(text(observationOf(c, obs, 'wait_exit')))

    // The agent's records: the start probes, the operations, the closing probes.
    const probeLine = `KEY ${hex(U)} change=7[setattr] aux=0`
    const what = (r: WatchRecord) => sampleLines(r)[1]
    expect(records.slice(0, startProbes).map(what)).toEqual(Array(startProbes).fill(probeLine))
    expect(records.slice(startProbes, startProbes + OPERATION_RECORDS).map(what)).toEqual([
      `KEY ${hex(S)} change=3[unlinked] aux=${m}`,
      `KEY ${hex(S)} change=2[linked] aux=${m}`,
      `KEY ${hex(S)} change=7[setattr] aux=0`,
      `KEY ${hex(S)} change=7[setattr] aux=0`,
      `KEY ${hex(S)} change=2[linked] aux=${k}`,
      `KEY ${hex(S)} change=4[cleared] aux=0`,
      `KEY ${hex(S)} change=5[revoked] aux=0`,
    ])
    expect(records.slice(startProbes + OPERATION_RECORDS).map(what)).toEqual(
      Array(records.length - startProbes - OPERATION_RECORDS).fill(probeLine),
    )

    // The sample saw the last `seen` start probes: its first records are those.
    const keyLines = printed.filter((l) => l.startsWith('KEY '))
    const seen = keyLines.findIndex((l) => l !== probeLine)
    expect(seen).toBeGreaterThanOrEqual(1)
    expect(seen).toBeLessThanOrEqual(Math.min(startProbes, MAX_SEEN_PROBES))
    // Past the operations: at least one closing probe was printed.
    expect(keyLines.length).toBeGreaterThan(seen + OPERATION_RECORDS)
    // The operations' records came in one read (after whatever start probes were still queued):
    // the revocation, their last, at an offset of at least 6 records.
    const revoked = printed.findIndex((l) => l.startsWith(`KEY ${hex(S)} change=5[revoked]`))
    expect(
      Number.parseInt(/^NOTIFY\[([0-9a-f]+)\]/.exec(printed[revoked - 1] ?? '')?.[1] ?? '0', 16),
    ).toBeGreaterThanOrEqual(16 * (OPERATION_RECORDS - 1))

    // Our lines, cut where the sample's reads were.
    const first = records[startProbes - seen]!.offset
    const expected: string[] = []
    let at = first
    for (const line of printed) {
      const size = /^read\(\) = (\d+)$/.exec(line)?.[1]
      if (size === undefined) continue
      expected.push(...sampleReadLines(bytes.subarray(at, at + Number(size)), opts))
      at += Number(size)
    }
    console.log(
      `[${kernel}] ${c.description}: ${startProbes} start probes (the sample saw ${seen}), ${records.length} records, ` +
        `${printed.length} lines\n  sample: ${printed.join(' | ')}`,
    )
    expect(at).toBeLessThanOrEqual(bytes.length)
    expect(printed.length).toBeLessThanOrEqual(expected.length)
    expect(printed).toEqual(expected.slice(0, printed.length))
  })
})
