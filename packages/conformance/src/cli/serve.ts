// `watchq serve`: the simulator as a daemon, for implementations of the runner in other languages,
// or to run the suite against it over a socket. Runs until interrupted.
import { isLoopback, parseListen, SIM_PROFILES, serve, simulator } from '@watchq/sim'
import { type Cli, declared, runAlone } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'
import { choiceOption, integer } from './values.js'

export function defineServe(cli: Cli, until?: Promise<void>) {
  const profiles = Object.keys(SIM_PROFILES)
  const cmd = cli
    .command('serve')
    .summary('The simulator as a daemon on a Unix socket (0600) or loopback TCP')
    .description(
      `Serves the reference simulator over adapter protocol v1 (JSON lines). Each connection gets its own
simulated kernel; a client cannot see or disturb another's state. Runs until interrupted (Ctrl-C).`,
    )
    .option('--listen <where>', 'Where to listen (required; see Listening below)')
    .addOption(
      choiceOption(
        '--profile <P>',
        'The simulated kernel',
        profiles,
        (v) => `unknown --profile "${v}"; known: ${profiles.join(', ')}`,
      ).default('x86_64-6.12'),
    )
    .option('--max-connections <N>', 'Refuse more concurrent clients than this', integer('max-connections', 1), 64)
    .addHelpText(
      'after',
      `
Listening (--listen):
  unix:PATH      A Unix socket, created with mode 0600 (only this user can connect)
  tcp:PORT       TCP on 127.0.0.1 (loopback only)
  tcp:HOST:PORT  TCP on HOST; anything but loopback is reachable from the network — say so on purpose

Then: watchq run --impl unix:PATH (or tcp:HOST:PORT).

Exit codes: 0 stopped by SIGINT or SIGTERM, 1 the socket cannot be listened on, 2 usage error.`,
    )
    .action(cli.exits((options) => serveSimulator(options, cli.io, until)))
  return declared(cmd)
}

/** `watchq serve ARGV…` on its own, until `until` settles (or a signal); usage errors are thrown. */
export const serveCommand = (argv: readonly string[], io: Io, until?: Promise<void>) =>
  runAlone((cli) => defineServe(cli, until), argv, io)

async function serveSimulator(
  values: { listen?: string | undefined; profile: string; maxConnections: number },
  io: Io,
  until: Promise<void> | undefined,
): Promise<number> {
  if (!values.listen) throw new UsageError('--listen is required; see "watchq serve --help"')
  let listen: ReturnType<typeof parseListen>
  try {
    listen = parseListen(values.listen)
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const name = values.profile
  const profile = SIM_PROFILES[name]!
  const max = values.maxConnections
  let server: Awaited<ReturnType<typeof serve>>
  try {
    server = await serve({ listen, implementation: () => simulator(profile), maxConnections: max })
  } catch (e) {
    io.err(`watchq serve: cannot listen on ${values.listen}: ${(e as Error).message}`)
    return EXIT.failed
  }
  const exposed = listen.kind === 'tcp' && !isLoopback(listen.host)
  io.err(
    `watchq serve: the simulator (${name}) listening on ${server.address}` +
      (listen.kind === 'unix'
        ? ' (mode 0600)'
        : exposed
          ? ' — NOT loopback: reachable from the network'
          : ' (loopback only)'),
  )
  // Ends on SIGINT/SIGTERM, or when the caller's promise settles (tests).
  await (until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    }))
  await server.close()
  return EXIT.ok
}
