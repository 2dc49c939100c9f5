// The time the runner gives a case: its request limit plus what the case itself waits for.
import { MAX_TIMER_MS } from '@watchq/spec'
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

  it('gives a case the time its polls and waits for queued bytes ask for', () => {
    const c = {
      description: 'x',
      steps: [
        { op: 'poll' as const, fd: 3, events: ['POLLIN' as const], timeoutMs: 2000 },
        { op: 'wait_queued' as const, fd: 3, bytes: 16, timeoutMs: 9000 },
        { op: 'sleep' as const, ms: 500 },
      ],
    }
    expect(caseTimeoutMs(c, 1000)).toBe(12_500)
  })

  it('never asks for more than a timer holds, however the waits add up', () => {
    const poll = { op: 'poll' as const, fd: 3, events: ['POLLIN' as const], timeoutMs: 60_000 }
    const c = { description: 'x', steps: [poll, poll] }
    // The longest --timeout (2147483 s) plus two polls' waits would pass 2^31-1 ms.
    expect(caseTimeoutMs(c, 2_147_483_000)).toBe(MAX_TIMER_MS)
    expect(caseTimeoutMs(c, 30_000)).toBe(150_000)
  })
})
