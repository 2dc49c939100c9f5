// Golden streams: for every revision and both byte orders, one record of every rule and subtype,
// built from the spec by an independent oracle; the decoder must return what the oracle expects,
// and its JSON output must equal the committed golden file (UPDATE_GOLDEN=1 rewrites them).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REVISIONS } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { decode, encode, jsonLine } from '../src/index.js'
import { oracleStream } from './support/oracle.js'

const DIR = join(import.meta.dirname, 'golden')
const cases = REVISIONS.filter((r) => r.transport !== 'fanotify').flatMap((r) =>
  (['little', 'big'] as const).map((e) => [`${r.id} ${e}`, r, e] as const),
)

describe.each(cases)('%s', (_name, rev, endian) => {
  const { bytes, expected } = oracleStream(rev, endian)

  it('decodes the oracle stream of every record rule', () => {
    expect(expected.length).toBeGreaterThanOrEqual(rev.records.length)
    expect(decode(bytes, { revision: rev.id, endian, strict: true })).toEqual(expected)
  })

  it('encodes the decoded records back to the same bytes', () => {
    const records = decode(bytes, { revision: rev.id, endian })
    expect(Buffer.from(encode(records, { revision: rev.id, endian })).toString('hex')).toBe(
      Buffer.from(bytes).toString('hex'),
    )
  })

  it('matches the committed golden file', () => {
    const file = join(DIR, `${rev.id}.${endian}.jsonl`)
    const text = `${Buffer.from(bytes).toString('hex')}\n${decode(bytes, { revision: rev.id, endian }).map(jsonLine).join('\n')}\n`
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, text)
    expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 to write it`).toBe(true)
    expect(text).toBe(readFileSync(file, 'utf8'))
  })
})
