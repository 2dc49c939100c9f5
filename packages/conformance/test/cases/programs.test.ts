// Cases with programs (feature exec): which observations they may expect, and what a capture of
// them keeps (the exit status) and drops (line and probe counts, output: they belong to one run).
import type { Case } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { captureToCase } from '../../src/cases/capture.js'
import { semanticProblems } from '../../src/cases/semantic.js'

const steps = (...s: unknown[]) => ({ description: 'programs', steps: s }) as unknown as Case

describe('program steps in cases', () => {
  it('wait_exit and output may expect bytes, wait_output a value', () => {
    const c = steps(
      { op: 'spawn', argv: ['true'], bind: '$p' },
      { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 100, expect: { value: 1 } },
      { op: 'output', proc: '$p', stream: 'stderr', expect: { ret: 0, bytes: '' } },
      { op: 'wait_exit', proc: '$p', timeoutMs: 100, expect: { ret: 0, bytes: '6f6b0a' } },
    )
    expect(semanticProblems(c)).toEqual([])
  })

  it('other ops may not, and the message lists the ops that may', () => {
    const c = steps(
      { op: 'fionread', fd: 3, expect: { ret: 0, bytes: '00' } },
      { op: 'wait_exit', proc: 1, timeoutMs: 1, expect: { value: 2 } },
      { op: 'wait_exit', proc: 1, timeoutMs: 1, expect: { records: [] } },
    )
    expect(semanticProblems(c)).toEqual([
      '/steps/0/expect: only read, wait_exit, output observe bytes',
      '/steps/1/expect: only fionread, wait_queued, wait_output observe a value',
      '/steps/2/expect: only read observes records',
    ])
  })

  it('a capture keeps the exit status and drops what belongs to one run', () => {
    const header = {
      capture: 1,
      case: 'programs/x',
      description: 'x',
      implementation: {
        name: 'a',
        version: '1',
        kernel: '6.12.1',
        arch: 'x86_64',
        endian: 'little',
        pageSize: 4096,
        ops: [],
      },
      recorded: '2026-11-23T00:00:00Z',
      watchq: '0.1.0',
    }
    const line = (step: unknown, observation: unknown) => JSON.stringify({ step, observation })
    const text = [
      JSON.stringify(header),
      line({ op: 'spawn', argv: ['keyctl', 'watch', '5'], bind: '$p' }, { ret: 812 }),
      line({ op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 5000 }, { ret: 1, value: 7 }),
      line({ op: 'output', proc: '$p', stream: 'stdout' }, { ret: 7, bytes: '3520617474720a' }),
      line({ op: 'wait_exit', proc: '$p', timeoutMs: 5000 }, { ret: 0, bytes: '3520617474720a' }),
    ].join('\n')
    const r = captureToCase(text)
    if ('problems' in r) throw new Error(r.problems.join('\n'))
    expect(r.case.steps.map((s) => (s as { expect?: unknown }).expect)).toEqual([
      { ret: '$p' },
      undefined,
      undefined,
      { ret: 0 },
    ])
  })
})
