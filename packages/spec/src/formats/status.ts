// The outcome of one case against one implementation.
import { Type } from '@sinclair/typebox'

export const STATUSES = {
  pass: 'every observation matched its expectation',
  fail: 'an observation differed from its expectation',
  error: 'the implementation reported an error, or spoke out of protocol',
  crash: 'the implementation exited or closed the connection during the case',
  timeout: 'no answer within the per-request time limit',
  'not-applicable':
    'not run, and never could be: the case is for another architecture, byte order, page size, ABI revision or kernel version range',
  unsupported:
    'not run: the implementation lacks a feature or an op the case needs, or declined the case or one of its steps',
} as const
export type Status = keyof typeof STATUSES
export const Status = Type.Union(Object.keys(STATUSES).map((s) => Type.Literal(s as Status)))

/**
 * What a result may be without an entry in the implementation's expectations file: a pass, or
 * not-applicable (the case is for another platform; it could never apply). Anything else is
 * unexpected unless the file allows it — unsupported included, so an implementation that supports
 * nothing cannot pass by skipping everything.
 */
export const ALLOWED_BY_DEFAULT: readonly Status[] = ['pass', 'not-applicable']

/** The two statuses of a case that was not run (report version 1 called both `skip`). */
export const NOT_RUN: readonly Status[] = ['not-applicable', 'unsupported']
