// The protocol face: hello as the kernel agent says it, runs as fresh processes, and answers —
// never exceptions — to whatever a client sends.
import { createAjv, HelloResponse, type ImplementationInfo, OP_NAMES, PROGRAM_OPS, RunResponse } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { MAX_STEPS } from '../src/implementation.js'
import { DEFAULT_SIM_PROFILE, SIM_PROFILES, simulator } from '../src/index.js'
import { VERSION } from '../src/version.js'
import { queue, Sim } from './helpers.js'

const ajv = createAjv()
const validHello = ajv.compile(HelloResponse)
const validRun = ajv.compile(RunResponse)

describe('hello', () => {
  it.each([
    ['x86_64-6.12', '6.12.117', 'little'],
    ['x86_64-6.1', '6.1.192', 'little'],
    ['s390x-6.1', '6.1.192', 'big'],
    ['s390x-6.12', '6.12.117', 'big'],
  ])('%s names the kernel %s, %s-endian, every op and the features it models', (name, kernel, endian) => {
    const answer = simulator(SIM_PROFILES[name]).handle({ cmd: 'hello', protocol: 1 })
    expect(validHello(answer)).toBe(true)
    expect(answer).toEqual({
      protocol: 1,
      implementation: {
        name: 'watchq-sim',
        version: VERSION,
        kernel,
        arch: name.split('-')[0],
        endian,
        pageSize: 4096,
        revision: 'mainline',
        features: ['notification-pipe', 'key-notifications', 'key-gc', 'root'],
        probes: expect.objectContaining({
          'notification-pipe': 'modelled by the simulator',
          exec: 'not modelled: a simulated machine has no programs to run',
        }),
        ops: OP_NAMES.filter((o) => !(PROGRAM_OPS as readonly string[]).includes(o)),
      },
    })
  })

  it('defaults to x86_64-6.12', () => {
    expect(DEFAULT_SIM_PROFILE).toBe('x86_64-6.12')
    expect(simulator().handle({ cmd: 'hello', protocol: 1 })).toMatchObject({
      implementation: { kernel: '6.12.117', arch: 'x86_64' },
    })
  })

  it('speaks protocol 1 only', () => {
    expect(simulator().handle({ cmd: 'hello', protocol: 2 })).toEqual({
      error: { message: expect.stringMatching(/protocol 1/) },
    })
  })

  it('refuses a profile it cannot run', () => {
    expect(() => simulator({ version: '6.12', arch: 'x86_64', pageSize: 1000 })).toThrow(RangeError)
  })
})

