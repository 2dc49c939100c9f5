// A test kernel booted with the agent as /init and programs of the guest's own (Debian's keyctl,
// the kernel's watch_queue sample) in its initramfs, for the tests that hold a real program's
// output against our formatters (keyutils.kernel.test.ts, sample.kernel.test.ts): the boot, the
// agent's hello, and one case run with its verdict checked.
import {
  buildAgent,
  type GuestFile,
  parseVmSpec,
  prepareKernel,
  type VmConnection,
  type VmSpec,
  vmConnector,
} from '@watchq/kernel'
import { type Case, type ImplementationInfo, type Observation, RunResponse } from '@watchq/spec'
import { expect } from 'vitest'
import { caseProblems } from '../../src/cases/load.js'
import { schemaValidator } from '../../src/cases/validate.js'
import { evaluate } from '../../src/runner/evaluate.js'
import { wireSteps } from '../../src/runner/wire.js'

/** A kernel we build, as `vm:` names it. */
export type BuiltSpec = Extract<VmSpec, { kind: 'build' }>

export interface GuestVm {
  readonly spec: BuiltSpec
  readonly conn: VmConnection
  /** What the agent said of itself (its endianness decodes the records). */
  readonly info: ImplementationInfo
  /** Runs `c` (named `name`), checks it is a valid case that passes, and returns its observations. */
  run(c: Case, name: string, timeoutMs: number): Promise<Observation[]>
  close(): Promise<void>
}

/** Boots `kernel` (e.g. `x86_64-6.12`) with the agent and the guest files `programs` makes for it. */
export async function bootWithPrograms(
  kernel: string,
  programs: (spec: BuiltSpec, onProgress: (line: string) => void) => Promise<readonly GuestFile[]>,
): Promise<GuestVm> {
  const spec = parseVmSpec(`vm:${kernel}`)
  if (spec.kind !== 'build') throw new Error(`${kernel} is not a kernel we build`)
  const onProgress = (line: string) => console.log(`[${kernel}] ${line}`)
  const [image, agent, guestFiles] = await Promise.all([
    prepareKernel(spec, { onProgress }),
    buildAgent({ arch: spec.arch, onProgress }),
    programs(spec, onProgress),
  ])
  const conn = await vmConnector({ kernel: image, arch: spec.arch, agent, guestFiles }).connect()
  console.log(`[${kernel}] booted with ${guestFiles.length} guest files in ${conn.bootMs} ms (${conn.accel})`)
  const hello = JSON.parse(await conn.request({ cmd: 'hello', protocol: 1 }, 30_000)) as {
    implementation: ImplementationInfo
  }
  const info = hello.implementation
  const validRun = schemaValidator(RunResponse)
  let seq = 0
  return {
    spec,
    conn,
    info,
    async run(c, name, timeoutMs) {
      expect(caseProblems(c)).toEqual([])
      const n = ++seq
      const line = await conn.request({ cmd: 'run', seq: n, case: `${name}/${n}`, steps: wireSteps(c) }, timeoutMs)
      const answer = JSON.parse(line) as { observations?: Observation[] }
      expect(validRun(answer), line).toBe(true)
      expect(answer.observations, `${line}\n${conn.takeStderr()}`).toBeDefined()
      const obs = answer.observations!
      const verdict = evaluate(
        c,
        { kind: 'observed', observations: obs },
        { endian: info.endian, revision: 'mainline' },
      )
      expect(verdict, JSON.stringify(obs)).toEqual({ status: 'pass' })
      return obs
    },
    async close() {
      conn.send({ cmd: 'stop' })
      await conn.close(5000)
    },
  }
}

/** The observation of the first step of `c` with op `op`. */
export function observationOf(c: Case, obs: readonly Observation[], op: string): Observation {
  const i = c.steps.findIndex((s) => s.op === op)
  const o = obs[i]
  if (o === undefined) throw new Error(`the case has no ${op} step, or no observation of it`)
  return o
}

/** The bytes of every read step of `c`, in order. */
export function readBytes(c: Case, obs: readonly Observation[]): Buffer {
  return Buffer.from(c.steps.flatMap((s, i) => (s.op === 'read' ? [obs[i]?.bytes ?? ''] : [])).join(''), 'hex')
}

/** An observation's bytes as text (a program's output). */
export const text = (o: Observation | undefined) => Buffer.from(o?.bytes ?? '', 'hex').toString('utf8')

/** Text split into its lines, each of which must end with a newline. */
export function lines(s: string): string[] {
  const out = s.split('\n')
  expect(out.pop()).toBe('') // every line ends with a newline
  return out
}
