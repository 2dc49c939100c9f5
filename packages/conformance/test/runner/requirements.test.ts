// Which cases an implementation can run: a case for another platform is not applicable, one
// needing a feature or op the implementation lacks is unsupported (with what it lacks).
import type { Case, ImplementationInfo } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { unmetRequirement } from '../../src/runner/requirements.js'

const impl: ImplementationInfo = {
  name: 'x',
  version: '1',
  kernel: '6.12.117',
  arch: 'x86_64',
  endian: 'little',
  pageSize: 4096,
  features: ['notification-pipe', 'key-notifications'],
  ops: ['pipe2', 'read'],
}
const c = (requires: Case['requires'], ops: string[] = ['pipe2']): Case =>
  ({ description: 'c', ...(requires ? { requires } : {}), steps: ops.map((op) => ({ op, flags: [] })) }) as Case

describe('unmetRequirement', () => {
  it('treats compat-32 as platform: not applicable to a 64-bit task, whatever else the case needs', () => {
    expect(unmetRequirement(c({ features: ['compat-32', 'exec'] }), impl)).toEqual({
      status: 'not-applicable',
      reason: 'needs compat-32; implementation is not (a 32-bit task on a 64-bit kernel)',
    })
    const compat = { ...impl, features: [...(impl.features ?? []), 'compat-32' as const] }
    expect(unmetRequirement(c({ features: ['compat-32', 'notification-pipe'] }), compat)).toBeNull()
  })

  it('is null when everything is met', () => {
    expect(
      unmetRequirement(
        c({
          kernel: '>=6.12',
          arch: ['x86_64', 's390x'],
          endian: 'little',
          pageSize: 4096,
          features: ['key-notifications'],
        }),
        impl,
      ),
    ).toBeNull()
  })

  it.each([
    [{ revision: ['pipe-v5'] }, 'needs revision pipe-v5; implementation is mainline'],
    [{ kernel: '<6.12' }, 'needs kernel <6.12; implementation runs 6.12.117'],
    [{ arch: ['s390x'] }, 'needs arch s390x; implementation is x86_64'],
    [{ endian: 'big' }, 'needs big-endian; implementation is little-endian'],
    [{ pageSize: 65536 }, 'needs page size 65536; implementation has 4096'],
  ] as const)('%j → not applicable: %s', (requires, reason) => {
    expect(unmetRequirement(c(requires as Case['requires']), impl)).toEqual({ status: 'not-applicable', reason })
  })

  it('a missing feature is unsupported, naming what is lacked', () => {
    expect(unmetRequirement(c({ features: ['key-gc', 'root'] }), impl)).toEqual({
      status: 'unsupported',
      reason: 'implementation lacks features key-gc, root',
      lacks: ['key-gc', 'root'],
    })
  })

  it('the platform comes first: a case for another arch is not applicable whatever it lacks', () => {
    expect(unmetRequirement(c({ arch: ['s390x'], features: ['root'] }, ['tee']), impl)).toEqual({
      status: 'not-applicable',
      reason: 'needs arch s390x; implementation is x86_64',
    })
  })

  it('lacking features and ops: both named, ops as op:NAME', () => {
    expect(unmetRequirement(c({ features: ['root'] }, ['pipe2', 'tee']), impl)).toEqual({
      status: 'unsupported',
      reason: 'implementation lacks feature root and op tee',
      lacks: ['root', 'op:tee'],
    })
  })

  it('accepts a list of kernel ranges of which any may hold', () => {
    expect(unmetRequirement(c({ kernel: ['>=6.1.134 <6.2', '>=6.12.23'] }), impl)).toBeNull()
    expect(unmetRequirement(c({ kernel: ['<6.2', '>=6.13'] }), impl)?.reason).toBe(
      'needs kernel <6.2 or >=6.13; implementation runs 6.12.117',
    )
  })

  it('cases using ops the implementation does not offer are unsupported', () => {
    expect(unmetRequirement(c(undefined, ['pipe2', 'tee', 'splice', 'tee']), impl)).toEqual({
      status: 'unsupported',
      reason: 'implementation lacks ops tee, splice',
      lacks: ['op:tee', 'op:splice'],
    })
  })

  it('needs a kernel release when a case names a range', () => {
    const { kernel: _k, ...noKernel } = impl
    expect(unmetRequirement(c({ kernel: '>=6.1' }), noKernel)).toEqual({
      status: 'not-applicable',
      reason: 'needs kernel >=6.1; implementation names no kernel',
    })
  })
})
