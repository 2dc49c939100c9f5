// `watchq serve`: the simulator as a daemon, for implementations of the runner in other languages,
// or to run the suite against it over a socket. Runs until interrupted.
import { parseArgs } from 'node:util'
import { isLoopback, parseListen, SIM_PROFILES, serve, simulator } from '@watchq/sim'
import { EXIT, type Io, UsageError } from './io.js'

export const SERVE_HELP = `Usage: watchq serve --listen unix:PATH|tcp:PORT|tcp:HOST:PORT [--profile P] [--max-connections N]

Serves the reference simulator over adapter protocol v1 (JSON lines). Each connection gets its own
simulated kernel; a client cannot see or disturb another's state.

  --listen unix:PATH       A Unix socket, created with mode 0600 (only this user can connect)
  --listen tcp:PORT        TCP on 127.0.0.1 (loopback only)
  --listen tcp:HOST:PORT   TCP on HOST; anything but loopback is reachable from the network — say so on purpose
  --profile P              Simulated kernel: ${Object.keys(SIM_PROFILES).join(', ')} (default x86_64-6.12)
  --max-connections N      Refuse more concurrent clients than this (default 64)

Then: watchq run --impl unix:PATH (or tcp:HOST:PORT). Stop with Ctrl-C.
`

export async function serveCommand(argv: string[], io: Io, until?: Promise<void>): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      listen: { type: 'string' },
      profile: { type: 'string' },
      'max-connections': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(SERVE_HELP)
    return EXIT.ok
  }
  if (!values.listen) throw new UsageError('--listen is required; see "watchq serve --help"')
  let listen: ReturnType<typeof parseListen>
  try {
    listen = parseListen(values.listen)
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const name = values.profile ?? 'x86_64-6.12'
  const profile = SIM_PROFILES[name]
  if (!profile) throw new UsageError(`unknown --profile "${name}"; known: ${Object.keys(SIM_PROFILES).join(', ')}`)
  const max = values['max-connections'] === undefined ? 64 : Number(values['max-connections'])
  if (!(Number.isInteger(max) && max > 0)) throw new UsageError('--max-connections must be a positive integer')
  const server = await serve({ listen, implementation: () => simulator(profile), maxConnections: max })
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
