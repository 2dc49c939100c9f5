// Captures: written from a run, replayed as a case whose expectations are the observations, with
// fds and serials bound by position so that a second run with other serials still matches.
import { join } from 'node:path'
import type { ImplementationInfo } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { captureLines, captureToCase } from '../../src/cases/capture.js'
import { caseProblems, loadCases } from '../../src/cases/load.js'
import { evaluate } from '../../src/runner/evaluate.js'
import { wireSteps } from '../../src/runner/wire.js'
import { hexOf, key, removal } from '../support/records.js'

const lc = loadCases([join(import.meta.dirname, 'fixtures/good/cases/keys/update.json')]).cases[0]!
const impl: ImplementationInfo = {
  name: 'fake',
  version: '1',
  kernel: '6.12.117',
  arch: 's390x',
  endian: 'big',
  pageSize: 4096,
  ops: [],
}
const observed = (serial: number, ring: number) => [
  { ret: 0, fds: [3, 4] },
  { ret: 0 },
  { ret: serial },
  { ret: 0 },
  { ret: 0 },
  { ret: 48, bytes: hexOf([key('updated', serial), key('linked', ring, serial), removal(BigInt(serial))], 'big') },
]

describe('captures', () => {
  const text = captureLines(
    { id: lc.id, case: lc.case, implementation: impl, recorded: '2026-11-22T00:00:00Z', watchq: '0.1.0' },
    wireSteps(lc.case),
    observed(500, 77),
  )

  it('are one header line and one line per step, without expectations', () => {
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(7)
    expect(lines[0]).toMatchObject({ capture: 1, case: 'keys/update', implementation: { arch: 's390x' } })
    expect(JSON.stringify(lines.slice(1))).not.toContain('expect')
  })

  it('replay as a valid case that binds serials by position', () => {
    const r = captureToCase(text)
    if ('problems' in r) throw new Error(r.problems.join('\n'))
    expect(caseProblems(r.case)).toEqual([])
    expect(r.case.steps[2]!.expect).toEqual({ ret: '$k' })
    expect(r.case.steps[5]!.expect?.records).toEqual([
      expect.objectContaining({ kind: 'key', event: 'updated', keyId: '$k', aux: 0 }),
      expect.objectContaining({ event: 'linked', keyId: '$serial_1', aux: '$k' }),
      expect.objectContaining({ kind: 'removal', id: '$k' }),
    ])
    // Another run with other serials matches; a run that posts a different event does not.
    const ctx = { endian: 'big', revision: 'mainline' } as const
    expect(evaluate(r.case, { kind: 'observed', observations: observed(9000, 8000) }, ctx).status).toBe('pass')
    const other = observed(9000, 8000)
    other[5] = { ret: 48, bytes: hexOf([key('updated', 9000), key('linked', 8000, 9001), removal(9000n)], 'big') }
    expect(evaluate(r.case, { kind: 'observed', observations: other }, ctx).reason).toBe(
      'step 5 (read): records[1].aux: expected $k (= 9000), observed 9001',
    )
  })

  it('expect serials returned without a bind by handle, not by value', () => {
    const header = text.split('\n')[0]
    const lines = [
      header,
      JSON.stringify({
        step: { op: 'add_key', type: 'user', description: 'd', payload: 'a', keyring: '@s', bind: '$k' },
        observation: { ret: 41 },
      }),
      JSON.stringify({
        step: { op: 'add_key', type: 'user', description: 'd', payload: 'b', keyring: '@s' },
        observation: { ret: 41 },
      }),
      JSON.stringify({
        step: { op: 'add_key', type: 'user', description: 'e', payload: 'c', keyring: '@s' },
        observation: { ret: 97 },
      }),
    ]
    const r = captureToCase(lines.join('\n'))
    if ('problems' in r) throw new Error(r.problems.join('\n'))
    expect(r.case.steps.map((s) => s.expect?.ret)).toEqual(['$k', '$k', '$serial_1'])
    const ctx = { endian: 'big', revision: 'mainline' } as const
    expect(evaluate(r.case, { kind: 'observed', observations: [{ ret: 7 }, { ret: 7 }, { ret: 8 }] }, ctx).status).toBe(
      'pass',
    )
    expect(evaluate(r.case, { kind: 'observed', observations: [{ ret: 7 }, { ret: 9 }, { ret: 8 }] }, ctx).reason).toBe(
      'step 1 (add_key): expected ret $k (= 7), observed ret 9',
    )
  })

  it('name the line of a bad capture', () => {
    expect(captureToCase('')).toEqual({ problems: ['line 1: empty capture (a header line is required)'] })
    const lines = text.split('\n')
    const broken = [lines[0], lines[1], '{"step": {"op": "close"}, "observation": {}}'].join('\n')
    const r = captureToCase(broken)
    expect('problems' in r && r.problems[0]).toMatch(/^line 3 \/step/)
    expect(captureToCase(`${lines[0]}\n{bad json`)).toEqual({
      problems: [expect.stringMatching(/^line 2: line 1, column 2: /)],
    })
  })
})
