// evaluate: an implementation's answer for a whole case → status, reason and divergence.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'
import { evaluate } from '../../src/runner/evaluate.js'
import { hexOf, key } from '../support/records.js'

const update = loadCases([join(import.meta.dirname, '../cases/fixtures/good/cases/keys/update.json')]).cases[0]!.case
const LE = { endian: 'little', revision: 'mainline' } as const
const good = (serial: number, event = 'updated') => [
  { ret: 0, fds: [3, 4] },
  { ret: 0 },
  { ret: serial },
  { ret: 0 },
  { ret: 0 },
  { ret: 16, bytes: hexOf([key(event, serial)]) },
]

describe('evaluate', () => {
  it('passes when every observation matches, binding the serial from add_key', () => {
    expect(evaluate(update, { kind: 'observed', observations: good(111) }, LE)).toEqual({ status: 'pass' })
    expect(evaluate(update, { kind: 'observed', observations: good(999999) }, LE)).toEqual({ status: 'pass' })
  })

  it('fails at the first divergence, with expected, observed and the decoded records', () => {
    const v = evaluate(update, { kind: 'observed', observations: good(111, 'linked') }, LE)
    expect(v.status).toBe('fail')
    expect(v.reason).toBe('step 5 (read): records[0].event: expected "updated", observed "linked"')
    expect(v.divergence).toMatchObject({
      step: 5,
      op: 'read',
      expected: update.steps[5]!.expect,
      observed: { ret: 16 },
    })
    expect(v.divergence?.decoded).toEqual([expect.objectContaining({ kind: 'key', event: 'linked', keyId: 111 })])
  })

  it('holds a bound serial: a record naming another key fails', () => {
    const obs = good(111)
    obs[5] = { ret: 16, bytes: hexOf([key('updated', 112)]) }
    expect(evaluate(update, { kind: 'observed', observations: obs }, LE).reason).toBe(
      'step 5 (read): records[0].keyId: expected $k (= 111), observed 112',
    )
  })

  it('maps whole-case answers to statuses', () => {
    expect(evaluate(update, { kind: 'skipped', reason: 'no keys' }, LE)).toEqual({
      status: 'unsupported',
      reason: 'the implementation declined: no keys',
    })
    expect(evaluate(update, { kind: 'errored', reason: 'bad', line: 'x' }, LE)).toEqual({
      status: 'error',
      reason: 'bad',
      line: 'x',
    })
    expect(evaluate(update, { kind: 'timeout', reason: 't' }, LE).status).toBe('timeout')
    expect(evaluate(update, { kind: 'crash', reason: 'c' }, LE).status).toBe('crash')
  })

  it('treats step-level skip and error, and a short or long answer', () => {
    const obs = good(1)
    expect(
      evaluate(update, { kind: 'observed', observations: [...obs.slice(0, 4), { skipped: 'no KEYCTL_UPDATE' }] }, LE),
    ).toEqual({
      status: 'unsupported',
      reason: 'step 4 (update): no KEYCTL_UPDATE',
      lacks: ['op:update'],
    })
    expect(
      evaluate(update, { kind: 'observed', observations: [obs[0]!, { error: 'ENOMEM in agent' }] }, LE).reason,
    ).toBe('step 1 (set_size): the implementation failed: ENOMEM in agent')
    expect(evaluate(update, { kind: 'observed', observations: obs.slice(0, 3) }, LE)).toMatchObject({
      status: 'error',
      reason: 'the implementation answered 3 observation(s) for 6 steps, without saying why it stopped',
    })
    expect(evaluate(update, { kind: 'observed', observations: [...obs, { ret: 0 }] }, LE).status).toBe('error')
  })
})
