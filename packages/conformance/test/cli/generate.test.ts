// `watchq generate records` and `watchq check-decoder` from the command line: output forms agree
// with `watchq decode`, and bad options are usage errors that say what is allowed.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { run } from '../support/run.js'

const FAKE = fileURLToPath(new URL('../decoders/fake-decoder.mjs', import.meta.url))

describe('watchq generate records', () => {
  it('json lines are what watchq decode prints for the same stream (bin via --out)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-gen-'))
    const file = join(dir, 's.bin')
    const bin = await run(['generate', 'records', '--seed', '9', '--count', '40', '--endian', 'big', '--out', file])
    expect(bin.code).toBe(0)
    expect(bin.err).toMatch(/seed 9, 40 records of mainline \(big-endian\)/)
    const json = await run([
      'generate',
      'records',
      '--seed',
      '9',
      '--count',
      '40',
      '--endian',
      'big',
      '--format',
      'json',
    ])
    const lines = json.out.trim().split('\n')
    expect(lines).toHaveLength(40)
    const decoded = await run(['decode', file, '--endian', 'big', '--format', 'json'])
    expect(decoded.code).toBe(0)
    expect(
      decoded.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(lines.map((l) => JSON.parse(l)))
    expect(readFileSync(file).length).toBe(lines.reduce((n, l) => n + JSON.parse(l).length, 0))
  })

  it('hex gives one record per line, decodable with --hex', async () => {
    const hex = await run([
      'generate',
      'records',
      '--revision',
      'mmap-v8',
      '--seed',
      '4',
      '--count',
      '12',
      '--format',
      'hex',
    ])
    expect(hex.out.trim().split('\n')).toHaveLength(12)
    const json = await run([
      'generate',
      'records',
      '--revision',
      'mmap-v8',
      '--seed',
      '4',
      '--count',
      '12',
      '--format',
      'json',
    ])
    const decoded = await run(['decode', '--hex', '--revision', 'mmap-v8', '--endian', 'little'], hex.out)
    expect(decoded.out).toBe(json.out)
  })

  it('has --help', async () => {
    const r = await run(['generate', '--help'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^ {2}records +A seeded random stream/m)
    const records = await run(['generate', 'records', '--help'])
    expect(records.code).toBe(0)
    expect(records.out).toMatch(/^Usage: watchq generate records \[options\]/)
  })
})

describe('watchq check-decoder', () => {
  it('passes the TypeScript decoder and prints the seed', async () => {
    const r = await run(['check-decoder', 'ts', '--seed', '5', '--streams', '300'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/ts: 300\/300 streams as expected/)
    expect(r.out).toMatch(/seed 5/)
  })

  it('prints a mismatch with the stream and a command that reproduces it', async () => {
    const r = await run([
      'check-decoder',
      `cmd:node ${FAKE} empty`,
      '--seed',
      '5',
      '--streams',
      '40',
      '--revision',
      'mainline',
    ])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/MISMATCH cmd:node .* stream \d+ \(mainline\/(little|big): /)
    expect(r.out).toMatch(/ {2}stream \(mainline, (little|big)-endian\): [0-9a-f]+/)
    expect(r.out).toMatch(
      /reproduce: watchq check-decoder 'cmd:node .*fake-decoder.mjs empty' --seed 5 --streams 40 --revision mainline/,
    )
  })

  it('a decoder that breaks the protocol is exit 2 with the reason', async () => {
    const r = await run(['check-decoder', `cmd:node ${FAKE} garbage`, '--seed', '1', '--streams', '5'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/not JSON: this is not json/)
  })
})

describe('usage errors of generate and check-decoder', () => {
  it.each([
    [['generate', 'records', '--revision', 'nope'], /unknown revision "nope"; known: .*mainline/],
    [['generate', 'records', '--format', 'xml'], /--format must be bin, hex or json/],
    [['generate', 'records', '--count', '1.5'], /--count must be an integer/],
    [['generate', 'records'], /binary output to a terminal; use --out FILE or --format hex/],
    [['generate', 'things'], /unknown command "things"; see "watchq generate --help"/],
    [['check-decoder', 'rust'], /unknown decoder "rust"; use ts, c or cmd:COMMAND/],
    [['check-decoder', 'ts', '--endian', 'middle'], /--endian must be little or big/],
    [['check-decoder', 'ts', '--revision', 'x'], /unknown revision "x"/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
  })
})
