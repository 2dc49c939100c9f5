// The three output formats: JSON lines, keyutils' `keyctl watch` lines and the kernel sample's.
import { describe, expect, it } from 'vitest'
import { decode, encode, jsonLine, keyutilsLine, sampleLines, sampleReadLines, tableLine } from '../src/index.js'

const opts = { endian: 'little' as const }
const recs = decode(
  encode(
    [
      { kind: 'key', event: 'linked', watchId: 2, keyId: 340681059, aux: 255913279 },
      { kind: 'key', event: 'cleared', watchId: 1, keyId: 255913279, aux: 0 },
      { kind: 'key', event: 'instantiated', watchId: 1, keyId: 7, aux: 0xffffff82 },
      { kind: 'removal', watchId: 1, id: 255913279n },
      { kind: 'removal', watchId: 3 },
      { kind: 'loss' },
    ],
    opts,
  ),
  opts,
)

describe('keyutilsLine', () => {
  it('prints what keyctl watch prints, ids unsigned', () => {
    expect(recs.map(keyutilsLine)).toEqual([
      '340681059 link 255913279',
      '255913279 clr',
      '7 inst',
      '255913279 gc',
      '0 gc',
      '-- LOSS --',
    ])
  })
})

describe('sampleLines', () => {
  it('prints the NOTIFY header line and the watch_test.c description', () => {
    expect(sampleLines(recs[0]!)).toEqual([
      'NOTIFY[000]: ty=000001 sy=02 i=00000210',
      'KEY 144e6163 change=2[linked] aux=255913279',
    ])
    expect(sampleLines(recs[2]!)[1]).toBe('KEY 00000007 change=0[instantiated] aux=4294967170')
    expect(sampleLines(recs[3]!)).toEqual(['NOTIFY[030]: ty=000000 sy=00 i=00000110', 'REMOVAL of watchpoint 00000001'])
    expect(sampleLines(recs[5]!)[1]).toBe('-- LOSS --')
  })

  it('prints only the NOTIFY line of a key record of the wrong length (the sample complains on stderr)', () => {
    const long = new Uint8Array(24)
    long.set(encode([{ kind: 'key', event: 'updated', watchId: 1, keyId: 9, aux: 0 }], opts))
    long[4] = 24 // info: length 24, watch id 1
    expect(decode(long, opts).flatMap(sampleLines)).toEqual(['NOTIFY[000]: ty=000001 sy=01 i=00000118'])
    // 8 bytes: too short for the decoder's key record, still type 1 to the sample.
    const short = encode([{ kind: 'key', event: 'updated', watchId: 1, keyId: 9, aux: 0 }], opts).slice(0, 8)
    short[4] = 8
    expect(decode(short, opts).flatMap(sampleLines)).toEqual(['NOTIFY[000]: ty=000001 sy=01 i=00000108'])
    // Another type: "other type", as before.
    const other = short.slice()
    other[0] = 9
    expect(decode(other, opts).flatMap(sampleLines)).toEqual(['NOTIFY[000]: ty=000009 sy=01 i=00000108', 'other type'])
  })

  it('prints a read() as the sample does: its size, then offsets within that buffer', () => {
    const bytes = encode(
      [
        { kind: 'key', event: 'setattr', watchId: 2, keyId: 0x1234, aux: 0 },
        { kind: 'key', event: 'revoked', watchId: 1, keyId: 0xabcdef, aux: 0 },
      ],
      { endian: 'big' },
    )
    expect(sampleReadLines(bytes.subarray(16), { endian: 'big' })).toEqual([
      'read() = 16',
      'NOTIFY[000]: ty=000001 sy=05 i=00000110',
      'KEY 00abcdef change=5[revoked] aux=0',
    ])
    expect(sampleReadLines(bytes, { endian: 'big' })).toEqual([
      'read() = 32',
      'NOTIFY[000]: ty=000001 sy=07 i=00000210',
      'KEY 00001234 change=7[setattr] aux=0',
      'NOTIFY[010]: ty=000001 sy=05 i=00000110',
      'KEY 00abcdef change=5[revoked] aux=0',
    ])
  })
})

describe('jsonLine', () => {
  it('puts the header fields first, u64 as a decimal string', () => {
    expect(JSON.parse(jsonLine(recs[3]!))).toEqual({
      offset: 48,
      length: 16,
      kind: 'removal',
      type: 0,
      subtype: 0,
      watchId: 1,
      typeInfo: 0,
      info: 0x110,
      id: '255913279',
    })
    expect(Object.keys(JSON.parse(jsonLine(recs[0]!)))).toEqual([
      'offset',
      'length',
      'kind',
      'type',
      'subtype',
      'watchId',
      'typeInfo',
      'info',
      'event',
      'keyId',
      'aux',
    ])
  })
})

it('tableLine shows kind, event and fields', () => {
  expect(tableLine(recs[0]!)).toMatch(/^\s+0\s+16 key\s+linked\s+2 {2}keyId=340681059 aux=255913279$/)
})
