// The CI examples of docs/ci.md are files that work: the GitHub Actions workflow passes
// action-validator (GitHub's workflow schema, from npm), the Kubernetes Jobs are Indexed Jobs whose
// shard count is the one watchq is given, and every watchq command either of them runs names a
// command and options that exist, with one merge per kernel over every shard.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { run } from '../support/run.js'

const DOCS = join(import.meta.dirname, '../../../../docs')
const workflowText = readFileSync(join(DOCS, 'ci/github-actions.yml'), 'utf8')
const jobText = readFileSync(join(DOCS, 'ci/kubernetes-job.yaml'), 'utf8')

/** Every `watchq …` invocation in a text (folded lines joined), as its words up to a shell operator. */
function watchqCommands(text: string): string[][] {
  const joined = text.replace(/\n\s+(?=--|-o |\/reports)/g, ' ')
  return [...joined.matchAll(/npx watchq ([^\n|&;>]+)/g)].map((m) => m[1]!.trim().split(/\s+/))
}

async function checkCommand(words: string[]): Promise<void> {
  const [command, ...rest] = words
  const help = await run([command!, '--help'])
  expect(help.code, `watchq ${command} exists`).toBe(0)
  for (const w of rest.filter((x) => x.startsWith('-'))) {
    const flag = w.split('=')[0]!
    expect(help.out, `watchq ${command} has ${flag}`).toMatch(new RegExp(`^\\s+(?:-\\w, )?${flag}\\b`, 'm'))
  }
}

describe('docs/ci/github-actions.yml', () => {
  it('is a valid workflow for action-validator', () => {
    const state = validateWorkflow(workflowText)
    expect(state.errors).toEqual([])
  })

  it('runs a shard per matrix entry of the count it declares, and merges each kernel over them', async () => {
    const [doc] = parseAllDocuments(workflowText).map((d) => d.toJS())
    const matrix = doc.jobs.suite.strategy.matrix
    expect(matrix.shard).toEqual(Array.from({ length: Number(doc.env.SHARDS) }, (_, i) => i + 1))
    const commands = watchqCommands(workflowText)
    expect(commands.map((c) => c[0])).toEqual(['run', 'merge', 'html', 'junit', 'summary'])
    for (const c of commands) await checkCommand(c)
    const script: string = doc.jobs.merge.steps.find((s: { run?: string }) => s.run?.includes('watchq merge')).run
    expect(script).toContain(`for kernel in ${matrix.kernel.join(' ')}; do`)
  })
})

describe('docs/ci/kubernetes-job.yaml', () => {
  it('is an Indexed Job whose completions are the shards watchq is told of, and a merge of every shard', async () => {
    const [shards, merge] = parseAllDocuments(jobText).map((d) => d.toJS())
    expect(shards).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } })
    const n = shards.spec.completions
    const [runCmd, mergeCmd, htmlCmd] = watchqCommands(jobText)
    expect(runCmd).toContain(`env/${n}`)
    for (const c of [runCmd!, mergeCmd!, htmlCmd!]) await checkCommand(c)
    // JOB_COMPLETION_INDEX counts from 0: shard-0 … shard-(n-1), all merged.
    expect(mergeCmd!.filter((w) => w.startsWith('/reports/shard-'))).toEqual(
      Array.from({ length: n }, (_, i) => `/reports/shard-${i}.jsonl`),
    )
    expect(merge).toMatchObject({ kind: 'Job' })
  })
})
