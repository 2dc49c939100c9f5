// The runner against the simulator where the two meet: what the simulator declines, the runner skips.

import { simulator } from '@watchq/sim'
import type { Case } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import type { LoadedCase } from '../../src/cases/load.js'
import { ReportMemory } from '../../src/report/write.js'
import { runSuite } from '../../src/runner/run.js'
import { inProcessConnector } from '../../src/transport/in-process.js'

describe('a case that runs a program', () => {
  it('is unsupported by the simulator, by its feature and by its ops, never run', async () => {
    const steps: Case['steps'] = [
      { op: 'spawn', argv: ['keyctl', 'watch', '@s'], bind: '$p' },
      { op: 'wait_exit', proc: '$p', timeoutMs: 1000, expect: { ret: 0 } },
    ]
    const make = (id: string, requires?: Case['requires']): LoadedCase => ({
      id,
      file: `${id}.json`,
      from: 'case',
      sha256: '0'.repeat(64),
      case: { description: id, ...(requires ? { requires } : {}), steps },
    })
    const report = new ReportMemory()
    const summary = await runSuite({
      connector: inProcessConnector(() => simulator()),
      cases: [make('with-feature', { features: ['exec'] }), make('without-feature')],
      report,
      version: 'test',
    })
    expect(summary.counts.unsupported).toBe(2)
    // Unsupported is a gap: unexpected without an expectations entry or --allow-unsupported.
    expect(summary.unexpected).toBe(2)
    expect(report.results.map((r) => r.lacks)).toEqual([
      ['exec', 'op:spawn', 'op:wait_exit'],
      ['op:spawn', 'op:wait_exit'],
    ])
    expect(report.results.map((r) => r.reason)).toEqual([
      'implementation lacks feature exec and ops spawn, wait_exit',
      'implementation lacks ops spawn, wait_exit',
    ])
  })
})
