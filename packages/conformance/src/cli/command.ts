// How every watchq command is declared and run. commander (typed by @commander-js/extra-typings)
// writes the usage and help of each command from the options, arguments and subcommands it
// declares, so no list of options is written twice. Everything it prints goes through the Io; it
// never prints an error nor exits the process: a usage error becomes one UsageError (main prints it
// as "watchq: …" and exits 2), and an action's result is the exit code.
import { Command, CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings'
import { EXIT, type Io, UsageError } from './io.js'

/** Help is laid out for this width on any terminal, so what tests and READMEs show is what users see. */
const HELP_WIDTH = 100

/** One parse of a command line: the commands built for it, where they write, and its outcome. */
export class Cli {
  /** The command line as given (the report records it). */
  argv: readonly string[] = []
  /** What the action that ran returned. */
  private code: number = EXIT.ok
  /** Help went out because a command that needs a subcommand got none: a usage error. */
  private usageShown = false
  /** The command whose parse failed, for the hint in the error. */
  private failed: CommandUnknownOpts | undefined

  constructor(readonly io: Io) {}

  /** A command that writes through this Io and leaves errors and exit codes to `run`. */
  command(name: string) {
    const cmd = new Command(name)
    const write = (text: string) => this.io.out(text.endsWith('\n') ? text.slice(0, -1) : text)
    return cmd
      .exitOverride()
      .configureOutput({
        writeOut: write,
        // Only help reaches writeErr here (errors go to outputError): the usage a command shows when
        // its subcommand is missing, which goes to standard output like any help.
        writeErr: (text) => {
          this.usageShown = true
          write(text)
        },
        outputError: () => {
          this.failed = cmd as CommandUnknownOpts
        },
      })
      .configureHelp(helpLayout())
      .helpOption('-h, --help', 'Show this help')
  }

  /** An action whose result is the exit code (commander's actions return nothing). */
  exits<A extends unknown[]>(fn: (...args: A) => number | Promise<number>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      this.code = await fn(...args)
    }
  }

  /** Parses `argv` (no program name) with `root` and runs the action it selects. */
  async run(root: CommandUnknownOpts, argv: readonly string[]): Promise<number> {
    this.argv = argv
    try {
      await root.parseAsync([...argv], { from: 'user' })
    } catch (e) {
      if (!(e instanceof CommanderError)) throw e
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok
      if (e.code === 'commander.help') return this.usageShown ? EXIT.usage : EXIT.ok
      throw new UsageError(`${usageMessage(e.message)}; see "${commandPath(this.failed ?? root)} --help"`)
    }
    return this.code
  }
}

/**
 * A declared command as its parent holds it. Its option and argument types served its action and
 * are not needed past it; checking that a fully typed command is a CommandUnknownOpts costs the
 * type checker seconds per command, so the types are dropped here instead.
 */
export const declared = (cmd: object): CommandUnknownOpts => cmd as CommandUnknownOpts

/**
 * Runs one command on its own, as `watchq <name> …` would (tests drive single commands so); usage
 * errors are thrown as UsageErrors.
 */
export function runAlone(define: (cli: Cli) => CommandUnknownOpts, argv: readonly string[], io: Io): Promise<number> {
  const cli = new Cli(io)
  const cmd = define(cli)
  return cli.run(cli.command('watchq').addCommand(cmd), [cmd.name(), ...argv])
}

/**
 * How help is laid out: at HELP_WIDTH, subcommands listed with their arguments ("show <revision>"),
 * or by name alone (`watchq --help`, where each command's own help shows its arguments).
 */
export function helpLayout({ namesOnly = false } = {}) {
  return {
    helpWidth: HELP_WIDTH,
    subcommandTerm: (cmd: CommandUnknownOpts) =>
      [
        cmd.name(),
        ...(namesOnly ? [] : cmd.registeredArguments).map((a) => {
          const name = `${a.name()}${a.variadic ? '...' : ''}`
          return a.required ? `<${name}>` : `[${name}]`
        }),
      ].join(' '),
  }
}

/** "watchq spec show" for the command `show` under `spec`. */
export function commandPath(cmd: CommandUnknownOpts): string {
  const names: string[] = []
  for (let c: CommandUnknownOpts | null = cmd; c; c = c.parent) names.unshift(c.name())
  if (names[0] !== 'watchq') names.unshift('watchq')
  return names.join(' ')
}

/**
 * commander's message on one line in watchq's style: no "error: " prefix, names in double quotes,
 * a suggestion in parentheses ("unknown option "--jbos" (did you mean --jobs?)").
 */
function usageMessage(message: string): string {
  return message
    .replace(/^error: /, '')
    .replace(/'([^']*)'/g, '"$1"')
    .replace(/\s*\n\s*\(Did you mean/g, ' (did you mean')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\.$/, '')
}
