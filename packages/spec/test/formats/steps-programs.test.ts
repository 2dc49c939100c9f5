// The ops on programs (feature exec) as schemas: what a case may write for spawn, wait_output (and
// its probe), wait_exit, output and kill, and the feature that announces them.
import { describe, expect, it } from 'vitest'
import {
  Case,
  createAjv,
  FEATURES,
  HelloResponse,
  OP_NAMES,
  OPS,
  PROGRAM_OPS,
  PROGRAM_SIGNALS,
  WaitOutput,
  WireStep,
} from '../../src/index.js'

const ajv = createAjv()
const validCase = ajv.compile(Case)
const validWire = ajv.compile(WireStep)
const oneStep = (step: object) => validCase({ description: 'x', requires: { features: ['exec'] }, steps: [step] })

const keyctl = {
  description: 'keyctl watch prints what the kernel posts',
  requires: { features: ['exec', 'key-notifications'] },
  steps: [
    { op: 'add_key', type: 'keyring', description: 'r', payload: null, keyring: '@s', bind: '$R' },
    { op: 'spawn', argv: ['keyctl', 'watch', '$R'], bind: '$p' },
    {
      op: 'wait_output',
      proc: '$p',
      lines: 1,
      timeoutMs: 20000,
      intervalMs: 50,
      probe: { op: 'setperm', key: '$R', perm: 0x3f3f0000 },
      expect: { ret: 1 },
    },
    { op: 'invalidate', key: '$R' },
    { op: 'wait_exit', proc: '$p', timeoutMs: 20000, expect: { ret: 0 } },
    { op: 'output', proc: '$p', stream: 'stderr', expect: { ret: 0 } },
    { op: 'kill', proc: '$p', signal: 'SIGKILL', expect: { errno: 'ESRCH' } },
  ],
}

describe('ops on programs', () => {
  it('are registered, with what they bind', () => {
    for (const op of PROGRAM_OPS) expect(OP_NAMES).toContain(op)
    expect(OPS.get('spawn')!.binds).toBe('ret')
    for (const op of PROGRAM_OPS.filter((o) => o !== 'spawn')) expect(OPS.get(op)!.binds).toBe('none')
  })

  it('accept a keyctl watch case', () => {
    expect(validCase(keyctl), JSON.stringify(validCase.errors)).toBe(true)
  })

  it.each([
    ['an empty argv', { op: 'spawn', argv: [] }],
    ['an argv item that is no string', { op: 'spawn', argv: ['keyctl', 5] }],
    ['an env item without =', { op: 'spawn', argv: ['env'], env: ['PATH'] }],
    ['a bind of two handles', { op: 'spawn', argv: ['true'], bind: 3 }],
    ['wait_output for no line', { op: 'wait_output', proc: '$p', lines: 0, timeoutMs: 1 }],
    ['a wait beyond the limit', { op: 'wait_exit', proc: '$p', timeoutMs: 600_001 }],
    ['a probe that binds', { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 1, probe: { op: 'dup', fd: 0 } }],
    [
      'a probe that waits on programs',
      { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 1, probe: { op: 'wait_exit', proc: '$p', timeoutMs: 1 } },
    ],
    [
      'a probe with an expectation',
      { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 1, probe: { op: 'sleep', ms: 0, expect: { ret: 0 } } },
    ],
    [
      'a probe with a bad argument',
      { op: 'wait_output', proc: '$p', lines: 1, timeoutMs: 1, probe: { op: 'setperm', key: '$k' } },
    ],
    ['an unknown stream', { op: 'output', proc: '$p', stream: 'stdin' }],
    ['a signal outside the list', { op: 'kill', proc: '$p', signal: 'SIGSEGV' }],
    ['a signal by number', { op: 'kill', proc: '$p', signal: 9 }],
  ])('reject %s', (_what, step) => {
    expect(oneStep(step)).toBe(false)
  })

  it('a probe is any other step that binds nothing, as sent (no expect)', () => {
    const probe = (WaitOutput.args.probe as unknown as { anyOf: { properties: { op: { const: string } } }[] }).anyOf
    const names = probe.map((p) => p.properties.op.const).sort()
    const expected = OP_NAMES.filter(
      (o) => OPS.get(o)!.binds === 'none' && !(PROGRAM_OPS as readonly string[]).includes(o),
    ).sort()
    expect(names).toEqual(expected)
    expect(names).toContain('setperm')
    expect(names).not.toContain('add_key')
  })

  it('go to an implementation without their expectations', () => {
    const [, spawn, wait] = keyctl.steps
    const { expect: _e, ...wire } = wait as typeof wait & { expect?: unknown }
    expect(validWire(spawn)).toBe(true)
    expect(validWire(wire)).toBe(true)
    expect(validWire(wait)).toBe(false)
  })

  it('kill knows the signals a case may send, SIGSTOP and SIGCONT among them', () => {
    expect(PROGRAM_SIGNALS).toEqual(expect.arrayContaining(['SIGTERM', 'SIGKILL', 'SIGSTOP', 'SIGCONT']))
    for (const signal of PROGRAM_SIGNALS) expect(oneStep({ op: 'kill', proc: 1234, signal })).toBe(true)
  })
})

describe('the exec feature', () => {
  it('is a feature a case may require and an implementation may announce', () => {
    expect(FEATURES.exec).toMatch(/programs/)
    const hello = ajv.compile(HelloResponse)
    const info = { name: 'a', version: '1', arch: 'x86_64', endian: 'little', pageSize: 4096 }
    expect(hello({ protocol: 1, implementation: { ...info, features: ['exec'], ops: ['spawn'] } })).toBe(true)
    expect(hello({ protocol: 1, implementation: { ...info, features: ['exe'], ops: ['spawn'] } })).toBe(false)
  })
})
