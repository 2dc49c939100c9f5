// The streaming decoder returns the same records as decode() however the bytes are chunked, with
// stream offsets, and reports a record cut off by the end of the stream.
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { DecodeError, decode, decodeStream, encode, StreamDecoder } from '../src/index.js'

const bytes = encode(
  [
    { kind: 'key', event: 'updated', watchId: 1, keyId: 7, aux: 0 },
    { kind: 'loss' },
    { kind: 'removal', watchId: 1, id: 7n },
    { kind: 'key', event: 'linked', watchId: 2, keyId: 3, aux: 7 },
  ],
  { endian: 'little' },
)

describe('StreamDecoder', () => {
  it.each([1, 3, 7, 8, 16, 100])("gives decode()'s records for %i-byte chunks", (size) => {
    const d = new StreamDecoder({ endian: 'little' })
    const out = []
    for (let i = 0; i < bytes.length; i += size) out.push(...d.push(bytes.subarray(i, i + size)))
    d.end()
    expect(out).toEqual(decode(bytes, { endian: 'little' }))
    expect(d.offset).toBe(bytes.length)
  })

  it('reports a record cut off by the end of the stream at its stream offset', () => {
    const d = new StreamDecoder({ endian: 'little' })
    expect(d.push(bytes.subarray(0, 30))).toHaveLength(2)
    expect(() => d.end()).toThrow(DecodeError)
    try {
      d.end()
    } catch (e) {
      expect(e).toMatchObject({ code: 'truncated', offset: 24 })
    }
  })

  it('reports a bad header as soon as it arrives, with its stream offset', () => {
    const d = new StreamDecoder({ endian: 'little' })
    d.push(bytes.subarray(0, 24))
    expect(() => d.push(new Uint8Array(8))).toThrow(expect.objectContaining({ code: 'length-too-small', offset: 24 }))
  })

  it('returns the good records before a bad one in the same chunk, then reports the bad one', () => {
    const chunk = new Uint8Array(32)
    chunk.set(bytes.subarray(0, 24))
    for (const finish of ['push', 'end'] as const) {
      const d = new StreamDecoder({ endian: 'little' })
      expect(d.push(chunk)).toEqual(decode(bytes.subarray(0, 24), { endian: 'little' }))
      expect(d.offset).toBe(24)
      const bad = expect.objectContaining({ code: 'length-too-small', offset: 24 })
      if (finish === 'push') expect(() => d.push(bytes.subarray(24))).toThrow(bad)
      else expect(() => d.end()).toThrow(bad)
    }
    // Through decodeStream: the records first, the error after them.
    const seen: string[] = []
    const run = async () => {
      for await (const r of decodeStream(Readable.from([Buffer.from(chunk)]), { endian: 'little' })) seen.push(r.kind)
    }
    return expect(run())
      .rejects.toMatchObject({ code: 'length-too-small', offset: 24 })
      .then(() => expect(seen).toEqual(['key', 'loss']))
  })
})

describe('decodeStream', () => {
  it('decodes a Node Readable of odd-sized Buffers', async () => {
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 29), bytes.subarray(29)].map((c) => Buffer.from(c))
    const out = []
    for await (const r of decodeStream(Readable.from(chunks), { endian: 'little' })) out.push(r)
    expect(out).toEqual(decode(bytes, { endian: 'little' }))
  })
})
