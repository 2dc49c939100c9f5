// The watchq executable as a shell runs it: a reader that closes the pipe early (`| head`) ends
// it quietly with status 0, not with an EPIPE stack trace; Ctrl-C ends a run with its report
// closed and nothing left running.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const CLI = join(import.meta.dirname, '../../src/cli.ts')

describe('watchq executable', () => {
  it('stops quietly when its reader goes away', () => {
    const p = spawnSync(
      '/bin/bash',
      // Many records, one output line each: writes go on after head has exited.
      ['-o', 'pipefail', '-c', `node --conditions=@watchq/source --import tsx ${CLI} decode --hex | head -c 10`],
      { encoding: 'utf8', input: '0100000110010000d1d9b52200000000'.repeat(50_000) },
    )
    expect(p.stderr).not.toContain('EPIPE')
    expect(p.stdout).toHaveLength(10)
    expect(p.status).toBe(0)
  })

  it('Ctrl-C before the implementation answered: exit 130, a report with header and footer, nothing left running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-sigint-'))
    const report = join(dir, 'r.jsonl')
    // A "implementation" that never says hello; its argument marks it for the check below.
    const marker = String(4000 + (process.pid % 1000))
    const child = spawn(
      'node',
      [
        '--conditions=@watchq/source',
        '--import',
        'tsx',
        CLI,
        'run',
        '--impl',
        `cmd:sleep ${marker}`,
        '--report',
        report,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (b: Buffer) => {
      stderr += b
    })
    // The report is created before the implementation starts; give it a moment to be waited on.
    for (let i = 0; i < 200 && !existsSync(report); i++) await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 500))
    child.kill('SIGINT')
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)))
    expect(stderr).toMatch(/^watchq run: interrupted by SIGINT after 0 of \d+ case\(s\); report: /m)
    expect(code).toBe(130)
    const lines = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ report: 2, implementation: null })
    expect(lines[1]).toMatchObject({ footer: true, stopped: 'interrupted by SIGINT' })
    const left = spawnSync('pgrep', ['-f', `^sleep ${marker}$`], { encoding: 'utf8' })
    expect(left.stdout).toBe('')
  }, 30_000)
})
