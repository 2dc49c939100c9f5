// `repeat` on a step: validated, then written out by the loader so that nothing else sees it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_CASE_STEPS } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'

const dir = mkdtempSync(join(tmpdir(), 'watchq-repeat-'))
const write = (name: string, c: object) => {
  const f = join(dir, `${name}.json`)
  writeFileSync(f, JSON.stringify(c))
  return f
}

describe('repeat', () => {
  it('is expanded into that many copies of the step, without the field', () => {
    const f = write('ok', {
      description: 'x',
      steps: [
        { op: 'add_key', type: 'user', description: 'k', payload: 'a', keyring: '@s', bind: '$k' },
        { op: 'update', key: '$k', payload: 'b', repeat: 3, expect: { ret: 0 } },
      ],
    })
    const [c] = loadCases([f]).cases
    expect(c!.case.steps).toHaveLength(4)
    expect(c!.case.steps.slice(1)).toEqual(Array(3).fill({ op: 'update', key: '$k', payload: 'b', expect: { ret: 0 } }))
  })

  it('cannot bind, and must be 1..4096', () => {
    const f1 = write('bind', { description: 'x', steps: [{ op: 'dup', fd: 0, bind: '$d', repeat: 2 }] })
    const f2 = write('zero', { description: 'x', steps: [{ op: 'close', fd: 3, repeat: 0 }] })
    const { problems } = loadCases([f1, f2])
    expect(problems[0]).toContain('at /steps/0/repeat: a repeated step cannot bind handles')
    expect(problems[1]).toContain('at /steps/0/repeat: must be >= 1')
  })

  it(`is capped: at most ${MAX_CASE_STEPS} steps once expanded, refused before anything runs`, () => {
    const step = { op: 'fionread', fd: 3, repeat: 4096, expect: { value: 0 } }
    // 5000 × 4096 steps: a valid-looking 300 KB file that once expanded to 20 million steps.
    const huge = write('huge', { description: 'x', steps: Array(5000).fill(step) })
    const edge = write('edge', { description: 'x', steps: Array(MAX_CASE_STEPS / 4096).fill(step) })
    const over = write('over', {
      description: 'x',
      steps: [...Array(MAX_CASE_STEPS / 4096).fill(step), { op: 'close', fd: 3 }],
    })
    const long = write('long', { description: 'x', steps: Array(MAX_CASE_STEPS + 1).fill({ op: 'close', fd: 3 }) })
    const r = loadCases([huge, edge, over, long])
    expect(r.cases.map((c) => c.id)).toEqual(['edge'])
    expect(r.cases[0]!.case.steps).toHaveLength(MAX_CASE_STEPS)
    expect(r.problems).toEqual([
      `${huge}: not valid:\n  at /steps: 20480000 steps once each repeat is expanded; a case may have at most ${MAX_CASE_STEPS}`,
      `${over}: not valid:\n  at /steps: ${MAX_CASE_STEPS + 1} steps once each repeat is expanded; a case may have at most ${MAX_CASE_STEPS}`,
      expect.stringContaining(`${long}: not valid:\n  at /steps: must NOT have more than ${MAX_CASE_STEPS} items`),
    ])
  })
})
