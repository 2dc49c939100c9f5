// Steps on the process itself (waiting, resource limits) and on programs of the machine under test
// that a case runs beside its own steps (feature `exec`): start one, wait for its output or its
// exit, read what it wrote, signal it. Programs are the case's own: they end with the case.
import { type TObject, Type } from '@sinclair/typebox'
import { Ref } from '../values.js'
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

/** How long a wait for a program may take at most (the runner adds it to the case's time limit). */
export const MAX_PROGRAM_WAIT_MS = 600_000

const Proc = Type.Union([Type.Integer(), Ref], {
  description: 'A program this case started: the handle spawn bound (its process id)',
})
const Wait = Type.Integer({ minimum: 0, maximum: MAX_PROGRAM_WAIT_MS, description: 'At most this long (ms)' })

export const Spawn = op(
  'spawn',
  'Starts a program (fork + execve) with stdin on /dev/null and stdout and stderr collected; binds its process id. ' +
    'Observes ENOENT, EACCES, … when it cannot be executed',
  'ret',
  {
    argv: Type.Array(Type.Union([Type.String(), Ref]), {
      minItems: 1,
      maxItems: 256,
      description:
        'argv[0] is the program: a path, or a name looked up in PATH. An item that is a handle ($name) is ' +
        'replaced by its value in decimal (a key serial, an fd number), so a literal "$name" cannot be passed',
    }),
    env: Type.Optional(
      Type.Array(Type.String({ pattern: '^[^=]+=' }), {
        maxItems: 256,
        description:
          'The whole environment, NAME=value each (default: only PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)',
      }),
    ),
  },
)

export const WaitExit = op(
  'wait_exit',
  'Waits for a program to end: ret is its exit status, or minus the number of the signal that killed it; ' +
    'bytes is all it wrote to stdout. Still running after timeoutMs: killed (SIGKILL) and ETIMEDOUT',
  'none',
  { proc: Proc, timeoutMs: Wait },
)

export const Output = op(
  'output',
  'What a program wrote so far to one stream (collected from its start): ret is the byte count, bytes the bytes',
  'none',
  { proc: Proc, stream: Type.Union([Type.Literal('stdout'), Type.Literal('stderr')]) },
)

/** Signals a case may send to its own programs. */
export const PROGRAM_SIGNALS = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGKILL',
  'SIGUSR1',
  'SIGUSR2',
  'SIGTERM',
  'SIGCONT',
  'SIGSTOP',
] as const

export const Kill = op(
  'kill',
  'kill(2) of a program this case started (never another process); SIGSTOP returns once it has stopped',
  'none',
  { proc: Proc, signal: Type.Union(PROGRAM_SIGNALS.map((s) => Type.Literal(s))) },
)

/**
 * wait_output: waits until a program has written `lines` newline-terminated lines to stdout,
 * repeating `probe` (a step that binds nothing, e.g. a setperm that posts a record the program
 * prints) every `intervalMs` meanwhile — how a case learns that a program has set itself up (e.g.
 * installed its watch) before the steps it is meant to see. `probes` are the steps allowed as a
 * probe (given by the op registry, which knows them all).
 */
export function waitOutputOp<P extends TObject>(probes: readonly P[]) {
  return op(
    'wait_output',
    "Waits for `lines` lines on a program's stdout, running `probe` every intervalMs meanwhile. ret: the lines " +
      'written by then; value: how often the probe ran. ETIMEDOUT after timeoutMs, EPIPE when stdout closed first. ' +
      'A probe that does not succeed ends the step with an error',
    'none',
    {
      proc: Proc,
      lines: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      timeoutMs: Wait,
      probe: Type.Optional(Type.Union([...probes], { description: 'A step that binds nothing, run as it is' })),
      intervalMs: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 10_000, description: 'Between two probes (default 20)' }),
      ),
    },
  )
}

/** The ops that run programs: only implementations with the `exec` feature perform them. */
export const PROGRAM_OPS = ['spawn', 'wait_output', 'wait_exit', 'output', 'kill'] as const
