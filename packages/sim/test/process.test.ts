// The case process: its session keyring, its own RLIMIT_NOFILE, and what exit does.
import { describe, expect, it } from 'vitest'
import { Kernel } from '../src/kernel.js'
import { pipe2 } from '../src/ops/pipe.js'
import { DEFAULT_NOFILE, Process } from '../src/process.js'
import { SIM_PROFILES } from '../src/profile.js'

describe('the case process', () => {
  it('joins a fresh anonymous session keyring and starts at RLIMIT_NOFILE 1024/4096', () => {
    const k = new Kernel(SIM_PROFILES['x86_64-6.12']!)
    const p = new Process(k)
    p.joinSession()
    expect(p.sessionKeyring?.description).toBe('_ses')
    expect(p.nofile).toEqual(DEFAULT_NOFILE)
  })

  it('closes every fd and lets go of its keyrings at exit; the gc then reaps them', () => {
    const k = new Kernel(SIM_PROFILES['x86_64-6.12']!)
    const p = new Process(k)
    p.joinSession()
    pipe2(p, k.flags.O_NOTIFICATION_PIPE)
    expect(k.pipes).toBe(1)
    p.exit()
    expect(k.pipes).toBe(0)
    k.clock.advanceTo(100)
    expect(k.keys.size).toBe(0)
  })
})
