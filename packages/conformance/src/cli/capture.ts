// `watchq capture`: run cases against an implementation and keep what it did — one capture per
// case, the report, and a manifest with provenance and the sha256 of every capture — as fixtures.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaptureManifest, Status } from '@watchq/spec'
import { VERSION } from '../version.js'
import { type Cli, declared } from './command.js'
import { EXIT, UsageError } from './io.js'
import { executeRun, IMPLEMENTATIONS, type RunOptions, runLike } from './run.js'

export function defineCapture(cli: Cli) {
  const cmd = runLike(cli, 'capture')
    .summary('Run cases and keep what the implementation did as captures, with provenance')
    .description(
      `Runs cases against one implementation and writes what it did: <dir>/<case id>.jsonl for every
case it ran (failures included: the kernel is the truth), the run's report as <dir>/report.jsonl,
and <dir>/manifest.json (implementation, provenance — kernel config hash, agent, accelerator when
the implementation names them — and the sha256 and status of every capture). A capture replays as
a case: watchq run <dir> --impl …. A case whose expectations admit several outcomes of a step
(anyOf: the kernel may do either) is not captured, and stderr says so: its capture would hold only
the outcome of this run.`,
    )
    .argument('[CASES...]', 'Cases, captures or directories of them, as for "watchq run"')
    .option('-o, --out <dir>', 'Where the captures, report.jsonl and manifest.json go (required)')
    .addHelpText(
      'after',
      `
${IMPLEMENTATIONS}

Exit codes: 0 captured (whatever the statuses), 1 the implementation crashed, timed out or erred on
some case (its captures are missing) or could not be started, 2 usage error or invalid cases, 130
or 143 interrupted by SIGINT or SIGTERM.`,
    )
    .action(cli.exits((cases, options) => capture(cases, options, cli)))
  return declared(cmd)
}

async function capture(
  positionals: readonly string[],
  values: Omit<RunOptions, 'report' | 'capture'> & { readonly out?: string | undefined },
  cli: Cli,
): Promise<number> {
  if (!values.out) throw new UsageError('--out <dir> is required; see "watchq capture --help"')
  const out = values.out
  const files: CaptureManifest['files'] = {}
  let incomplete = 0
  let stopped = false
  const started = new Date().toISOString()
  const code = await executeRun(
    'capture',
    { ...values, capture: out, report: join(out, 'report.jsonl') },
    positionals,
    cli,
    {
      onCapture: (file: string, status: Status) => {
        files[file] = {
          sha256: createHash('sha256')
            .update(readFileSync(join(out, file)))
            .digest('hex'),
          status,
        }
      },
      onDone: (summary, connector) => {
        incomplete = summary.counts.crash + summary.counts.timeout + summary.counts.error
        stopped = summary.stopped !== undefined
        if (!summary.implementation) return
        const manifest: CaptureManifest = {
          manifest: 1,
          captured: started,
          impl: connector.spec,
          implementation: summary.implementation,
          watchq: VERSION,
          provenance: { ...connector.provenance?.() },
          files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))),
        }
        writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
        cli.io.out(`captured ${Object.keys(files).length} case(s) into ${out} (manifest.json)`)
      },
    },
  )
  // A usage error, an interrupt or an implementation that never started: run's own code.
  if (code !== EXIT.ok && code !== EXIT.failed) return code
  if (stopped) return EXIT.failed
  return incomplete > 0 ? EXIT.failed : EXIT.ok
}
