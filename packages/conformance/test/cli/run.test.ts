// `watchq run`: exit codes, one line per unexpected result, the report file, and invalid cases
// rejected before the implementation is even started.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { OP_NAMES } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/cli/io.js'
import { defaultCasesDir } from '../../src/cli/run.js'
import { fakeImpl, SUITE } from '../support/fake.js'
import { run } from '../support/run.js'

const dir = mkdtempSync(join(tmpdir(), 'watchq-cli-run-'))
const SCRIPT = {
  implementation: {
    name: 'fake',
    version: '9',
    kernel: '6.1.192',
    arch: 'x86_64',
    endian: 'little',
    pageSize: 4096,
    ops: ['close'],
  },
}
const impl = (counter = join(dir, 'starts')) => fakeImpl(dir, SCRIPT, 'script', `--counter ${counter}`)

describe('watchq run', () => {
  it('exits 0 when every result is as expected, and writes the report', async () => {
    const report = join(dir, 'ok.jsonl')
    const r = await run(['run', join(SUITE, 'ok.json'), join(SUITE, 'slow.json'), '--impl', impl(), '--report', report])
    expect(r.err).toBe('')
    // Not a terminal: a line per finished case, then the counts.
    expect(r.out).toBe(
      'PASS    ok\nPASS    slow\n' +
        `fake 9 on Linux 6.1.192 x86_64: 2 passed, 0 failed, 0 errors, 0 crashed, 0 timed out, 0 not applicable, 0 unsupported — 0 unexpected; report: ${report}\n`,
    )
    expect(r.code).toBe(0)
    const lines = readFileSync(report, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(JSON.parse(lines[3]!)).toMatchObject({ footer: true, counts: { pass: 2 } })
  })

  it('exits 1 with a line per unexpected result; --filter selects cases by id', async () => {
    const r = await run([
      'run',
      SUITE,
      '--filter',
      'wrong',
      '--filter',
      'ok',
      '--impl',
      impl(),
      '--report',
      join(dir, 'f.jsonl'),
    ])
    expect(r.code).toBe(1)
    expect(r.out).toContain('FAIL    wrong: step 0 (close): expected EBADF, observed ret 0\n')
    // 'wrong' also selects wrong-seq, which the fake answers correctly here.
    expect(r.out).toContain('2 passed, 1 failed')
  })

  it('an expectations file makes a known failure expected (exit 0)', async () => {
    const exp = join(dir, 'exp.json')
    writeFileSync(exp, JSON.stringify({ entries: [{ case: 'wrong', status: 'fail', reason: 'known' }] }))
    const r = await run([
      'run',
      join(SUITE, 'wrong.json'),
      '--impl',
      impl(),
      '--expectations',
      exp,
      '--report',
      join(dir, 'e.jsonl'),
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain('0 unexpected')
  })

  it.each([
    ['a directory', () => dir, 'EISDIR'],
    ['below a regular file', () => join(dir, 'starts-file', 'r.jsonl'), 'ENOTDIR'],
    ['below /proc, where mkdir -p never ends in Node', () => '/proc/watchq-nowhere/r.jsonl', 'ENOENT'],
  ])(
    'a report that cannot be created (%s) is one line, exit 1, before the implementation starts',
    async (_what, path, code) => {
      writeFileSync(join(dir, 'starts-file'), '')
      const counter = join(dir, `never-${code}`)
      const r = await run(['run', join(SUITE, 'ok.json'), '--impl', impl(counter), '--report', path()])
      expect(r.err).toBe(`watchq: cannot write the report ${path()}: ${code} (${r.err.split('(')[1]!.split(')')[0]})\n`)
      expect(r.code).toBe(1)
      expect(existsSync(counter)).toBe(false)
    },
  )

  it('a report that cannot be written (/dev/full) stops the run at once: one line, exit 1, nothing left running', async () => {
    const counter = join(dir, 'full')
    const r = await run([
      'run',
      join(SUITE, 'ok.json'),
      join(SUITE, 'slow.json'),
      '--impl',
      impl(counter),
      '--report',
      '/dev/full',
    ])
    expect(r.err).toBe('watchq: cannot write the report /dev/full: ENOSPC (no space left on device)\n')
    expect(r.code).toBe(1)
    // The implementation said hello and was stopped before any case ran.
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(1)
  })

  it('an implementation that cannot be started is one line naming why, exit 1, not an error per case', async () => {
    const report = join(dir, 'missing.jsonl')
    const r = await run(['run', SUITE, '--impl', 'cmd:/nonexistent/watchq-adapter', '--report', report])
    expect(r.out).toBe('')
    expect(r.err).toBe(
      `watchq run: nothing was run: the implementation did not complete hello: the implementation exited (code 127); its last stderr line: /bin/sh: 1: /nonexistent/watchq-adapter: not found; report: ${report}\n`,
    )
    expect(r.code).toBe(1)
    const lines = readFileSync(report, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[1]!)).toMatchObject({ footer: true, stopped: expect.stringContaining('code 127') })
  })

  it('rejects invalid cases before starting the implementation (exit 2)', async () => {
    const bad = join(import.meta.dirname, '../cases/fixtures/bad')
    const counter = join(dir, 'never')
    const r = await run(['run', bad, '--impl', impl(counter)])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^watchq run: 5 invalid case file\(s\); nothing was run:\n/)
    expect(r.err).toContain('unknown-op.json: not valid:\n  at /steps/0/op: unknown op "pipe3"')
    expect(existsSync(counter)).toBe(false)
  })

  it.each([
    [['run', '--impl', 'ftp:x'], 'bad implementation "ftp:x"'],
    [['run', '--impl', 'cmd:true', '--jobs', '0'], '--jobs must be an integer ≥ 1, not "0"'],
    [['run', '--impl', 'cmd:true', '--timeout', 'soon'], '--timeout must be a positive number of seconds'],
    // Above 2^31-1 ms Node's timers fire after 1 ms: every request would "time out" at once.
    [['run', '--impl', 'cmd:true', '--timeout', '2147484'], '--timeout must be at most 2147483 seconds'],
    [['run', SUITE, '--impl', 'cmd:true', '--filter', 'nothing-like-this'], 'no case matches "nothing-like-this"'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  it('has --help', async () => {
    const r = await run(['run', '--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Usage: watchq run [options] [CASES...]')
  })
})

describe('watchq run without --impl', () => {
  it('runs the shipped suite against the simulator', async () => {
    const r = await run(['run', '--report', join(dir, 'sim.jsonl')])
    expect(r.out).toMatch(
      /^PASS {4}close\/all-fds-detach-watches\n[\s\S]*\nwatchq-sim \S+ on Linux 6\.12\.\d+ x86_64: \d+ passed, 0 failed, 0 errors, 0 crashed, 0 timed out, \d+ not applicable, 0 unsupported — 0 unexpected/,
    )
    expect(r.code).toBe(0)
  })
})

describe('watchq run against an implementation that supports nothing (a kernel without CONFIG_WATCH_QUEUE)', () => {
  const bare = () =>
    fakeImpl(
      dir,
      {
        implementation: {
          ...SCRIPT.implementation,
          ops: [...OP_NAMES],
          features: ['exec'],
          probes: { 'notification-pipe': 'pipe2(O_NOTIFICATION_PIPE) failed: ENOPKG' },
        },
      },
      'bare',
    )

  it('exits 1, and says what it lacks, with counts and how it was probed', async () => {
    const r = await run(['run', '--filter', 'pipe2/', '--impl', bare(), '--report', join(dir, 'bare.jsonl')])
    expect(r.code).toBe(1)
    const n = /(\d+) unsupported — (\d+) unexpected/.exec(r.out)
    expect(n?.[1]).toBe(n?.[2])
    expect(Number(n?.[1])).toBeGreaterThan(0)
    expect(r.out).toMatch(
      /^unsupported: \d+ case\(s\) need notification-pipe, which this implementation lacks \(probed: pipe2\(O_NOTIFICATION_PIPE\) failed: ENOPKG\)$/m,
    )
    expect(r.out).toMatch(/^UNSUPP {2}pipe2\/\S+: implementation lacks feature/m)
  })

  it('--allow-unsupported FEATURE… makes them expected (exit 0); an unknown name is a usage error', async () => {
    const report = join(dir, 'bare-allowed.jsonl')
    const argv = ['run', '--filter', 'pipe2/', '--impl', bare(), '--report', report]
    const r = await run([...argv, '--allow-unsupported', 'notification-pipe', 'key-notifications', 'root'])
    expect(r.out).toContain(' — 0 unexpected')
    expect(r.code).toBe(0)
    expect((await run([...argv, '--allow-unsupported', 'all'])).code).toBe(0)
    const bad = await run([...argv, '--allow-unsupported', 'notification-pipes'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--allow-unsupported: unknown "notification-pipes"')
  })
})

describe('the default cases', () => {
  it('are those of @watchq/fixtures, found by module resolution', () => {
    const dir = defaultCasesDir()
    expect(dir).toBe(join(realpathSync(join(import.meta.dirname, '../../../fixtures')), 'cases'))
    expect(readdirSync(dir)).toContain('keys')
  })

  it('are found from an installation in node_modules, as npm lays it out', () => {
    const root = mkdtempSync(join(tmpdir(), 'watchq-installed-'))
    const fixtures = join(root, 'node_modules/@watchq/fixtures')
    mkdirSync(join(fixtures, 'cases'), { recursive: true })
    writeFileSync(
      join(fixtures, 'package.json'),
      JSON.stringify({ name: '@watchq/fixtures', exports: { './package.json': './package.json' } }),
    )
    const cli = join(root, 'node_modules/@watchq/conformance/dist/cli.js')
    expect(defaultCasesDir(pathToFileURL(cli))).toBe(join(fixtures, 'cases'))
  })

  it('name where they were looked for when @watchq/fixtures is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'watchq-no-fixtures-'))
    const from = join(root, 'dist/cli.js')
    expect(() => defaultCasesDir(from)).toThrow(UsageError)
    expect(() => defaultCasesDir(from)).toThrow(`not found in node_modules from ${join(root, 'dist')} up`)
  })
})
