// The kernel agent on this host, over the real stdio connector: hello, each op family against the
// host's kernel, handles, the host guard for keys, a fresh session keyring per case, and a
// crashing case process. Every answer is checked against the protocol schemas.
import { existsSync, readFileSync } from 'node:fs'
import { release } from 'node:os'
import type { Connection } from '@watchq/spec'
import { createAjv, HelloResponse, type ImplementationInfo, OP_NAMES } from '@watchq/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostAgentArch } from '../../src/agent/build.js'
import { type AgentSession, agentSession, type Step } from './harness.js'

const ajv = createAjv()
const validHello = ajv.compile(HelloResponse)

let agent: AgentSession
let conn: Connection
let info: ImplementationInfo
const has = (feature: string) => info.features?.some((f) => f === feature) ?? false
const run = (steps: Step[]) => agent.run(steps)
const observe = (steps: Step[]) => agent.observe(steps)

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex')
const pipe: Step = { op: 'pipe2', flags: [], bind: ['$r', '$w'] }
const nbPipe: Step = { op: 'pipe2', flags: ['O_NONBLOCK'], bind: ['$r', '$w'] }

beforeAll(async () => {
  agent = await agentSession('agent-test', 15000)
  conn = agent.conn
  info = agent.info
  expect(validHello(agent.hello), `${JSON.stringify(agent.hello)}\n${JSON.stringify(validHello.errors)}`).toBe(true)
}, 120_000)

afterAll(async () => {
  await conn?.close(2000)
})

