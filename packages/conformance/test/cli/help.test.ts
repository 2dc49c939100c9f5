// Every command's help is generated from what it declares, so it cannot drift from its options:
// this walks the whole command tree and holds each --help to every option, argument and
// subcommand the command declares, a description and its exit codes; and an unknown option on
// any command is one line of usage error with exit 2.
import type { CommandUnknownOpts } from '@commander-js/extra-typings'
import { describe, expect, it } from 'vitest'
import { Cli } from '../../src/cli/command.js'
import { HELP, program } from '../../src/cli/main.js'
import { VERSION } from '../../src/version.js'
import { run } from '../support/run.js'

const silent = { out: () => {}, err: () => {}, stdin: async function* () {}, stdinIsTTY: true }

/** Every command under (and with) the root, as the words that name it: [], ['run'], ['spec', 'show'], … */
function commands(cmd: CommandUnknownOpts, path: string[] = []): { path: string[]; cmd: CommandUnknownOpts }[] {
  return [{ path, cmd }, ...cmd.commands.flatMap((c) => commands(c, [...path, c.name()]))]
}

const ALL = commands(program(new Cli(silent)))
const name = (path: string[]) => ['watchq', ...path].join(' ')

describe('every command', () => {
  it('is there: the tree has the commands of watchq', () => {
    expect(ALL.map(({ path }) => path.join(' '))).toEqual(
      expect.arrayContaining(['', 'run', 'capture', 'decode', 'spec show', 'kernel build', 'generate records']),
    )
    expect(ALL.length).toBeGreaterThan(15)
  })

  it.each(ALL.map(({ path, cmd }) => [name(path), path, cmd] as const))(
    '%s --help names every option, argument and subcommand it declares',
    async (_, path, cmd) => {
      const r = await run([...path, '--help'])
      expect(r).toMatchObject({ code: 0, err: '' })
      expect(r.out).toMatch(new RegExp(`^Usage: ${name(path)} `))
      expect(cmd.description().length).toBeGreaterThan(20)
      expect(r.out).toContain(cmd.description().split('\n')[0])
      const options = [...cmd.options, cmd.createHelp().visibleOptions(cmd).at(-1)!]
      for (const option of options)
        expect(r.out, option.flags).toMatch(new RegExp(`^ {2}${literal(option.flags)}`, 'm'))
      for (const arg of cmd.registeredArguments)
        expect(r.out, arg.name()).toMatch(new RegExp(`^ {2}${arg.name()} `, 'm'))
      for (const sub of cmd.commands) expect(r.out, sub.name()).toMatch(new RegExp(`^ {2}${sub.name()}\\b`, 'm'))
      expect(r.out).toContain('Exit codes: 0 ')
    },
  )

  it.each(ALL.map(({ path }) => [name(path), path] as const))(
    '%s --help names only commands that exist when it quotes one ("watchq …")',
    async (_, path) => {
      const known = new Set(ALL.map((c) => c.path.join(' ')))
      const r = await run([...path, '--help'])
      for (const [, words] of r.out.matchAll(/"watchq ([a-z][a-z-]*(?: [a-z][a-z-]*)*)/g)) {
        // The words that name commands; past a command with subcommands, the next word must be one.
        const parts = words!.split(' ')
        // "watchq conformance reports" is a title, not a command: check what starts with one.
        if (!known.has(parts[0]!)) continue
        const longest = parts.map((_w, i) => parts.slice(0, i + 1).join(' ')).filter((p) => known.has(p))
        expect(longest.length, `"watchq ${words}" in ${name(path)} --help`).toBeGreaterThan(0)
        const cmd = ALL.find((c) => c.path.join(' ') === longest.at(-1))!.cmd
        const next = parts[longest.length]
        if (cmd.commands.length && next !== undefined)
          expect(known.has(`${longest.at(-1)} ${next}`), `"watchq ${words}" in ${name(path)} --help`).toBe(true)
      }
    },
  )

  it.each(ALL.map(({ path }) => [name(path), path] as const))(
    '%s --bogus-option is one line of usage error, exit 2',
    async (_, path) => {
      const r = await run([...path, '--bogus-option'])
      expect(r).toEqual({
        code: 2,
        out: '',
        err: `watchq: unknown option "--bogus-option"; see "${name(path)} --help"\n`,
      })
    },
  )
})

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('watchq', () => {
  it('exports its help as HELP, as --help prints it', async () => {
    expect((await run(['--help'])).out).toBe(HELP)
    expect(HELP).toMatch(/^Usage: watchq \[options\] \[command\]\n/)
  })

  it('prints its version with -V and --version', async () => {
    expect(await run(['-V'])).toEqual({ code: 0, out: `${VERSION}\n`, err: '' })
    expect(await run(['--version'])).toEqual({ code: 0, out: `${VERSION}\n`, err: '' })
  })

  it('shows a command help with "help <command>", and its usage (exit 2) for a group without subcommand', async () => {
    expect(await run(['help', 'decode'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Usage: watchq decode /),
    })
    expect(await run(['spec'])).toMatchObject({ code: 2, out: expect.stringMatching(/^Usage: watchq spec /) })
  })

  it.each([
    [['run', '--jbos', '2'], 'unknown option "--jbos" (did you mean --jobs?); see "watchq run --help"'],
    [['run', '--impl'], 'option "--impl <impl>" argument missing; see "watchq run --help"'],
    [
      ['decode', 'a', 'b'],
      'too many arguments for "decode". Expected 1 argument but got 2; see "watchq decode --help"',
    ],
    [['run', '--jobs', 'many'], '--jobs must be an integer ≥ 1, not "many"'],
    [['decode', '--format', 'xml'], 'unknown --format "xml"; expected one of json, keyutils, sample, table'],
    [['frobnicate'], 'unknown command "frobnicate"; see "watchq --help"'],
  ])('usage errors are one line, exit 2: %j', async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 2, out: '', err: `watchq: ${message}\n` })
  })
})
