// `watchq decode`: every format from binary and hex input, one-line errors naming the offset (and
// the line and column of bad hex), files that cannot be read, and streaming: memory stays bounded
// however large the input and however slow the reader of standard output.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { encode } from '@watchq/decoder'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/io.js'
import { main } from '../../src/index.js'
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
      err: 'watchq decode: <stdin>:2:1: "z" is not a hex digit (at byte offset 2)\n',
    })
    expect(await run(['decode', '--hex'], 'abc')).toMatchObject({
      code: 1,
      err: 'watchq decode: <stdin>: odd number of hex digits (3); the last byte lacks its second digit (at byte offset 1)\n',
    })
    expect(await run(['decode', '/nonexistent/capture.bin'])).toMatchObject({
      code: 1,
      err: 'watchq: cannot read /nonexistent/capture.bin: ENOENT (no such file or directory)\n',
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

describe('watchq decode, input that cannot be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'watchq-decode-env-'))
  const file = join(dir, 'capture.bin')
  writeFileSync(file, STREAM)
  symlinkSync(join(dir, 'loop'), join(dir, 'loop'))

  it.each([
    ['ENOTDIR', join(file, 'x'), 'ENOTDIR (not a directory)'],
    ['ELOOP', join(dir, 'loop'), 'ELOOP (too many symbolic links encountered)'],
    ['EISDIR', dir, 'EISDIR (illegal operation on a directory)'],
  ])('%s: one line naming the path and the error, exit 1', async (_, path, error) => {
    expect(await run(['decode', path])).toEqual({ code: 1, out: '', err: `watchq: cannot read ${path}: ${error}\n` })
  })
})

describe('watchq decode, streaming', () => {
  it('prints the records before bad hex, then the bad character with its line, column and byte offset', async () => {
    expect(
      await run(['decode', '--hex', '--endian', 'little', '--format', 'keyutils'], `${HEX.slice(0, 32)}\n 01+`),
    ).toEqual({
      code: 1,
      out: '582343121 upd\n',
      err: 'watchq decode: <stdin>:2:4: "+" is not a hex digit (at byte offset 17)\n',
    })
  })

  it('reads the next chunk only once standard output has drained', async () => {
    let read = 0
    let written = 0
    let release: (() => void) | undefined
    const io: Io = {
      out: (t) => {
        written += t.split('\n').length
      },
      err: () => {},
      stdin: async function* () {
        for (let i = 0; i < 3; i++) {
          read++
          yield STREAM
        }
      },
      stdinIsTTY: false,
      drain: () =>
        new Promise<void>((resolve) => {
          release = resolve
        }),
    }
    const done = main(['decode', '--endian', 'little'], io)
    for (let i = 1; i <= 3; i++) {
      await sleep(20)
      // The chunk's four records went out in one write; the next chunk waits for the drain.
      expect({ read, written }).toEqual({ read: i, written: 4 * i })
      release!()
    }
    expect(await done).toBe(0)
  })
})

// The CLI in a child process, as a shell runs it, with its peak memory (maxRSS, printed at exit).
const ROOT = join(import.meta.dirname, '../../../..')
const CLI = join(ROOT, 'packages/conformance/src/cli.ts')
const MAXRSS =
  "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,'maxrss '+process.resourceUsage().maxRSS+'\\n'))"

interface Child {
  readonly code: number | null
  readonly stderr: string
  /** Lines the child wrote to standard output. */
  readonly lines: number
  /** Peak resident memory over the whole run, MB. */
  readonly maxRssMB: number
  /** Resident memory once the child had stopped running with nobody reading it, MB. */
  readonly stalledRssMB: number
}

/** CPU time (ticks) the process has used, or undefined once it is gone. */
function cpuTicks(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return undefined
  }
}

function rssMB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

/**
 * `watchq decode ARGS` with a reader that reads nothing until the child stops using the CPU (it
 * waits for standard output to drain, or it has produced everything into memory), then reads it
 * all. `stdin` is its standard input. Killed after `limitMs`.
 */
async function decodeIntoSlowReader(args: readonly string[], limitMs = 60_000, stdin?: string): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--conditions=@watchq/source', '--import', 'tsx', `--import=${MAXRSS}`, CLI, 'decode', ...args],
    { cwd: ROOT, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] },
  )
  child.stdin?.end(stdin)
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs)
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (t: string) => {
    stderr += t
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  // A listener from the start (Node resumes the unread output of a child that exits, dropping it),
  // paused: nothing is read until resume().
  let lines = 0
  child
    .stdout!.on('data', (chunk: Buffer) => {
      for (const b of chunk) if (b === 10) lines++
    })
    .pause()
  // Not reading: wait until the child's CPU time stops growing for half a second.
  let last = -1
  for (let idle = 0; idle < 5; await sleep(100)) {
    const now = cpuTicks(child.pid!)
    if (now === undefined) break
    idle = now === last ? idle + 1 : 0
    last = now
  }
  const stalledRssMB = rssMB(child.pid!)
  child.stdout!.resume()
  const code = await exited
  clearTimeout(killer)
  const maxRssMB = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1024
  return { code, stderr: stderr.replace(/maxrss \d+\n/, ''), lines, maxRssMB, stalledRssMB }
}

describe('watchq decode, large inputs and slow readers', () => {
  const RECORDS = 1_000_000
  let bin: string
  let hex: string
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-decode-big-'))
    const key = STREAM.subarray(0, 16) // key 582343121 updated
    const all = new Uint8Array(RECORDS * key.length)
    for (let i = 0; i < RECORDS; i++) all.set(key, i * key.length)
    bin = join(dir, 'big.bin') // 16 MB; 145 MB of JSON lines
    writeFileSync(bin, all)
    hex = join(dir, 'big.hex')
    writeFileSync(hex, Buffer.from(all).toString('hex'))
  })

  // Without back-pressure the child decoded all of it into standard output's buffer (783 MB for
  // the binary input, 834 MB for the hex; 2.6 GB for 200 MB), and --hex read the whole text first.
  it.each([
    ['binary', () => [bin]],
    ['hex', () => ['--hex', hex]],
  ])(
    '%s: a reader slower than the decoder holds it back; memory stays bounded',
    async (kind, args) => {
      const small = await decodeIntoSlowReader(
        ['--hex', '--endian', 'little'],
        60_000,
        '0100000110010000d1d9b52200000000',
      )
      expect(small).toMatchObject({ code: 0, lines: 1 })
      const r = await decodeIntoSlowReader(['--endian', 'little', ...args()])
      expect({ code: r.code, stderr: r.stderr, lines: r.lines }).toEqual({ code: 0, stderr: '', lines: RECORDS })
      console.log(
        `decode ${kind}: ${small.maxRssMB.toFixed(0)} MB for one record; ${RECORDS} records: ` +
          `${r.stalledRssMB.toFixed(0)} MB while nobody read, peak ${r.maxRssMB.toFixed(0)} MB`,
      )
      expect(r.stalledRssMB).toBeLessThan(small.maxRssMB + 200)
      expect(r.maxRssMB).toBeLessThan(small.maxRssMB + 200)
    },
    120_000,
  )

  it('fails on /dev/zero as hex at once, at line 1 column 1', async () => {
    const started = Date.now()
    const r = await decodeIntoSlowReader(['--hex', '/dev/zero'], 20_000)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(r).toMatchObject({
      code: 1,
      lines: 0,
      stderr: 'watchq decode: /dev/zero:1:1: "\\u0000" is not a hex digit (at byte offset 0)\n',
    })
  }, 30_000)
})
