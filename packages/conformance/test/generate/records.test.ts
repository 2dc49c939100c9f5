// The record-stream generator: deterministic per seed, covers every revision, kind and corruption,
// and states exactly what @watchq/decoder reports (the generator itself never uses the decoder).
import { DecodeError, decode, REVISION_IDS, recordToJson, revision } from '@watchq/decoder'
import { describe, expect, it } from 'vitest'
import { generateRecords, generateStreams } from '../../src/generate/records.js'

const SEED = Number(process.env.WATCHQ_SEED ?? 0x5eed)

describe(`generated streams (seed ${SEED}; WATCHQ_SEED=${SEED} to reproduce)`, () => {
  const streams = generateStreams(SEED, 4000)

  it('is the same for the same seed and different for another', () => {
    const again = generateStreams(SEED, 50)
    expect(again.map((s) => s.bytes)).toEqual(streams.slice(0, 50).map((s) => s.bytes))
    const other = generateStreams(SEED + 1, 50)
    expect(other.map((s) => Buffer.from(s.bytes).toString('hex'))).not.toEqual(
      streams.slice(0, 50).map((s) => Buffer.from(s.bytes).toString('hex')),
    )
  })

  it('covers every revision, both byte orders, every kind of each revision, and every corruption', () => {
    expect(new Set(streams.map((s) => s.revision))).toEqual(new Set(REVISION_IDS))
    expect(new Set(streams.map((s) => s.endian))).toEqual(new Set(['little', 'big']))
    const seen = new Set<string>()
    for (const s of streams) {
      if ('error' in s.expected) seen.add(`error:${s.expected.error.code}`)
      else
        for (const r of s.expected.records)
          seen.add(r.kind === 'unknown' ? `unknown:${r.reason}` : `${s.revision}:${r.kind}`)
    }
    for (const e of [
      'error:short-header',
      'error:truncated',
      'error:length-too-small',
      'unknown:unknown-type',
      'unknown:record-too-short',
    ])
      expect(seen, e).toContain(e)
    for (const id of REVISION_IDS)
      for (const rule of revision(id).rules)
        expect(seen, `${id}: a ${rule.kind} record`).toContain(`${id}:${rule.kind}`)
  })

  it('says exactly what decode() reports, stream by stream', () => {
    for (const [i, s] of streams.entries()) {
      const where = `stream ${i} (${s.shape})`
      let got: unknown
      try {
        got = { records: decode(s.bytes, { revision: s.revision, endian: s.endian }).map(recordToJson) }
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e
        got = { error: { code: e.code, offset: e.offset } }
      }
      expect(got, where).toEqual(s.expected)
    }
  })

  it('generateRecords gives exactly N valid records', () => {
    for (const id of REVISION_IDS) {
      const s = generateRecords(SEED, 37, id, 'big')
      expect('records' in s.expected && s.expected.records.length, id).toBe(37)
      expect(decode(s.bytes, { revision: id, endian: 'big' })).toHaveLength(37)
    }
    expect(generateRecords(SEED, 0, 'mainline', 'little').bytes).toHaveLength(0)
  })

  it('names the known revisions for an unknown one', () => {
    expect(() => generateStreams(1, 1, { revisions: ['nope'] })).toThrow(/unknown revision "nope"; known: .*mainline/)
  })
})
