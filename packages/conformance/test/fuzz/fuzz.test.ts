// Differential fuzzing: generated programs are valid cases; two correct implementations agree; an
// implementation with one planted bug is caught, shrunk to a small program and written as a case
// that reproduces the divergence.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SIM_PROFILES, simulator } from '@watchq/sim'
import type { Case } from '@watchq/spec'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { caseProblems, loadCases } from '../../src/cases/load.js'
import { fuzz } from '../../src/fuzz/fuzz.js'
import { program, toSteps } from '../../src/fuzz/program.js'
import { ReportMemory } from '../../src/report/write.js'
import { runSuite } from '../../src/runner/run.js'
import { inProcessConnector } from '../../src/transport/in-process.js'

const SEED = Number(process.env['FC_SEED'] ?? 20261122)
const sim = () => inProcessConnector(() => simulator(SIM_PROFILES['x86_64-6.12']!), { spec: 'sim' })

/** The simulator with its answers to each request changed by `change` (step i's observation). */
const tampered = (spec: string, change: (o: Record<string, unknown>, op: string | undefined) => void) =>
  inProcessConnector(
    () => {
      const inner = simulator(SIM_PROFILES['x86_64-6.12']!)
      return {
        async handle(req: unknown) {
          const steps = (req as { steps?: { op: string }[] }).steps
          const answer = (await inner.handle(req)) as { observations?: Record<string, unknown>[] }
          for (const [i, o] of (answer?.observations ?? []).entries()) change(o, steps?.[i]?.op)
          return answer
        },
      }
    },
    { spec },
  )

/** One planted bug: a second SET_SIZE answers EINVAL instead of EBUSY. */
const buggy = () =>
  tampered('buggy', (o) => {
    if (o['errno'] === 'EBUSY') o['errno'] = 'EINVAL'
  })

/** No keys, the way qemu-user answers: every add_key is ENOSYS. */
const keyless = () =>
  tampered('keyless', (o, op) => {
    if (op !== 'add_key') return
    for (const k of Object.keys(o)) delete o[k]
    o['errno'] = 'ENOSYS'
  })

describe('watchq fuzz', () => {
  it(`generates valid cases whose handles are bound before use (seed ${SEED})`, () => {
    fc.assert(
      fc.property(program(24), (ops) => {
        const c: Case = { description: 'generated', steps: toSteps(ops, 't') }
        expect(caseProblems(c)).toEqual([])
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('finds no divergence between two correct implementations', async () => {
    const r = await fuzz({ a: sim(), b: sim(), seed: SEED, count: 100 })
    expect(r.divergence).toBeUndefined()
    expect(r.programs).toBe(100)
    expect(r.steps).toBeGreaterThan(400)
  })

  it('catches a planted bug, shrinks it, and writes a case that reproduces it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'watchq-fuzz-'))
    const r = await fuzz({ a: sim(), b: buggy(), seed: SEED, count: 200, outDir: out })
    expect(r.divergence?.why).toMatch(/expected EBUSY, observed EINVAL/)
    // Shrunk: the prelude plus little more than the two calls that give EBUSY, two SET_SIZEs on one
    // pipe or two watches of one key on one pipe (which the generator finds first depends on its ops).
    const steps = r.divergence!.steps
    expect(steps.length).toBeLessThanOrEqual(6)
    // It ends at the step that differed: nothing after it can matter.
    const last = steps.at(-1)!.op
    expect(['set_size', 'watch']).toContain(last)
    expect(steps.filter((s) => s.op === last).length).toBe(2)
    const file = r.divergence!.file!
    expect(JSON.parse(readFileSync(file, 'utf8')).description).toContain(`seed ${SEED}`)
    const [lc] = loadCases([file]).cases
    const run = async (connector: ReturnType<typeof sim>) =>
      (await runSuite({ connector, cases: [lc!], report: new ReportMemory(), version: 'test' })).counts
    expect(await run(sim())).toMatchObject({ pass: 1 })
    expect(await run(buggy())).toMatchObject({ fail: 1 })
  })

  it('ends the shrunk program at the step that differed, even where the program cannot shrink below it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'watchq-fuzz-'))
    const r = await fuzz({ a: sim(), b: keyless(), seed: SEED, count: 20, outDir: out })
    expect(r.divergence?.why).toMatch(/add_key\): expected ret \$k0, observed ENOSYS/)
    expect(r.divergence!.steps.at(-1)).toMatchObject({ op: 'add_key' })
    expect(r.divergence!.steps.filter((s) => s.op === 'add_key')).toHaveLength(1)
    const [lc] = loadCases([r.divergence!.file!]).cases
    expect(lc!.case.steps).toHaveLength(r.divergence!.steps.length)
  })
})
