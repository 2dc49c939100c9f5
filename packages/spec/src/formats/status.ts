// The outcome of one case against one implementation.
import { Type } from '@sinclair/typebox'

export const STATUSES = {
  pass: 'every observation matched its expectation',
  fail: 'an observation differed from its expectation',
  error: 'the implementation reported an error, or spoke out of protocol',
  crash: 'the implementation exited or closed the connection during the case',
  timeout: 'no answer within the per-request time limit',
  skip: 'not run: a requirement is not met, or the implementation declined',
} as const
export type Status = keyof typeof STATUSES
export const Status = Type.Union(Object.keys(STATUSES).map((s) => Type.Literal(s as Status)))

/**
 * What a result may be without an entry in the implementation's expectations file: a pass, or a
 * skip (the case's requirements are not met, or the implementation declined). Anything else is
 * unexpected unless the file allows it.
 */
export const ALLOWED_BY_DEFAULT: readonly Status[] = ['pass', 'skip']
