// Loading cases: ids from paths, and every kind of bad file rejected with its file, JSON path and
// what was expected — before anything runs.
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCases } from '../../src/cases/load.js'

const F = join(import.meta.dirname, 'fixtures')

describe('loadCases', () => {
  it('loads a directory of cases with ids relative to the cases/ directory', () => {
    const { cases, problems } = loadCases([join(F, 'good')])
    expect(problems).toEqual([])
    expect(cases.map((c) => c.id)).toEqual(['keys/update', 'pipe-einval'])
    expect(cases[0]!.case.steps).toHaveLength(6)
  })

  it('gives the same id whether a file or its directory is named', () => {
    const { cases } = loadCases([join(F, 'good/cases/keys/update.json')])
    expect(cases.map((c) => c.id)).toEqual(['keys/update'])
  })

  it('rejects duplicate ids', () => {
    const { problems } = loadCases([join(F, 'good'), join(F, 'good/cases/pipe-einval.json')])
    expect(problems).toEqual([expect.stringMatching(/pipe-einval\.json: id "pipe-einval" is also the id of /)])
  })

  it('names the file, the JSON path and what was expected for each bad file', () => {
    const { cases, problems } = loadCases([join(F, 'bad')])
    expect(cases).toEqual([])
    const by = (name: string) => problems.find((p) => p.includes(`${name}.json`)) ?? ''
    expect(by('syntax')).toMatch(/syntax\.json: not valid:\n {2}at line 2, column \d+: /)
    expect(by('unknown-op')).toContain('at /steps/0/op: unknown op "pipe3"; known: pipe2, close,')
    expect(by('bad-arg')).toContain('at /steps/0/extra: is not allowed here')
    expect(by('bad-arg')).toContain(`at /steps/0/fd: must be an integer or a handle like $name (found "r")`)
    expect(by('unbound')).toContain('at /steps/0/key: handle $k is used before any step binds it')
    expect(by('unbound')).toContain('at /steps/1/expect: an outcome cannot expect both an errno and a result')
    expect(by('no-steps')).toContain('at /steps: must NOT have fewer than 1 items')
    expect(by('no-steps')).toContain('at /description: must NOT have fewer than 1 characters')
    expect(problems).toHaveLength(5)
  })

  it('reports a missing path', () => {
    expect(loadCases([join(F, 'nope')]).problems).toEqual([`${join(F, 'nope')}: ENOENT (no such file or directory)`])
  })

  it('reports links that lead nowhere, link loops and links back up as problems, and still loads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-links-'))
    mkdirSync(join(dir, 'a'))
    copyFileSync(join(F, 'good/cases/pipe-einval.json'), join(dir, 'a/ok.json'))
    symlinkSync('nowhere', join(dir, 'a/dangling.json'))
    symlinkSync('..', join(dir, 'a/up'))
    symlinkSync('l2', join(dir, 'l1'))
    symlinkSync('l1', join(dir, 'l2'))
    const { cases, problems } = loadCases([dir])
    expect(cases.map((c) => c.id)).toEqual(['a/ok'])
    expect(problems).toEqual([
      `${join(dir, 'a/dangling.json')}: a symbolic link that leads nowhere: ENOENT (no such file or directory)`,
      expect.stringMatching(
        new RegExp(`^${join(dir, 'a/up')}: a symbolic link back to .*, which is already being read; skipped$`),
      ),
      `${join(dir, 'l1')}: a symbolic link that leads nowhere: ELOOP (too many symbolic links encountered)`,
      `${join(dir, 'l2')}: a symbolic link that leads nowhere: ELOOP (too many symbolic links encountered)`,
    ])
  })
})
