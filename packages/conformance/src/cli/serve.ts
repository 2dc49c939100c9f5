// `watchq serve`: the simulator as a daemon, for implementations of the runner in other languages,
// or to run the suite against it over a socket. Runs until interrupted.
import {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_MAX_QUEUED_BYTES,
  DEFAULT_MAX_QUEUED_REQUESTS,
  DEFAULT_MAX_UNSENT_BYTES,
  isLoopback,
  parseListen,
  SIM_PROFILES,
  serve,
  simulator,
} from '@watchq/sim'
import { MAX_LINE_BYTES, MAX_TIMER_MS } from '@watchq/spec'
import { asEnvironmentError, EnvironmentError } from '../errors/environment-error.js'
import { type Cli, declared, runAlone } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'
import { choiceOption, integer } from './values.js'

/** What the daemon holds for its clients at most (the server's defaults); the help says the same. */
export const SERVE_BOUNDS = {
  maxConnections: DEFAULT_MAX_CONNECTIONS,
  idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_MS / 1000,
  maxQueuedBytes: DEFAULT_MAX_QUEUED_BYTES,
  maxQueuedRequests: DEFAULT_MAX_QUEUED_REQUESTS,
  maxUnsentBytes: DEFAULT_MAX_UNSENT_BYTES,
  maxBufferedBytes: DEFAULT_MAX_BUFFERED_BYTES,
} as const
/** Node's timers hold at most 2^31−1 ms; a longer timeout would fire at once. */
const MAX_IDLE_SECONDS = Math.floor(MAX_TIMER_MS / 1000)

/** --idle-timeout: seconds, fractions allowed, 0 for never. */
function seconds(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > MAX_IDLE_SECONDS)
    throw new UsageError(
      `--idle-timeout must be a number of seconds from 0 (never) to ${MAX_IDLE_SECONDS}, not "${value}"`,
    )
  return n
}

const mib = (n: number) => `${n / 2 ** 20} MiB`

export function defineServe(cli: Cli, until?: Promise<void>) {
  const profiles = Object.keys(SIM_PROFILES)
  const b = SERVE_BOUNDS
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
    .option(
      '--max-connections <N>',
      'Serve at most this many clients at once; more get one error line and are closed',
      integer('max-connections', 1),
      b.maxConnections,
    )
    .option(
      '--idle-timeout <seconds>',
      'Close a connection that neither sends nor reads for this long, or whose replies wait unread this long (0: never)',
      seconds,
      b.idleTimeoutSeconds,
    )
    .addHelpText(
      'after',
      `
Listening (--listen):
  unix:PATH      A Unix socket, created with mode 0600 (only this user can connect); at most 107
                 bytes of path. A stale socket nobody answers on is replaced; a live server's
                 socket, a file, a directory or a symbolic link at PATH is left alone (exit 1)
  tcp:PORT       TCP on 127.0.0.1 (loopback only)
  tcp:HOST:PORT  TCP on HOST; anything but loopback is reachable from the network — say so on purpose

Bounds (what one client, or all of them, can make the server hold):
  A request line is at most ${mib(MAX_LINE_BYTES)}; a longer one is answered with an error and dropped.
  Per connection, the server stops reading while ${mib(b.maxQueuedBytes)} of requests (or ${b.maxQueuedRequests} requests) wait
  to be answered, and stops reading and answering while ${mib(b.maxUnsentBytes)} of replies are unsent: a client
  that pipelines requests without reading its answers is not read until it does. A connection
  so holds about ${mib(b.maxQueuedBytes + b.maxUnsentBytes)}, plus at most one request and one reply (up to ${mib(MAX_LINE_BYTES)} each) in the
  making. All connections together: past ${mib(b.maxBufferedBytes)}, a connection holding more than its share
  (${mib(b.maxBufferedBytes)} / --max-connections) is not read, and a client is answered only once it has
  read every earlier reply. A connection silent both ways for --idle-timeout gets one error line
  and is closed, and one whose replies wait unread that long is closed, whatever it sends. A
  client beyond --max-connections gets one error line and is closed at once.

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
  values: { listen?: string | undefined; profile: string; maxConnections: number; idleTimeout: number },
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
  let server: Awaited<ReturnType<typeof serve>>
  try {
    server = await serve({
      listen,
      implementation: () => simulator(profile),
      maxConnections: values.maxConnections,
      idleTimeoutMs: Math.round(values.idleTimeout * 1000),
      maxQueuedBytes: SERVE_BOUNDS.maxQueuedBytes,
      maxQueuedRequests: SERVE_BOUNDS.maxQueuedRequests,
      maxUnsentBytes: SERVE_BOUNDS.maxUnsentBytes,
      maxBufferedBytes: SERVE_BOUNDS.maxBufferedBytes,
    })
  } catch (e) {
    // The path is taken (a live server, a file, a directory, a link) or the system refused.
    if (e instanceof Error && e.name === 'ListenError') throw new EnvironmentError(e.message)
    throw asEnvironmentError(e, 'cannot listen on', listen.kind === 'unix' ? listen.path : values.listen)
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
