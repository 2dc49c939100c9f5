// Steps on the process itself: waiting and resource limits.
import { Type } from '@sinclair/typebox'
import { op } from './step.js'

export const Sleep = op(
  'sleep',
  'Waits; for timers the kernel owns (key expiry), never to race an asynchronous record (use poll)',
  'none',
  {
    ms: Type.Integer({ minimum: 0, maximum: 60000 }),
  },
)

export const Setrlimit = op('setrlimit', 'setrlimit(2) for the adapter process', 'none', {
  resource: Type.Literal('RLIMIT_NOFILE'),
  soft: Type.Integer({ minimum: 0 }),
  hard: Type.Optional(Type.Integer({ minimum: 0, description: 'Omitted: the hard limit stays as it is' })),
})
