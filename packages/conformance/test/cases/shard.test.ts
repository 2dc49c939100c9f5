// --shard: i/n and env/n as indexed jobs give them, a partition that stays put as cases are
// added, and shards of about equal size.
import { describe, expect, it } from 'vitest'
import { inShard, parseShard, shardOf } from '../../src/cases/shard.js'

const ids = (n: number, prefix = 'area/case-') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }))

describe('parseShard', () => {
  it('reads i/n, and env/n from the variables of indexed jobs (each with its own base)', () => {
    expect(parseShard('2/4', {})).toEqual({ index: 2, count: 4 })
    expect(parseShard('env/4', { WATCHQ_SHARD_INDEX: '4' })).toEqual({ index: 4, count: 4 })
    expect(parseShard('env/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 4 })
    expect(parseShard('env/4', { CI_NODE_INDEX: '3' })).toEqual({ index: 3, count: 4 })
    // The first one set wins.
    expect(parseShard('env/4', { WATCHQ_SHARD_INDEX: '2', JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 2, count: 4 })
  })

  it.each([
    ['0/4', {}, 'i must be 1 to 4'],
    ['5/4', {}, 'i must be 1 to 4'],
    ['1/0', {}, 'n must be 1 to 1000'],
    ['two/4', {}, '--shard takes i/n (e.g. 2/4) or env/n, not "two/4"'],
    ['env/4', {}, 'none of WATCHQ_SHARD_INDEX, JOB_COMPLETION_INDEX, CI_NODE_INDEX is set'],
    ['env/4', { JOB_COMPLETION_INDEX: '4' }, 'JOB_COMPLETION_INDEX=4 is out of range for 4 shard(s)'],
    ['env/4', { JOB_COMPLETION_INDEX: 'x' }, 'JOB_COMPLETION_INDEX="x" is not a number'],
  ])('%s with %j is refused: %s', (text, env, message) => {
    expect(() => parseShard(text, env)).toThrow(message)
  })
})

describe('the partition', () => {
  it('puts every case in exactly one shard, and adding cases moves none of the others', () => {
    const before = ids(500)
    const after = [...before, ...ids(200, 'new/case-')]
    for (const n of [1, 2, 3, 7]) {
      const parts = Array.from({ length: n }, (_, i) => inShard(before, { index: i + 1, count: n }))
      expect(parts.flat().length).toBe(before.length)
      for (const c of before) expect(shardOf(c.id, n)).toBe(shardOf(c.id, n))
      for (const [i, part] of parts.entries()) {
        const grown = inShard(after, { index: i + 1, count: n })
        expect(grown.slice(0, part.length)).toEqual(part)
      }
    }
  })

  it('gives shards of about equal size', () => {
    const all = ids(4000)
    const sizes = [1, 2, 3, 4, 5].map((index) => inShard(all, { index, count: 5 }).length)
    for (const s of sizes) expect(Math.abs(s - 800)).toBeLessThan(120)
  })
})
