// Simulated time: deferred work runs in due order as the clock passes it; waits are bounded.
import { describe, expect, it } from 'vitest'
import { Clock } from '../src/time.js'

describe('the simulated clock', () => {
  it('runs deferred work in order of due time, then of queueing, only when time passes', () => {
    const c = new Clock()
    const ran: string[] = []
    c.defer(5, 'b', () => ran.push('b'))
    c.defer(1, 'a', () => ran.push('a'))
    c.defer(5, 'c', () => ran.push('c'))
    expect(ran).toEqual([])
    c.advanceTo(5)
    expect(ran).toEqual(['a', 'b', 'c'])
    expect(c.now).toBe(5)
  })

  it('lets work queue more work that runs in the same advance if it is due', () => {
    const c = new Clock()
    const ran: number[] = []
    c.defer(1, 'x', () => c.defer(1, 'y', () => ran.push(c.now)))
    c.advanceTo(10)
    expect(ran).toEqual([2])
  })

  it('waits until ready, or the timeout, or says it would wait forever', () => {
    const c = new Clock()
    let flag = false
    c.defer(7, 'set', () => {
      flag = true
    })
    expect(c.waitFor(() => flag, 3)).toEqual({ ready: false, elapsedMs: 3, blockedForever: false })
    expect(c.waitFor(() => flag, 100)).toEqual({ ready: true, elapsedMs: 4, blockedForever: false })
    expect(c.waitFor(() => false, null)).toEqual({ ready: false, elapsedMs: 0, blockedForever: true })
  })

  it('keeps a wall clock in whole seconds for key expiry', () => {
    const c = new Clock()
    const s = c.realSeconds()
    c.advanceTo(c.msAtRealSeconds(s + 1))
    expect(c.realSeconds()).toBe(s + 1)
  })
})
