// `repeat` on a step: validated, then written out by the loader so that nothing else sees it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
})
