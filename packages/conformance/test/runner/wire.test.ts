// The time the runner gives a case: its request limit plus what the case itself waits for.
import { describe, expect, it } from 'vitest'
import { caseTimeoutMs } from '../../src/runner/wire.js'

describe('the runner', () => {
  it('gives a case the time its waits on programs ask for', () => {
    const c = {
      description: 'x',
      steps: [
        { op: 'spawn' as const, argv: ['true'], bind: '$p' },
        { op: 'wait_output' as const, proc: '$p', lines: 1, timeoutMs: 7000 },
        { op: 'wait_exit' as const, proc: '$p', timeoutMs: 5000 },
      ],
    }
    expect(caseTimeoutMs(c, 1000)).toBe(13000)
  })
})
