// `watchq capture`: captures with provenance and a manifest whose sha256 sums hold, which replay
// as cases against the same implementation and pass.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CaptureManifest, createAjv } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { fakeImpl, SUITE } from '../support/fake.js'
import { hexOf, key } from '../support/records.js'
import { run } from '../support/run.js'

const dir = mkdtempSync(join(tmpdir(), 'watchq-capture-'))
const impl = fakeImpl(dir, {
  implementation: {
    name: 'fake',
    version: '2',
    kernel: '6.12.117',
    arch: 'x86_64',
    endian: 'little',
    pageSize: 4096,
    ops: ['close', 'pipe2', 'add_key', 'watch', 'read'],
  },
  cases: {
    records: {
      do: 'answer',
      observations: [
        { ret: 0, fds: [3, 4] },
        { ret: 5555 },
        { ret: 0 },
        { ret: 16, bytes: hexOf([key('updated', 5555, 0, 7)]) },
      ],
    },
  },
})

describe('watchq capture', () => {
  it('writes captures, the report and a manifest that holds', async () => {
    const out = join(dir, 'out')
    const r = await run([
      'capture',
      join(SUITE, 'ok.json'),
      join(SUITE, 'wrong.json'),
      join(SUITE, 'records.json'),
      '--impl',
      impl,
      '--out',
      out,
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain(`captured 3 case(s) into ${out} (manifest.json)`)
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    const ajv = createAjv()
    expect(ajv.validate(CaptureManifest, manifest), JSON.stringify(ajv.errors)).toBe(true)
    expect(Object.keys(manifest.files)).toEqual(['ok.jsonl', 'records.jsonl', 'wrong.jsonl'])
    expect(manifest.files['wrong.jsonl'].status).toBe('fail')
    for (const [f, { sha256 }] of Object.entries(manifest.files as Record<string, { sha256: string }>)) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, f)))
          .digest('hex'),
      ).toBe(sha256)
    }
    const header = JSON.parse(readFileSync(join(out, 'records.jsonl'), 'utf8').split('\n')[0]!)
    expect(header.provenance).toEqual({
      impl,
      caseSha256: createHash('sha256')
        .update(readFileSync(join(SUITE, 'records.json')))
        .digest('hex'),
    })
    expect(readFileSync(join(out, 'report.jsonl'), 'utf8')).toContain('"footer":true')

    // Replayed, the captures are cases: the same implementation passes all three (even the case
    // that failed against its hand-written expectation: the capture holds what it did).
    const again = await run(['run', out, '--impl', impl, '--report', join(dir, 'replay.jsonl')])
    expect(again.out).toContain('3 passed, 0 failed')
    expect(again.code).toBe(0)
  })

  it('leaves out a case that admits several outcomes, and says why', async () => {
    // The fake answers `close` with 0 (as for ok.json); the case would accept EBADF as well.
    const cases = join(dir, 'open-cases')
    mkdirSync(cases, { recursive: true })
    const open = {
      description: 'ok',
      steps: [{ op: 'close', fd: 3, expect: { anyOf: [{ ret: 0 }, { errno: 'EBADF' }] } }],
    }
    writeFileSync(join(cases, 'ok.json'), JSON.stringify(open))
    const out = join(dir, 'open-out')
    const r = await run(['capture', cases, '--impl', impl, '--out', out])
    expect(r.code).toBe(0)
    expect(r.err).toContain('not captured: ok: step 1 admits several outcomes (anyOf)')
    expect(r.out).toContain(`captured 0 case(s) into ${out}`)
    expect(existsSync(join(out, 'ok.jsonl'))).toBe(false)
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files).toEqual({})
  })

  it('needs --out', async () => {
    const r = await run(['capture', '--impl', impl])
    expect(r.code).toBe(2)
    expect(r.err).toContain('--out <dir> is required')
  })
})
