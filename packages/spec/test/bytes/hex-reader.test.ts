// The streaming hex reader: the same bytes as fromHex however the text is split (inside a pair,
// inside a UTF-8 sequence), and the first bad character reported when it is read, with its line,
// column and the byte it would have been part of.
import { describe, expect, it } from 'vitest'
import { fromHex, HexReader, HexSyntaxError } from '../../src/bytes/hex.js'

const utf8 = (s: string) => new TextEncoder().encode(s)

/** Every byte `reader` returns for `chunks`, then end(); the error it threw, if any. */
function readAll(chunks: readonly (string | Uint8Array)[]): { bytes: number[]; error?: HexSyntaxError } {
  const reader = new HexReader()
  const bytes: number[] = []
  try {
    for (const c of chunks) bytes.push(...reader.push(c))
    reader.end()
    return { bytes }
  } catch (e) {
    if (!(e instanceof HexSyntaxError)) throw e
    return { bytes, error: e }
  }
}

describe('HexReader', () => {
  // ASCII white space, a no-break space (2 UTF-8 bytes) and an ideographic space (3 bytes): all \s.
  const TEXT = '01 Ab\tfF\r\n 7e\u00a0c3\u30000\n9 '
  const BYTES = [...fromHex(TEXT)]

  it('reads what fromHex reads, whatever the split, as text or as UTF-8 bytes', () => {
    expect(BYTES).toEqual([0x01, 0xab, 0xff, 0x7e, 0xc3, 0x09])
    for (let i = 0; i <= TEXT.length; i++) expect(readAll([TEXT.slice(0, i), TEXT.slice(i)]).bytes).toEqual(BYTES)
    const raw = utf8(TEXT)
    for (let i = 0; i <= raw.length; i++)
      for (let j = i; j <= raw.length; j++)
        expect(readAll([raw.subarray(0, i), raw.subarray(i, j), raw.subarray(j)])).toEqual({ bytes: BYTES })
  })

  it('reports the first bad character at once: line, column, and the byte it would start or end', () => {
    const reader = new HexReader()
    expect([...reader.push('0100\n0')]).toEqual([1, 0])
    // The bytes before the bad character come back; the error waits in `error` for the next call.
    expect([...reader.push('2zz')]).toEqual([2])
    expect(reader.error).toMatchObject({ line: 2, column: 3, offset: 3, reason: '"z" is not a hex digit' })
    expect(reader.error?.message).toBe('line 2, column 3: "z" is not a hex digit (at byte offset 3)')
    expect(() => reader.push('00')).toThrow(reader.error)
    expect(() => reader.end()).toThrow(reader.error)
    // Inside a pair: the byte that pair would have made.
    expect(readAll(['a', 'bc', '?']).error).toMatchObject({ line: 1, column: 4, offset: 1 })
  })

  it('fails on the first NUL of /dev/zero, at line 1 column 1, without reading on', () => {
    const reader = new HexReader()
    expect(reader.push(new Uint8Array(65536))).toHaveLength(0)
    expect(reader.error).toMatchObject({ line: 1, column: 1, offset: 0, reason: '"\\u0000" is not a hex digit' })
  })

  it('names a character outside the BMP, or invalid UTF-8, as one character', () => {
    expect(readAll(['00 \u{1f600}']).error).toMatchObject({ column: 4, reason: '"\u{1f600}" is not a hex digit' })
    expect(readAll([Uint8Array.of(0x30, 0x30, 0xff)]).error).toMatchObject({
      column: 3,
      reason: '"\ufffd" is not a hex digit',
    })
    // A UTF-8 sequence cut off by the end of the input is bad too.
    expect(readAll([Uint8Array.of(0x30, 0x30, 0xc2)]).error).toMatchObject({ column: 3, offset: 1 })
  })

  it('refuses an odd digit count at the end, naming the byte that lacks a digit', () => {
    expect(readAll(['ab', 'c\n']).error).toMatchObject({
      line: 2,
      column: 0,
      offset: 1,
      reason: 'odd number of hex digits (3); the last byte lacks its second digit',
    })
  })

  it('holds one chunk at a time: 16 MiB of hex in 64 KiB chunks, with a chunk-sized output each time', () => {
    const chunk = utf8('0123456789abcdef'.repeat(4096))
    const reader = new HexReader()
    let total = 0
    for (let i = 0; i < 256; i++) {
      const out = reader.push(chunk)
      expect(out.byteLength).toBe(chunk.length / 2)
      expect(out.buffer.byteLength).toBeLessThanOrEqual(chunk.length)
      total += out.length
    }
    reader.end()
    expect(total).toBe(8 * 1024 * 1024)
    expect(reader.offset).toBe(total)
  })
})
