// `watchq`: one entry point, subcommands wired here and nowhere else. Each command declares its
// options and arguments (see command.ts); commander writes every usage and help text from them.

import type { CommandUnknownOpts } from '@commander-js/extra-typings'
import { describeSystemError, EnvironmentError, isSystemError } from '../errors/environment-error.js'
import { VERSION } from '../version.js'
import { defineAgent } from './agent.js'
import { defineCapture } from './capture.js'
import { defineCheckDecoder } from './check-decoder.js'
import { Cli, declared, helpLayout } from './command.js'
import { defineDecode } from './decode.js'
import { defineFuzz } from './fuzz.js'
import { defineGenerate } from './generate.js'
import { defineHtml } from './html.js'
import { EXIT, type Io, processIo, UsageError } from './io.js'
import { defineJunit } from './junit.js'
import { defineKernel } from './kernel.js'
import { defineMerge } from './merge.js'
import { defineRun } from './run.js'
import { defineServe } from './serve.js'
import { defineSpec } from './spec.js'
import { defineSummary } from './summary.js'
import { defineKtap, defineTap } from './tap.js'

export { VERSION }

/** The commands, in the order `watchq --help` lists them. */
const COMMANDS: readonly ((cli: Cli) => CommandUnknownOpts)[] = [
  defineRun,
  defineServe,
  defineCapture,
  defineFuzz,
  defineGenerate,
  defineCheckDecoder,
  defineKernel,
  defineAgent,
  defineSummary,
  defineJunit,
  defineKtap,
  defineMerge,
  defineTap,
  defineHtml,
  defineDecode,
  defineSpec,
]

/** The whole command tree, writing through `cli`. */
export function program(cli: Cli): CommandUnknownOpts {
  const root = cli
    .command('watchq')
    .description(
      `Specification, conformance suite and reference decoder for Linux's general notification queue
(watch_queue: pipe2(O_NOTIFICATION_PIPE), IOC_WATCH_QUEUE_SET_SIZE/SET_FILTER, KEYCTL_WATCH_KEY).`,
    )
    .configureHelp(helpLayout({ namesOnly: true }))
    .version(VERSION, '-V, --version', 'Print the version')
    .helpCommand('help [command]', 'Show the help of a command (as: watchq <command> --help)')
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 failure (also a file, device or socket in the way), 2 usage error, 70 a bug in watchq.',
    )
  for (const define of COMMANDS) root.addCommand(define(cli))
  return declared(root)
}

/** `watchq --help`, as the program prints it. */
export const HELP: string = (() => {
  let text = ''
  const cli = new Cli({
    out: (t) => {
      text += `${t}\n`
    },
    err: () => {},
    stdin: async function* () {},
    stdinIsTTY: true,
  })
  program(cli).outputHelp()
  return text
})()

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const cli = new Cli(io)
  try {
    return await cli.run(program(cli), argv)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`watchq: ${(e as Error).message}`)
      return EXIT.usage
    }
    if (e instanceof EnvironmentError) {
      io.err(`watchq: ${e.message}`)
      return EXIT.failed
    }
    // A system call that failed where no command expected it (EIO, ELOOP, ENOSPC…) is still the
    // environment's doing, not a bug: one line naming the call and the path.
    if (isSystemError(e)) {
      io.err(`watchq: ${describeSystemError(e)}`)
      return EXIT.failed
    }
    throw e
  }
}