describe('run', () => {
  it('answers one observation per step, valid by the protocol schema', () => {
    const answer = simulator().handle({
      cmd: 'run',
      seq: 3,
      case: 'x',
      steps: [...queue(), { op: 'read', fd: '$r', len: 16 }],
    })
    expect(validRun(answer)).toBe(true)
    expect(answer).toEqual({ seq: 3, observations: [{ ret: 0, fds: [3, 4] }, { ret: 0 }, { errno: 'EAGAIN' }] })
  })

  it('stops at a step it cannot perform, with the step named', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'read', fd: '$nope', len: 1 },
      { op: 'sleep', ms: 1 },
    ])
    expect(obs).toEqual([{ error: 'step 0 (read): argument fd: handle $nope is not bound' }])
  })

  it('skips an op it does not know', () => {
    expect(new Sim().run([{ op: 'frobnicate' }, { op: 'sleep', ms: 1 }])).toEqual([
      { skipped: 'unknown op "frobnicate"' },
    ])
  })

  it('announces neither the exec feature nor the ops on programs, and skips those ops if sent anyway', () => {
    const info = (simulator().handle({ cmd: 'hello', protocol: 1 }) as { implementation: ImplementationInfo })
      .implementation
    expect(info.features).not.toContain('exec')
    expect(PROGRAM_OPS.filter((o) => info.ops.includes(o))).toEqual([])
    // Every other op of the spec is there.
    expect(info.ops.length).toBe(OP_NAMES.length - PROGRAM_OPS.length)
    const steps = [
      { op: 'spawn', argv: ['keyctl', 'watch', '@s'], bind: '$p' },
      { op: 'sleep', ms: 1 },
    ]
    expect(new Sim().run(steps)).toEqual([{ skipped: expect.stringMatching(/runs no programs.*spawn.*exec/) }])
    for (const op of PROGRAM_OPS.filter((o) => o !== 'spawn'))
      expect(new Sim().run([{ op, proc: 1, timeoutMs: 1, lines: 1, stream: 'stdout', signal: 'SIGTERM' }])).toEqual([
        { skipped: expect.stringContaining(`op ${op} needs the exec feature`) },
      ])
  })

  it('refuses a bind on an op that binds nothing, and a malformed step', () => {
    const sim = new Sim()
    expect(sim.run([{ op: 'close', fd: 3, bind: '$x' }])[0]!.error).toMatch(/binds nothing/)
    expect(simulator().handle({ cmd: 'run', seq: 1, case: 'x', steps: [42] })).toEqual({
      seq: 1,
      observations: [{ error: 'step 0 (?): a step is an object with an op name' }],
    })
  })

  it('binds nothing on a failed step', () => {
    const sim = new Sim()
    const obs = sim.run([
      { op: 'dup', fd: 77, bind: '$d' },
      { op: 'close', fd: '$d' },
    ])
    expect(obs[1]!.error).toMatch(/not bound/)
  })

  it('runs each case as a fresh process: fds from 3, a new session keyring', () => {
    const sim = new Sim()
    const a = sim.run([{ op: 'keyring_id', keyring: '@s' }, ...queue()])
    const b = sim.run([{ op: 'keyring_id', keyring: '@s' }, ...queue()])
    expect(a[1]!.fds).toEqual([3, 4])
    expect(b[1]!.fds).toEqual([3, 4])
    expect(a[0]!.ret).not.toBe(b[0]!.ret)
  })

  it('gives the same serials for the same cases on a fresh simulator (seeded)', () => {
    const steps = [{ op: 'add_key', type: 'user', description: 'x', payload: 'a', keyring: '@s' }]
    expect(new Sim().run(steps)).toEqual(new Sim().run(steps))
    expect(new Sim().run(steps)[0]!.ret).toBeGreaterThanOrEqual(3)
  })

  it('cleans up like the agent: keys a case made are revoked and its session cleared', () => {
    const sim = new Sim()
    // Linked from @u too, the key outlives the session keyring, revoked.
    const first = sim.run([
      { op: 'add_key', type: 'user', description: 'kept', payload: 'a', keyring: '@s', bind: '$k' },
      { op: 'link', key: '$k', keyring: '@u' },
      { op: 'add_key', type: 'user', description: 'gone', payload: 'a', keyring: '@s' },
    ])
    const obs = sim.run([
      ...queue(),
      { op: 'watch', key: first[0]!.ret!, fd: '$r', id: 1 },
      { op: 'watch', key: first[2]!.ret!, fd: '$r', id: 2 },
    ])
    expect(obs.slice(-2)).toEqual([{ errno: 'EKEYREVOKED' }, { errno: 'ENOKEY' }])
  })

  it('limits the steps of one run', () => {
    const steps = Array.from({ length: MAX_STEPS + 1 }, () => ({ op: 'sleep', ms: 0 }))
    expect(simulator().handle({ cmd: 'run', seq: 0, case: 'x', steps })).toEqual({
      seq: 0,
      error: { message: expect.stringMatching(/at most/) },
    })
  })
})

describe('malformed requests', () => {
  it.each([
    [null, { error: { message: 'the request is not a JSON object' } }],
    [[1, 2], { error: { message: 'the request is not a JSON object' } }],
    [{}, { error: { message: 'the request has no cmd' } }],
    [
      { cmd: 'dance', seq: 4 },
      { seq: 4, error: { message: 'unknown cmd (expected hello, run or stop)' } },
    ],
    [{ cmd: 'run', seq: -1, steps: [] }, { error: { message: 'run: seq must be a non-negative integer' } }],
    [
      { cmd: 'run', seq: 2, steps: 'x' },
      { seq: 2, error: { message: 'run: steps must be an array' } },
    ],
  ])('answers %j with a protocol error', (request, answer) => {
    expect(simulator().handle(request)).toEqual(answer)
  })

  it('answers stop with nothing', () => {
    expect(simulator().handle({ cmd: 'stop' })).toBeNull()
  })

  it('never throws on arguments of the wrong shape', () => {
    const impl = simulator()
    const weird = [
      { op: 'pipe2', flags: 'x' },
      { op: 'pipe2', flags: [{}] },
      { op: 'set_filter', fd: 3, filter: { filters: [{ type: -1 }] } },
      { op: 'set_filter', fd: 3, filter: { bytes: 'zz' } },
      { op: 'add_key', type: 5, description: 'x', payload: 'a', keyring: '@s' },
      { op: 'add_key', type: 'user', description: 'x', payload: 'a', keyring: '@nope' },
      { op: 'poll', fd: 3, events: ['POLLWHAT'], timeoutMs: 0 },
      { op: 'write', fd: 3, bytes: 'abc' },
      { op: 'writev', fd: 3, iov: [2 ** 40] },
      { op: 'reject', key: 1, timeout: 0, error: 'ENOTANERRNO' },
      { op: 'fcntl', fd: 3, cmd: 'F_GETFL' },
    ]
    for (const step of weird) {
      const answer = impl.handle({ cmd: 'run', seq: 0, case: 'x', steps: [step] }) as { observations: object[] }
      expect(validRun(answer)).toBe(true)
      expect(answer.observations).toHaveLength(1)
    }
  })
})
