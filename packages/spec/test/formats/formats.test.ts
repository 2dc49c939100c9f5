// Our own formats as schemas: each compiles under strict Ajv, accepts the shapes the docs show and
// rejects the mistakes a case author makes.
import { describe, expect, it } from 'vitest'
import {
  Case,
  createAjv,
  FORMAT_SCHEMAS,
  formatSchemaFiles,
  HelloResponse,
  OPS,
  RunResponse,
  WireStep,
} from '../../src/index.js'

const ajv = createAjv()

const example = {
  description: 'KEYCTL_UPDATE on a watched key posts one UPDATED record',
  requires: { revision: ['mainline'], features: ['key-notifications'] },
  steps: [
    { op: 'pipe2', flags: ['O_NOTIFICATION_PIPE'], bind: ['$r', '$w'] },
    { op: 'set_size', fd: '$r', notes: 256, expect: { ret: 0 } },
    { op: 'add_key', type: 'user', description: 'k', payload: 'a', keyring: '@s', bind: '$k' },
    { op: 'watch', key: '$k', fd: '$r', id: 1, expect: { ret: 0 } },
    { op: 'update', key: '$k', payload: 'b', expect: { ret: 0 } },
    {
      op: 'read',
      fd: '$r',
      len: 4096,
      expect: { records: [{ kind: 'key', event: 'updated', watchId: 1, keyId: '$k', aux: 0 }] },
    },
  ],
}

describe('format schemas', () => {
  it('every op has a case schema and a wire schema that compile in strict mode', () => {
    expect(OPS.size).toBeGreaterThanOrEqual(35)
    for (const [name, info] of OPS) {
      expect(info.op).toBe(name)
      expect(() => ajv.compile(info.schema)).not.toThrow()
      expect(() => ajv.compile(info.wire)).not.toThrow()
    }
  })

  it('accepts the case of the design notes', () => {
    const v = ajv.compile(Case)
    expect(v(example), JSON.stringify(v.errors)).toBe(true)
  })

  it.each([
    ['an unknown op', { op: 'pipe3', flags: [] }],
    ['bind on an op that returns nothing', { op: 'close', fd: 3, bind: '$x' }],
    ['a handle without $', { op: 'close', fd: 'r' }],
    ['an unknown argument', { op: 'close', fd: 3, flags: 1 }],
    ['an errno that is not a name', { op: 'close', fd: 3, expect: { errno: 'einval' } }],
    ['a single alternative', { op: 'close', fd: 3, expect: { anyOf: [{ ret: 0 }] } }],
    ['an unknown record field', { op: 'read', fd: 3, len: 8, expect: { records: [{ kind: 'key', serial: 1 }] } }],
    ['bad hex', { op: 'write', fd: 3, bytes: 'abc' }],
    ['an unknown poll event', { op: 'poll', fd: 3, events: ['POLLFOO'], timeoutMs: 1 }],
  ])('rejects %s', (_what, step) => {
    const v = ajv.compile(Case)
    expect(v({ description: 'x', steps: [step] })).toBe(false)
  })

  it('wire steps cannot carry expectations', () => {
    const v = ajv.compile(WireStep)
    expect(v({ op: 'close', fd: 3 })).toBe(true)
    expect(v({ op: 'close', fd: 3, expect: { ret: 0 } })).toBe(false)
  })

  it('protocol answers: hello, observations, skipped, error — and nothing in between', () => {
    const hello = ajv.compile(HelloResponse)
    const info = { name: 'sim', version: '1', arch: 'x86_64', endian: 'little', pageSize: 4096, ops: ['pipe2'] }
    expect(hello({ protocol: 1, implementation: info })).toBe(true)
    expect(hello({ protocol: 2, implementation: info })).toBe(false)
    expect(hello({ protocol: 1, implementation: { ...info, ops: ['pipe3'] } })).toBe(false)
    const run = ajv.compile(RunResponse)
    expect(
      run({ seq: 1, observations: [{ ret: 0, fds: [3, 4] }, { errno: 'EINVAL' }, { ret: 16, bytes: '00' }] }),
    ).toBe(true)
    expect(run({ seq: 1, skipped: 'no keys' })).toBe(true)
    expect(run({ seq: 1, error: { message: 'boom' } })).toBe(true)
    expect(run({ seq: 1, observations: [], skipped: 'x' })).toBe(false)
    expect(run({ observations: [] })).toBe(false)
  })

  it('are published as JSON Schema files with ids, which compile on their own', () => {
    const files = formatSchemaFiles()
    expect(files.map((f) => f.path)).toEqual(Object.keys(FORMAT_SCHEMAS).map((n) => `formats/${n}.json`))
    for (const f of files) {
      const json = f.json as { $id: string }
      expect(json.$id).toMatch(/^urn:watchq:spec:format:/)
      const fresh = createAjv()
      expect(() => fresh.compile(json)).not.toThrow()
    }
    const caseFile = files.find((f) => f.path === 'formats/case.json')!.json
    expect(createAjv().compile(caseFile as object)(example)).toBe(true)
  }, 30_000) // compiles every format schema afresh: seconds on a loaded 2-core machine
})