describe('hello', () => {
  it('describes the agent, this kernel and every op of the spec', () => {
    expect(info.name).toBe('watchq-agent')
    expect(info.kernel).toBe(release())
    expect(info.arch).toBe(hostAgentArch())
    expect(info.endian).toBe(hostAgentArch() === 's390x' ? 'big' : 'little')
    expect(info.revision).toBe('mainline')
    expect(info.pageSize).toBeGreaterThanOrEqual(4096)
    expect([...info.ops].sort()).toEqual([...OP_NAMES].sort())
    // The hidden test ops are never announced.
    expect(info.ops.some((o) => o.startsWith('__'))).toBe(false)
  })

  it('probes features: this host has no watch_queue, so no notification-pipe and no key-notifications', async () => {
    const [plain, notif] = await observe([pipe, { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE'] }])
    expect(plain!.ret).toBe(0)
    const hasQueue = notif!.ret === 0
    expect(has('notification-pipe')).toBe(hasQueue)
    if (!hasQueue) {
      expect(notif).toEqual({ errno: 'ENOPKG' })
      expect(has('key-notifications')).toBe(false)
      expect(has('key-gc')).toBe(false)
    }
    expect(has('root')).toBe(process.geteuid?.() === 0)
  })

  it('says how each feature was probed, or why it is absent', () => {
    const probes = info.probes ?? {}
    expect(Object.keys(probes).sort()).toEqual([
      'compat-32',
      'exec',
      'key-gc',
      'key-notifications',
      'notification-pipe',
      'root',
      'unprivileged-user',
    ])
    expect(probes['notification-pipe']).toBe(
      has('notification-pipe') ? 'pipe2(O_NOTIFICATION_PIPE) succeeded' : 'pipe2(O_NOTIFICATION_PIPE) failed: ENOPKG',
    )
    expect(probes['root']).toBe(`geteuid() = ${process.geteuid?.()}`)
    expect(probes['key-notifications']).toMatch(/^(KEYCTL_CAPABILITIES|keyctl\()/)
    // The host agent is 64-bit: never a compat task.
    expect(probes['compat-32']).toMatch(/^a 64-bit agent; uname -m says \w+$/)
    expect(has('compat-32')).toBe(false)
  })
})

describe('pipes and io', () => {
  it('pipe2 binds [read end, write end]; fds start at 3 in a fresh case process', async () => {
    const [p, w, r] = await observe([
      pipe,
      { op: 'write', fd: '$w', bytes: '01 02 0a ff' },
      { op: 'read', fd: '$r', len: 100 },
    ])
    expect(p).toEqual({ ret: 0, fds: [3, 4] })
    expect(w).toEqual({ ret: 4 })
    expect(r).toEqual({ ret: 4, bytes: '01020aff' })
  })

  it('write of len zero bytes, FIONREAD, poll and an empty non-blocking read', async () => {
    const obs = await observe([
      nbPipe,
      { op: 'read', fd: '$r', len: 16 },
      { op: 'poll', fd: '$r', events: ['POLLIN'], timeoutMs: 0 },
      { op: 'write', fd: '$w', len: 5 },
      { op: 'fionread', fd: '$r' },
      { op: 'poll', fd: '$r', events: ['POLLIN', 'POLLOUT'], timeoutMs: 100 },
      { op: 'poll', fd: '$w', events: ['POLLOUT'], timeoutMs: 0 },
      { op: 'read', fd: '$r', len: 0 },
      { op: 'read', fd: '$r', len: 3, flags: ['RWF_NOWAIT'] },
      { op: 'close', fd: '$w' },
      { op: 'read', fd: '$r', len: 16 },
      { op: 'read', fd: '$r', len: 16 },
      { op: 'poll', fd: '$r', events: ['POLLIN'], timeoutMs: 0 },
    ])
    expect(obs[1]).toEqual({ errno: 'EAGAIN' })
    expect(obs[2]).toMatchObject({ ret: 0, revents: [] })
    expect(obs[3]).toEqual({ ret: 5 })
    expect(obs[4]).toEqual({ ret: 0, value: 5 })
    expect(obs[5]).toMatchObject({ ret: 1, revents: ['POLLIN'] })
    expect(obs[5]!.elapsedMs).toBeGreaterThanOrEqual(0)
    expect(obs[6]).toMatchObject({ ret: 1, revents: ['POLLOUT'] })
    expect(obs[7]).toEqual({ ret: 0, bytes: '' })
    // preadv2(RWF_NOWAIT) on a pipe: data where the kernel supports it (6.12), else EOPNOTSUPP.
    expect([{ ret: 3, bytes: '000000' }, { errno: 'EOPNOTSUPP' }]).toContainEqual(obs[8])
    expect(obs[9]).toEqual({ ret: 0 })
    expect(obs[10]).toEqual(obs[8]!.ret === 3 ? { ret: 2, bytes: '0000' } : { ret: 5, bytes: '0000000000' })
    expect(obs[11]).toEqual({ ret: 0, bytes: '' })
    expect(obs[12]).toMatchObject({ ret: 1, revents: ['POLLHUP'] })
  })

  it('writev, vmsplice, tee, splice, sendfile and open_file', async () => {
    const obs = await observe([
      nbPipe,
      { op: 'pipe2', flags: ['O_NONBLOCK'], bind: ['$r2', '$w2'] },
      { op: 'writev', fd: '$w', iov: [1, 2, 3] },
      { op: 'writev', fd: '$w', iov: [] },
      { op: 'vmsplice', fd: '$w', iov: [2] },
      { op: 'tee', in: '$r', out: '$w2', len: 100 },
      { op: 'splice', in: '$r', out: '$w2', len: 3, flags: ['SPLICE_F_NONBLOCK'] },
      { op: 'fionread', fd: '$r2' },
      { op: 'open_file', content: 'hello', bind: '$f' },
      { op: 'sendfile', out: '$w', in: '$f', count: 100 },
      { op: 'read', fd: '$r', len: 100 },
      { op: 'write', fd: '$f', bytes: hex('!') },
      { op: 'dup', fd: '$f', bind: '$g' },
      { op: 'close', fd: '$g' },
      { op: 'close', fd: '$g' },
      { op: 'close', fd: -1 },
    ])
    expect(obs.slice(2, 8)).toEqual([{ ret: 6 }, { ret: 0 }, { ret: 2 }, { ret: 8 }, { ret: 3 }, { ret: 0, value: 11 }])
    expect(obs[8]!.ret).toBeGreaterThanOrEqual(3)
    expect(obs[9]).toEqual({ ret: 5 })
    // 5 zero bytes left after the splice of 3, then the file's content.
    expect(obs[10]).toEqual({ ret: 10, bytes: `0000000000${hex('hello')}` })
    expect(obs[11]).toEqual({ ret: 1 })
    expect(obs[13]).toEqual({ ret: 0 })
    expect(obs[14]).toEqual({ errno: 'EBADF' })
    expect(obs[15]).toEqual({ errno: 'EBADF' })
  })

  it('fcntl F_GETPIPE_SZ / F_SETPIPE_SZ; set_size and set_filter on an ordinary pipe', async () => {
    const obs = await observe([
      pipe,
      { op: 'fcntl', fd: '$r', cmd: 'F_GETPIPE_SZ', bind: '$sz' },
      { op: 'fcntl', fd: '$w', cmd: 'F_SETPIPE_SZ', arg: 8192 },
      { op: 'fcntl', fd: '$r', cmd: 'F_GETPIPE_SZ' },
      { op: 'set_size', fd: '$r', notes: 2 ** 32 + 1 },
      { op: 'set_filter', fd: '$r', filter: null },
      { op: 'set_filter', fd: '$r', filter: 'bad-pointer' },
      { op: 'set_filter', fd: '$r', filter: { filters: [{ type: 1 }] } },
      { op: 'set_filter', fd: '$r', filter: { bytes: '' } },
      { op: 'open_file', bind: '$f' },
      { op: 'set_size', fd: '$f', notes: 1 },
    ])
    expect(obs[1]).toEqual({ ret: 16 * info.pageSize })
    expect(obs[2]).toEqual({ ret: 8192 })
    expect(obs[3]).toEqual({ ret: 8192 })
    // With watch_queue an ordinary pipe gives ENODEV; without it the ioctls are unknown: ENOTTY.
    const expected = has('notification-pipe') ? 'ENODEV' : 'ENOTTY'
    for (const o of obs.slice(4, 9)) expect(o).toEqual({ errno: expected })
    expect(obs[10]).toEqual({ errno: 'ENOTTY' })
  })

  it('setrlimit(RLIMIT_NOFILE) lasts for the case only; sleep reports its time', async () => {
    const obs = await observe([
      { op: 'setrlimit', resource: 'RLIMIT_NOFILE', soft: 0 },
      { op: 'pipe2', flags: [] },
      { op: 'open_file' },
      { op: 'sleep', ms: 20 },
    ])
    expect(obs.slice(0, 3)).toEqual([{ ret: 0 }, { errno: 'EMFILE' }, { errno: 'EMFILE' }])
    expect(obs[3]!.ret).toBe(0)
    expect(obs[3]!.elapsedMs).toBeGreaterThanOrEqual(19)
    expect((await observe([pipe]))[0]).toEqual({ ret: 0, fds: [3, 4] })
  })
})

describe('keys', () => {
  it('add_key into @s binds a serial; keyctl ops return 0 and errors come back by name', async () => {
    const obs = await observe([
      { op: 'add_key', type: 'user', description: 'watchq:agent-test:k', payload: 'one', keyring: '@s', bind: '$k' },
      {
        op: 'add_key',
        type: 'keyring',
        description: 'watchq:agent-test:ring',
        payload: null,
        keyring: '@s',
        bind: '$ring',
      },
      { op: 'update', key: '$k', payload: 'two' },
      { op: 'setperm', key: '$k', perm: 0x3f3f0000 },
      { op: 'chown', key: '$k', uid: -1, gid: -1 },
      { op: 'set_timeout', key: '$k', seconds: 100 },
      { op: 'link', key: '$k', keyring: '$ring' },
      { op: 'unlink', key: '$k', keyring: '$ring' },
      { op: 'unlink', key: '$k', keyring: '$ring' },
      { op: 'move', key: '$k', from: '@s', to: '$ring' },
      { op: 'link', key: '$k', keyring: '@s' },
      { op: 'clear', keyring: '$ring' },
      { op: 'restrict_keyring', keyring: '$ring', type: null, restriction: null },
      { op: 'restrict_keyring', keyring: '$ring' },
      { op: 'revoke', key: '$k' },
      { op: 'revoke', key: '$k' },
      { op: 'update', key: '$k', payload: 'three' },
      { op: 'invalidate', key: '$ring' },
      { op: 'keyring_id', keyring: '@s', bind: '$s' },
      { op: 'reject', key: '$s', timeout: 1, error: 'EKEYREJECTED' },
      { op: 'negate', key: '$s', timeout: 1 },
      { op: 'watch', key: '@s', fd: -1, id: 1 },
      { op: 'unwatch', key: '@s', fd: -1 },
    ])
    expect(obs[0]!.ret).toBeGreaterThan(0)
    expect(obs[1]!.ret).toBeGreaterThan(0)
    expect(obs.slice(2, 8)).toEqual(Array(6).fill({ ret: 0 }))
    expect(obs[8]).toEqual({ errno: 'ENOENT' })
    expect(obs.slice(9, 13)).toEqual([{ ret: 0 }, { ret: 0 }, { ret: 0 }, { ret: 0 }])
    expect(obs[13]).toEqual({ errno: 'EEXIST' })
    expect(obs.slice(14, 17)).toEqual([{ ret: 0 }, { errno: 'EKEYREVOKED' }, { errno: 'EKEYREVOKED' }])
    expect(obs[17]).toEqual({ ret: 0 })
    expect(obs[18]!.ret).toBeGreaterThan(0)
    // No construction authority here.
    expect(obs[19]).toEqual({ errno: 'EPERM' })
    expect(obs[20]).toEqual({ errno: 'EPERM' })
    // Without watch_queue KEYCTL_WATCH_KEY is EOPNOTSUPP; with it, fd -1 is EBADF.
    const watch = has('key-notifications') ? 'EBADF' : 'EOPNOTSUPP'
    expect(obs.slice(21)).toEqual([{ errno: watch }, { errno: watch }])
  })

  it('refuses the user keyrings on a host (skipped), and stops there', async () => {
    for (const keyring of ['@u', '@us', '@g']) {
      const obs = await observe([
        { op: 'keyring_id', keyring: '@s' },
        { op: 'add_key', type: 'user', description: 'watchq:agent-test:u', payload: 'x', keyring },
        { op: 'keyring_id', keyring: '@s' },
      ])
      expect(obs).toHaveLength(2)
      expect(obs[1]).toEqual({
        skipped: "the agent does not touch the user's own keyrings on a host; run it in a VM (--impl vm:…)",
      })
    }
    const [w] = await observe([{ op: 'watch', key: '@u', fd: 0, id: 1 }])
    expect(w!.skipped).toMatch(/user's own keyrings/)
  })

  it('lets a case use @p and @t: fork gives the case process fresh ones', async () => {
    const steps: Step[] = [
      { op: 'keyring_id', keyring: '@p', create: true },
      { op: 'keyring_id', keyring: '@t', create: true },
      { op: 'add_key', type: 'user', description: 'watchq:agent-test:p', payload: 'x', keyring: '@p' },
    ]
    const first = await observe(steps)
    const second = await observe(steps)
    for (const o of [...first, ...second]) expect(o.ret).toBeGreaterThan(0)
    expect(second[0]!.ret).not.toBe(first[0]!.ret)
    expect(second[1]!.ret).not.toBe(first[1]!.ret)
  })

  it('refuses a literal serial of a key the case did not make, unless no such key exists', async () => {
    // A key made in one case is revoked at its end; in the next case it is not the case's own.
    const [k] = await observe([
      { op: 'add_key', type: 'user', description: 'watchq:agent-test:other', payload: 'x', keyring: '@s' },
    ])
    const [upd] = await observe([{ op: 'update', key: k!.ret, payload: 'y' }])
    // Revoked keys linger until the garbage collector takes them; either way it is not touched.
    expect(upd!.skipped ?? upd!.errno).toMatch(/^(key \d+ was not made by this case; .*|ENOKEY)$/)
    // Serials that name no key reach the kernel.
    const [none] = await observe([{ op: 'update', key: 0x7ffffff0, payload: 'y' }])
    expect(none).toEqual({ errno: 'ENOKEY' })
  })

  it('gives each case a fresh session keyring, and revokes what a case created', async () => {
    const desc = 'watchq:agent-test:fresh'
    const first = await observe([
      { op: 'keyring_id', keyring: '@s' },
      { op: 'add_key', type: 'user', description: desc, payload: 'a', keyring: '@s' },
      { op: 'add_key', type: 'user', description: desc, payload: 'b', keyring: '@s' },
    ])
    // Within a case, the same description in the same keyring is the same key.
    expect(first[2]!.ret).toBe(first[1]!.ret)
    const second = await observe([
      { op: 'keyring_id', keyring: '@s' },
      { op: 'add_key', type: 'user', description: desc, payload: 'c', keyring: '@s' },
      { op: '__describe', key: first[1]!.ret },
      { op: '__describe', key: first[0]!.ret },
    ])
    expect(second[0]!.ret).toBeGreaterThan(0)
    expect(second[0]!.ret).not.toBe(first[0]!.ret)
    // A shared session would have returned the existing key.
    expect(second[1]!.ret).not.toBe(first[1]!.ret)
    // The first case's key was revoked when it ended (or is already collected).
    expect(['EKEYREVOKED', 'ENOKEY']).toContain(second[2]!.errno)
    // Its session keyring died with it (or is being collected: cleared and unreachable).
    expect(second[3]!.ret === undefined || second[3]!.ret > 0).toBe(true)
  })
})

describe('handles, unknown ops and failures', () => {
  it('a handle never bound is an error, and the case stops there', async () => {
    const obs = await observe([pipe, { op: 'close', fd: '$nope' }, { op: 'close', fd: '$r' }])
    expect(obs).toHaveLength(2)
    expect(obs[1]!.error).toMatch(/\$nope is not bound/)
  })

  it('a failed step binds nothing', async () => {
    const obs = await observe([
      { op: 'dup', fd: 1000000, bind: '$d' },
      { op: 'close', fd: '$d' },
    ])
    expect(obs[0]).toEqual({ errno: 'EBADF' })
    expect(obs[1]!.error).toMatch(/\$d is not bound/)
  })

  it('an unknown op is skipped, and the case stops there', async () => {
    const obs = await observe([pipe, { op: 'frobnicate' }, pipe])
    expect(obs).toEqual([{ ret: 0, fds: [3, 4] }, { skipped: 'unknown op "frobnicate"' }])
  })

  it('bad arguments are errors of the agent, not observations', async () => {
    const obs = await observe([{ op: 'read', fd: 0, len: 'many' }])
    expect(obs[0]!.error).toMatch(/step 0 \(read\): argument len/)
    const [b] = await observe([{ op: 'close', fd: 3, bind: '$x' }])
    expect(b!.error).toMatch(/binds nothing/)
  })

  it('a case process that dies is an error answer, and the agent keeps serving', async () => {
    const crashed = await run([pipe, { op: '__crash' }])
    expect(crashed).toEqual({
      seq: crashed.seq,
      error: { message: 'case process killed by signal 11 (SIGSEGV)' },
    })
    const exited = await run([{ op: '__exit', status: 3 }])
    expect(exited).toEqual({
      seq: crashed.seq + 1,
      error: { message: 'case process exited with status 3 without an answer' },
    })
    expect(await observe([pipe])).toEqual([{ ret: 0, fds: [3, 4] }])
  })

  it('a crashing case still revokes the keys it created', async () => {
    const desc = `watchq:agent-test:crash-${process.pid}-${Date.now()}`
    const answer = await run([
      { op: 'add_key', type: 'user', description: desc, payload: 'x', keyring: '@s' },
      { op: '__crash' },
    ])
    expect(answer).toMatchObject({ error: { message: 'case process killed by signal 11 (SIGSEGV)' } })
    // /proc/keys: the key is revoked (flags "IR…"), or already collected with its session.
    if (!existsSync('/proc/keys')) return
    const lines = readFileSync('/proc/keys', 'utf8')
      .split('\n')
      .filter((l) => l.includes(` ${desc}:`))
    for (const l of lines) expect(l.split(/\s+/)[1]).toMatch(/^.R/)
  })
})
