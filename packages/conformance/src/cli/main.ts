// `watchq`: one entry point, subcommands wired here and nowhere else.

import { VERSION } from '../version.js'
import { agentCommand } from './agent.js'
import { captureCommand } from './capture.js'
import { checkDecoderCommand } from './check-decoder.js'
import { decodeCommand } from './decode.js'
import { fuzzCommand } from './fuzz.js'
import { generateCommand } from './generate.js'
import { htmlCommand } from './html.js'
import { EXIT, type Io, processIo, UsageError } from './io.js'
import { junitCommand } from './junit.js'
import { kernelCommand } from './kernel.js'
import { runCommand } from './run.js'
import { serveCommand } from './serve.js'
import { specCommand } from './spec.js'
import { summaryCommand } from './summary.js'

export { VERSION }

export const HELP = `Usage: watchq <command> [options]

Specification, conformance suite and reference decoder for Linux's general notification queue
(watch_queue: pipe2(O_NOTIFICATION_PIPE), IOC_WATCH_QUEUE_SET_SIZE/SET_FILTER, KEYCTL_WATCH_KEY).

Commands:
  run         Run conformance cases against an implementation (default: the simulator); writes a report
  serve       The simulator as a daemon on a Unix socket (0600) or loopback TCP
  capture     Run cases and keep what the implementation did as captures (fixtures with provenance)
  fuzz        Random programs on two implementations (default sim vs vm:6.12); shrinks a divergence
  generate    Seeded random record streams of any revision (bytes, hex, or the JSON a decoder must print)
  check-decoder  Generated record streams through decoders (ours, or any over the decoder protocol)
  kernel      Build test kernels (Debian linux-source 6.1/6.12, x86_64 or s390x) for --impl vm:…
  agent       Build the static kernel agent for an arch (x86_64, i386, aarch64, s390x, ppc64, mips, riscv64)
  summary     Counts and unexpected results of one or more reports (pretty, markdown, json)
  junit       A report as JUnit XML, for CI
  html        Several reports side by side as one static HTML page
  decode      Decode notification records (binary or hex) to JSON, keyutils or kernel-sample lines
  spec        The UAPI specification: revisions, struct layouts, C headers, JSON Schemas

Options:
  -h, --help     Show this help (also: watchq <command> --help)
  -V, --version  Print the version

Exit codes: 0 success, 1 failure, 2 usage error.
`

const COMMANDS: Record<string, (argv: string[], io: Io) => number | Promise<number>> = {
  agent: agentCommand,
  capture: captureCommand,
  'check-decoder': checkDecoderCommand,
  decode: decodeCommand,
  fuzz: fuzzCommand,
  generate: generateCommand,
  html: htmlCommand,
  junit: junitCommand,
  kernel: kernelCommand,
  run: runCommand,
  serve: (argv, io) => serveCommand(argv, io),
  spec: specCommand,
  summary: summaryCommand,
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      io.out(HELP)
      return command ? EXIT.ok : EXIT.usage
    }
    if (command === '-V' || command === '--version') {
      io.out(VERSION)
      return EXIT.ok
    }
    const run = COMMANDS[command]
    if (!run) throw new UsageError(`unknown command "${command}"; see "watchq --help"`)
    return await run(rest, io)
  } catch (e) {
    // parseArgs reports unknown options with a TypeError carrying this code.
    const code = (e as { code?: string }).code
    if (e instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`watchq: ${(e as Error).message}`)
      return EXIT.usage
    }
    throw e
  }
}
