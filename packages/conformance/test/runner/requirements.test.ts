// Which cases an implementation can run: every unmet requirement is a skip with its reason.
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
    [{ features: ['key-gc', 'root'] }, 'implementation lacks features key-gc, root'],
  ] as const)('%j → %s', (requires, reason) => {
    expect(unmetRequirement(c(requires as Case['requires']), impl)).toBe(reason)
  })

  it('accepts a list of kernel ranges of which any may hold', () => {
    expect(unmetRequirement(c({ kernel: ['>=6.1.134 <6.2', '>=6.12.23'] }), impl)).toBeNull()
    expect(unmetRequirement(c({ kernel: ['<6.2', '>=6.13'] }), impl)).toBe(
      'needs kernel <6.2 or >=6.13; implementation runs 6.12.117',
    )
  })

  it('skips cases using ops the implementation does not offer', () => {
    expect(unmetRequirement(c(undefined, ['pipe2', 'tee', 'splice', 'tee']), impl)).toBe(
      'implementation lacks ops tee, splice',
    )
  })

  it('needs a kernel release when a case names a range', () => {
    const { kernel: _k, ...noKernel } = impl
    expect(unmetRequirement(c({ kernel: '>=6.1' }), noKernel)).toBe(
      'needs kernel >=6.1; implementation names no kernel',
    )
  })
})
