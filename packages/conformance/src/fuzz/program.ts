// Random programs for differential runs: abstract operations on numbered pipes, keys and keyrings,
// turned into case steps whose handles are always bound before use. Left out on purpose: anything
// whose outcome depends on timing the kernel does not promise — blocking calls (every pipe is
// O_NONBLOCK and stays so, polls and wait_queued do not wait) and dropping a watched key's last link
// (its removal record comes from the asynchronous garbage collector), so two correct implementations
// always agree.

import type { Case } from '@watchq/spec'
import fc from 'fast-check'

type Step = Case['steps'][number]

export type AbstractOp =
  | { readonly k: 'pipe'; readonly notification: boolean }
  | { readonly k: 'size'; readonly p: number; readonly notes: number }
  | {
      readonly k: 'filter'
      readonly p: number
      readonly subtypes: number
      readonly idMask: boolean
      readonly id: number
    }
  | { readonly k: 'unfilter'; readonly p: number }
  | { readonly k: 'key' }
  | { readonly k: 'ring' }
  | { readonly k: 'watch'; readonly target: number; readonly p: number; readonly id: number }
  | { readonly k: 'unwatch'; readonly target: number; readonly p: number }
  | { readonly k: 'update' | 'revoke' | 'setperm' | 'set_timeout' | 'chown'; readonly key: number }
  | { readonly k: 'link' | 'unlink'; readonly key: number; readonly ring: number }
  | { readonly k: 'clear'; readonly ring: number }
  | { readonly k: 'read'; readonly p: number; readonly len: number }
  | { readonly k: 'fionread' | 'poll' | 'write'; readonly p: number }
  | { readonly k: 'getfl'; readonly p: number; readonly end: 'r' | 'w' }
  | { readonly k: 'setfl'; readonly p: number; readonly append: boolean }
  | { readonly k: 'writev'; readonly p: number; readonly iov: readonly (number | string)[] }
  | { readonly k: 'tee'; readonly p: number; readonly q: number; readonly more: boolean }
  | { readonly k: 'wait_queued'; readonly p: number; readonly bytes: number }

const idx = fc.nat({ max: 7 })

export const abstractOp: fc.Arbitrary<AbstractOp> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant('pipe' as const), notification: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('size' as const),
      p: idx,
      notes: fc.constantFrom(0, 1, 2, 31, 32, 33, 512, 513),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('filter' as const),
      p: idx,
      subtypes: fc.constantFrom(0xff, 0x02, 0x04, 0x06, 0x80, 0),
      idMask: fc.boolean(),
      id: fc.nat({ max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unfilter' as const), p: idx }) },
  { weight: 3, arbitrary: fc.constant({ k: 'key' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'ring' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('watch' as const),
      target: idx,
      p: idx,
      id: fc.constantFrom(0, 1, 2, 3, 255, 256, -2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unwatch' as const), target: idx, p: idx }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constantFrom(
        'update' as const,
        'revoke' as const,
        'setperm' as const,
        'set_timeout' as const,
        'chown' as const,
      ),
      key: idx,
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom('link' as const, 'unlink' as const), key: idx, ring: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('clear' as const), ring: idx }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('read' as const),
      p: idx,
      len: fc.constantFrom(0, 7, 8, 15, 16, 17, 48, 4096),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constantFrom('fionread' as const, 'poll' as const, 'write' as const), p: idx }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('getfl' as const),
      p: idx,
      end: fc.constantFrom('r' as const, 'w' as const),
    }),
  },
  // F_SETFL keeps O_NONBLOCK: a blocking pipe could make a later read wait.
  { weight: 1, arbitrary: fc.record({ k: fc.constant('setfl' as const), p: idx, append: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('writev' as const),
      p: idx,
      iov: fc.array(fc.oneof(fc.constantFrom(0, 1, 16), fc.constantFrom('00', '7761', '0102030405060708')), {
        maxLength: 3,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('tee' as const), p: idx, q: idx, more: fc.boolean() }) },
  // No wait: what is queued already is all there will be (nothing asynchronous is generated).
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('wait_queued' as const), p: idx, bytes: fc.constantFrom(1, 16, 48) }),
  },
)

/** Something to act on from the start: a notification pipe, a key and a keyring (then random ops). */
export const PRELUDE: readonly AbstractOp[] = [{ k: 'pipe', notification: true }, { k: 'key' }, { k: 'ring' }]

export const program = (maxSteps: number) =>
  fc.array(abstractOp, { minLength: 1, maxLength: maxSteps }).map((ops) => [...PRELUDE, ...ops])

