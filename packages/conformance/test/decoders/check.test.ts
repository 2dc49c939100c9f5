// check-decoder's engine: the TypeScript decoder passes, wrong decoders are caught and named, and a
// decoder process that breaks the protocol is reported with what it wrote.
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { checkDecoders, difference } from '../../src/decoders/check.js'
import type { DecoderEndpoint } from '../../src/decoders/endpoint.js'
import { processDecoder } from '../../src/decoders/process-decoder.js'
import { tsDecodeAnswer, tsDecoder } from '../../src/decoders/ts-decoder.js'

const FAKE = fileURLToPath(new URL('./fake-decoder.mjs', import.meta.url))
const SEED = Number(process.env.WATCHQ_SEED ?? 77)
const open: DecoderEndpoint[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()))
})

describe(`checkDecoders (seed ${SEED})`, () => {
  it('the TypeScript decoder answers every generated stream as expected', async () => {
    const r = await checkDecoders({ decoders: [tsDecoder()], seed: SEED, streams: 1500 })
    expect(r.mismatches).toEqual([])
    expect(r.passed.ts).toBe(1500)
    expect(r.records).toBeGreaterThan(5000)
  })

  it('catches a decoder that reads the wrong byte order, naming the stream and the field', async () => {
    const swapped: DecoderEndpoint = {
      ...tsDecoder(),
      spec: 'swapped',
      decode: async (q) => tsDecodeAnswer({ ...q, endian: q.endian === 'little' ? 'big' : 'little' }),
    }
    const r = await checkDecoders({ decoders: [tsDecoder(), swapped], seed: SEED, streams: 200 })
    expect(r.passed.ts).toBe(200)
    expect(r.mismatches).toHaveLength(1) // first only
    expect(r.mismatches[0]!.decoder).toBe('swapped')
    expect(r.mismatches[0]!.why).toMatch(/expected|record \d+/)
  })

  it('difference() names the first differing fields', () => {
    const rec = { offset: 0, length: 16, kind: 'key', type: 1, subtype: 2, watchId: 3, typeInfo: 0, info: 784 }
    expect(difference({ records: [{ ...rec, keyId: 5 }] }, { seq: 0, records: [{ ...rec, keyId: 6 }] })).toBe(
      'record 0 (offset 0): keyId: expected 5, got 6',
    )
    expect(
      difference({ error: { code: 'truncated', offset: 8 } }, { seq: 0, error: { code: 'truncated', offset: 8 } }),
    ).toBeNull()
    expect(difference({ error: { code: 'truncated', offset: 8 } }, { seq: 0, records: [] })).toBe(
      'expected error truncated at 8, got 0 records',
    )
  })
})

describe('a decoder in another process', () => {
  it('is held to the expected records', async () => {
    const d = await processDecoder(`node ${FAKE} empty`)
    open.push(d)
    expect(d.name).toBe('fake-decoder empty')
    const r = await checkDecoders({ decoders: [d], seed: SEED, streams: 50, revisions: ['mainline'] })
    expect(r.mismatches.length).toBe(1)
    expect(r.mismatches[0]!.why).toMatch(/expected \d+ records, got 0|expected error/)
  })

  it.each([
    ['garbage', /answered decode #0 with a line that is not JSON: this is not json/],
    ['wrongseq', /answered decode #0 with seq 1/],
  ])('%s: the protocol break is named', async (mode, message) => {
    const d = await processDecoder(`node ${FAKE} ${mode}`)
    open.push(d)
    await expect(checkDecoders({ decoders: [d], seed: SEED, streams: 3 })).rejects.toThrow(message)
  })

  it('a bad hello or an early exit fails at connect, with its stderr', async () => {
    await expect(processDecoder(`node ${FAKE} badhello`)).rejects.toThrow(/answered hello out of protocol.*name/)
    await expect(processDecoder(`node ${FAKE} die`)).rejects.toThrow(/fake decoder: giving up/)
  })
})
