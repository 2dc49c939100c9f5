// `watchq decode`: every format from binary and hex input, and one-line errors naming the offset.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encode } from '@watchq/decoder'
import { describe, expect, it } from 'vitest'
import { run } from '../support/run.js'

const STREAM = encode(
  [
    { kind: 'key', event: 'updated', watchId: 1, keyId: 582343121, aux: 0 },
    { kind: 'key', event: 'unlinked', watchId: 2, keyId: 1000, aux: 582343121 },
    { kind: 'removal', watchId: 1, id: 582343121n },
    { kind: 'loss' },
  ],
  { endian: 'little' },
)
const HEX = Buffer.from(STREAM).toString('hex')

describe('watchq decode', () => {
  it('prints one JSON object per record from a binary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-decode-'))
    const file = join(dir, 'capture.bin')
    writeFileSync(file, STREAM)
    const { code, out } = await run(['decode', file, '--endian', 'little'])
    expect(code).toBe(0)
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines[0]).toEqual({
      offset: 0,
      length: 16,
      kind: 'key',
      type: 1,
      subtype: 1,
      watchId: 1,
      typeInfo: 0,
      info: 0x110,
      event: 'updated',
      keyId: 582343121,
      aux: 0,
    })
    expect(lines[2]).toMatchObject({ kind: 'removal', id: '582343121' })
    expect(lines.map((l) => l.kind)).toEqual(['key', 'key', 'removal', 'loss'])
  })

  it('takes hex with any whitespace from stdin and prints keyutils lines', async () => {
    const spaced = HEX.replace(/(.{8})/g, '$1 ').replace(/(.{36})/g, '$1\n')
    const { code, out } = await run(['decode', '--hex', '--endian', 'little', '--format', 'keyutils'], spaced)
    expect(code).toBe(0)
    expect(out).toBe('582343121 upd\n1000 unlk 582343121\n582343121 gc\n-- LOSS --\n')
  })

  it('prints the kernel sample format and a table', async () => {
    const sample = await run(['decode', '--hex', '--endian', 'little', '--format', 'sample'], HEX)
    expect(sample.out.split('\n').slice(0, 2)).toEqual([
      'NOTIFY[000]: ty=000001 sy=01 i=00000110',
      'KEY 22b5d9d1 change=1[updated] aux=0',
    ])
    const table = await run(['decode', '--hex', '--endian', 'little', '--format', 'table'], HEX)
    expect(table.out.split('\n')[0]).toMatch(/^\s+offset\s+len kind/)
  })

  it('decodes big-endian and older revisions', async () => {
    const be = Buffer.from(
      encode([{ kind: 'key', event: 'linked', watchId: 4, keyId: 9, aux: 10 }], { endian: 'big' }),
    ).toString('hex')
    expect((await run(['decode', '--hex', '--endian', 'big', '--format', 'keyutils'], be)).out).toBe('9 link 10\n')
    const v8 = Buffer.from(
      encode([{ kind: 'removal', watchId: 3, id: 42n }], { revision: 'mmap-v8', endian: 'big' }),
    ).toString('hex')
    const { out } = await run(['decode', '--hex', '--endian', 'big', '--revision', 'mmap-v8'], v8)
    expect(JSON.parse(out)).toMatchObject({ kind: 'removal', length: 16, watchId: 3, id: '42' })
  })

  it('prints the records before a bad one, then one line naming the offset, exit 1', async () => {
    const { code, out, err } = await run(
      ['decode', '--hex', '--endian', 'little'],
      `${HEX.slice(0, 32)}01000001 00000000`,
    )
    expect(code).toBe(1)
    expect(out.trim().split('\n')).toHaveLength(1)
    expect(err).toBe('watchq decode: <stdin>: record length 0 is below the 8-byte header (at byte offset 16)\n')
  })

  it('reports a truncated stream, bad hex, a missing file and bad options', async () => {
    expect(await run(['decode', '--hex', '--endian', 'little'], HEX.slice(0, 40))).toMatchObject({
      code: 1,
      err: 'watchq decode: <stdin>: stream ended 4 bytes into a record (at byte offset 16)\n',
    })
    expect(await run(['decode', '--hex'], '0100\nzz')).toMatchObject({
      code: 1,
      err: 'watchq decode: <stdin>:2:1: "z" is not a hex digit\n',
    })
    expect(await run(['decode', '--hex'], 'abc')).toMatchObject({
      code: 1,
      err: expect.stringContaining('odd number of hex digits'),
    })
    expect(await run(['decode', '/nonexistent/capture.bin'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('cannot read /nonexistent/capture.bin'),
    })
    expect(await run(['decode', '--format', 'xml'], '')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown --format "xml"'),
    })
    expect(await run(['decode', '--revision', 'v9'], '')).toMatchObject({
      code: 2,
      err: expect.stringContaining('known: pre-v1'),
    })
    expect(await run(['decode'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('standard input is a terminal'),
    })
  })

  it('rejects unknown types only with --strict', async () => {
    const unknown = '07000000100000000102030405060708'
    expect(JSON.parse((await run(['decode', '--hex', '--endian', 'little'], unknown)).out)).toMatchObject({
      kind: 'unknown',
      reason: 'unknown-type',
    })
    expect(await run(['decode', '--hex', '--endian', 'little', '--strict'], unknown)).toMatchObject({
      code: 1,
      err: expect.stringContaining('type 7 subtype 0 is not defined in mainline'),
    })
  })

  it('has --help', async () => {
    expect(await run(['decode', '--help'])).toMatchObject({ code: 0, out: expect.stringContaining('--format <f>') })
  })
})
