// `watchq merge`: the reports of a run split with --shard, as one report.
import { MergeError, mergedText, mergeShards } from '../report/merge.js'
import { type Cli, declared } from './command.js'
import { EXIT } from './io.js'
import { writeOutput } from './junit.js'
import { readReports } from './summary.js'

export function defineMerge(cli: Cli) {
  const cmd = cli
    .command('merge')
    .summary('One report from the shards of a run (watchq run --shard i/n)')
    .description(
      `Joins the reports of a run split across machines with --shard i/n into the report one unsharded
run would have written: every result in case-id order, the counts summed. Refuses, saying why,
reports cut short or stopped early, reports that are not shards, shards of different
implementations or selections of cases, a shard given twice or missing, and a case in two shards.`,
    )
    .argument('<REPORT...>', 'The shards’ reports, in any order')
    .option('-o, --output <file>', 'Write the merged report to FILE (default: standard output)')
    .addHelpText(
      'after',
      `
Exit codes: 0 merged, 1 the shards cannot be merged (each reason on a line) or a report cannot
be read, 2 usage error. summary, html, junit, ktap and tap read the merged report as any other.

Example:
  watchq merge shard-*.jsonl -o report.jsonl && watchq html report.jsonl -o report.html`,
    )
    .action(
      cli.exits((paths, { output }) => {
        const reports = readReports(paths, 'merge', cli.io)
        if (!reports) return EXIT.failed
        let text: string
        try {
          text = mergedText(mergeShards(reports))
        } catch (e) {
          if (!(e instanceof MergeError)) throw e
          for (const p of e.problems) cli.io.err(`watchq merge: ${p}`)
          return EXIT.failed
        }
        return writeOutput(text.trimEnd(), output, 'merge', cli.io)
      }),
    )
  return declared(cmd)
}
