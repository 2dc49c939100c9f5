// The TransportError a promise rejects with (the test fails if it resolves or rejects otherwise).

import { TransportError } from '@watchq/spec'
import { expect } from 'vitest'

export async function failure(p: Promise<unknown>): Promise<TransportError> {
  const e = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )
  expect(e).toBeInstanceOf(TransportError)
  return e as TransportError
}
