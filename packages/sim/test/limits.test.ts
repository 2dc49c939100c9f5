// The machine's memory budget.
import { describe, expect, it } from 'vitest'
import { MemoryBudget } from '../src/limits.js'

describe('the memory budget', () => {
  it('charges up to its limit and takes back what is uncharged', () => {
    const m = new MemoryBudget(10)
    expect([m.charge(6), m.charge(5), m.charge(4)]).toEqual([true, false, true])
    m.uncharge(10)
    expect(m.used).toBe(0)
  })
})