/** The steps of a program: references pick among what exists (index modulo the count); ops on nothing are dropped. */
export function toSteps(ops: readonly AbstractOp[], tag: string): Step[] {
  const steps: Step[] = []
  let pipes = 0
  let keys = 0
  let rings = 0
  const pipe = (i: number) => (pipes ? `$r${i % pipes}` : null)
  const key = (i: number) => (keys ? `$k${i % keys}` : null)
  const ring = (i: number) => (rings ? `$g${i % rings}` : null)
  // Watch targets: keys, then keyrings, then the session keyring.
  const target = (i: number) => {
    const n = keys + rings + 1
    const j = i % n
    return j < keys ? `$k${j}` : j < keys + rings ? `$g${j - keys}` : '@s'
  }
  const push = (s: object) => steps.push(s as Step)
  for (const o of ops) {
    switch (o.k) {
      case 'pipe':
        push({
          op: 'pipe2',
          flags: o.notification ? ['O_NOTIFICATION_PIPE', 'O_NONBLOCK'] : ['O_NONBLOCK'],
          bind: [`$r${pipes}`, `$w${pipes}`],
        })
        pipes++
        break
      case 'size':
        if (pipe(o.p)) push({ op: 'set_size', fd: pipe(o.p), notes: o.notes })
        break
      case 'filter': {
        if (!pipe(o.p)) break
        const entry = {
          type: 1,
          subtype_filter: [o.subtypes],
          info_mask: o.idMask ? 0xff00 : 0,
          info_filter: o.idMask ? o.id << 8 : 0,
        }
        push({ op: 'set_filter', fd: pipe(o.p), filter: { filters: [entry] } })
        break
      }
      case 'unfilter':
        if (pipe(o.p)) push({ op: 'set_filter', fd: pipe(o.p), filter: null })
        break
      case 'key':
        push({
          op: 'add_key',
          type: 'user',
          description: `watchq:fuzz:${tag}:${keys}`,
          payload: 'x',
          keyring: '@s',
          bind: `$k${keys}`,
        })
        keys++
        break
      case 'ring':
        push({
          op: 'add_key',
          type: 'keyring',
          description: `watchq:fuzz:${tag}:ring${rings}`,
          payload: null,
          keyring: '@s',
          bind: `$g${rings}`,
        })
        rings++
        break
      case 'watch':
        if (pipe(o.p)) push({ op: 'watch', key: target(o.target), fd: pipe(o.p), id: o.id })
        break
      case 'unwatch':
        if (pipe(o.p)) push({ op: 'unwatch', key: target(o.target), fd: pipe(o.p) })
        break
      case 'update':
        if (key(o.key)) push({ op: 'update', key: key(o.key), payload: 'y' })
        break
      case 'revoke':
        if (key(o.key)) push({ op: 'revoke', key: key(o.key) })
        break
      case 'setperm':
        if (key(o.key)) push({ op: 'setperm', key: key(o.key), perm: 0x3f3f0000 })
        break
      case 'set_timeout':
        if (key(o.key)) push({ op: 'set_timeout', key: key(o.key), seconds: 3600 })
        break
      case 'chown':
        if (key(o.key)) push({ op: 'chown', key: key(o.key), uid: -1, gid: 0 })
        break
      // Keys always stay linked from @s, so unlinking them from a keyring never destroys them.
      case 'link':
        if (key(o.key) && ring(o.ring)) push({ op: 'link', key: key(o.key), keyring: ring(o.ring) })
        break
      case 'unlink':
        if (key(o.key) && ring(o.ring)) push({ op: 'unlink', key: key(o.key), keyring: ring(o.ring) })
        break
      case 'clear':
        if (ring(o.ring)) push({ op: 'clear', keyring: ring(o.ring) })
        break
      case 'read':
        if (pipe(o.p)) push({ op: 'read', fd: pipe(o.p), len: o.len })
        break
      case 'fionread':
        if (pipe(o.p)) push({ op: 'fionread', fd: pipe(o.p) })
        break
      case 'poll':
        if (pipe(o.p)) push({ op: 'poll', fd: pipe(o.p), events: ['POLLIN'], timeoutMs: 0 })
        break
      case 'write':
        if (pipes) push({ op: 'write', fd: `$w${o.p % pipes}`, bytes: '00' })
        break
      case 'getfl':
        if (pipes) push({ op: 'fcntl', fd: `$${o.end}${o.p % pipes}`, cmd: 'F_GETFL' })
        break
      case 'setfl':
        if (pipes)
          push({
            op: 'fcntl',
            fd: `$w${o.p % pipes}`,
            cmd: 'F_SETFL',
            flags: ['O_NONBLOCK', ...(o.append ? ['O_APPEND'] : [])],
          })
        break
      case 'writev':
        if (pipes) push({ op: 'writev', fd: `$w${o.p % pipes}`, iov: o.iov })
        break
      case 'tee':
        if (pipes)
          push({
            op: 'tee',
            in: `$r${o.p % pipes}`,
            out: `$w${o.q % pipes}`,
            len: 16,
            flags: o.more ? ['SPLICE_F_NONBLOCK', 'SPLICE_F_MORE'] : ['SPLICE_F_NONBLOCK'],
          })
        break
      case 'wait_queued':
        if (pipe(o.p)) push({ op: 'wait_queued', fd: pipe(o.p), bytes: o.bytes, timeoutMs: 0 })
        break
    }
  }
  return steps
}
