// The watchq executable as a shell runs it: a reader that closes the pipe early (`| head`) ends
// it quietly with status 0, not with an EPIPE stack trace.
import { spawnSync } from 'node:child_process'
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
})
