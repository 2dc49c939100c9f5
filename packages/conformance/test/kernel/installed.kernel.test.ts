// The real-kernel tier from `npm install`: the workspace packages packed and installed into a fresh
// project (test/support/installed.ts), and there `npx watchq run --impl vm:6.12` builds Linux 6.12
// from the config fragments and the agent from the C sources of the installed @watchq/kernel
// (kernels cached in ${XDG_CACHE_HOME:-~/.cache}/watchq/kernels: minutes cold, seconds warm), boots
// it in QEMU and runs the cases of the installed @watchq/fixtures.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { caseIds, explain, reportResults, runCounts, useInstallation } from '../support/installed.js'

// A cold kernel build (Debian's linux-source-6.12, about 4 minutes here, longer on a busy machine).
const RUN_MS = 40 * 60_000

const installation = useInstallation()

describe('npx watchq in the installing project, on a real kernel', () => {
  it(
    'run --impl vm:6.12: Linux 6.12 in QEMU gives every shipped case its expected result',
    async () => {
      const r = await installation().watchq(['run', '--impl', 'vm:6.12'], { timeoutMs: RUN_MS })
      expect(r.code, explain(r)).toBe(0)
      const counts = runCounts(r.stdout)
      expect(counts, `a summary line with the counts\n${explain(r)}`).toBeDefined()
      const { impl, pass, notApplicable, unexpected, ...bad } = counts!
      expect(impl, `the agent on a 6.12 kernel\n${explain(r)}`).toMatch(/^watchq-agent \S+ on Linux 6\.12\.\d+ x86_64$/)
      const shipped = caseIds(join(installation().installed('@watchq/fixtures'), 'cases'))
      expect(unexpected, explain(r)).toBe(0)
      expect(bad, explain(r)).toEqual({ fail: 0, error: 0, crash: 0, timeout: 0, unsupported: 0 })
      expect(pass + notApplicable, `every shipped case ran\n${explain(r)}`).toBe(shipped.length)
      const results = reportResults(join(installation().project, 'watchq-report.jsonl'))
      expect(results.map((x) => x.case).sort()).toEqual([...shipped].sort())
      // Not applicable only for another platform: a 32-bit caller, the other byte order, another
      // kernel version's behaviour; never for something the agent or the kernel lacks.
      const notRun = results.filter((x) => x.status === 'not-applicable')
      expect(notRun.length).toBe(notApplicable)
      for (const x of notRun) expect(x.reason, x.case).toMatch(/^needs (compat-32|big-endian|kernel )/)
      expect(pass, explain(r)).toBeGreaterThan(shipped.length * 0.9)
    },
    RUN_MS + 60_000,
  )
})
