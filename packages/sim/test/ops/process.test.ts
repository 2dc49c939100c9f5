// sleep and setrlimit(RLIMIT_NOFILE).
import { describe, expect, it } from 'vitest'
import { Sim } from '../helpers.js'

describe('sleep', () => {
  it('passes simulated time and says how long', () => {
    const sim = new Sim()
    expect(sim.run([{ op: 'sleep', ms: 1500 }])).toEqual([{ ret: 0, elapsedMs: 1500 }])
  })

  it('refuses a negative or over-long wait as a bad argument', () => {
    const sim = new Sim()
    expect(sim.run([{ op: 'sleep', ms: -1 }])[0]!.error).toMatch(/argument ms/)
  })
})

describe('setrlimit(RLIMIT_NOFILE)', () => {
  it('keeps the hard limit unless given; soft above hard is EINVAL; hard above nr_open EPERM', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 4096 },
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 4097 },
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 10, hard: 2_000_000 },
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 10, hard: 100_000 },
    ])
    expect(obs.map((o) => o.errno ?? o.ret)).toEqual([0, 'EINVAL', 'EPERM', 0])
  })

  it('lasts for the case only: the next case starts at 1024/4096', () => {
    const sim = new Sim()
    sim.run([{ op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 0 }])
    expect(sim.run([{ op: 'pipe2', flags: [], bind: ['$r', '$w'] }])).toEqual([{ ret: 0, fds: [3, 4] }])
  })

  it('declines other resources', () => {
    const sim = new Sim()
    expect(sim.run([{ op: 'setrlimit', resource: 'RLIMIT_CORE', soft: 0 }])[0]!.skipped).toMatch(/only RLIMIT_NOFILE/)
  })
})
