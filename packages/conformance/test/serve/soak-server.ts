// The daemon of the soak test (soak.test.ts), in a process of its own so that its memory can be
// read from /proc: the simulator served on a Unix socket and on loopback TCP with serve()'s default
// bounds (the same as `watchq serve`'s). It prints its addresses as one JSON line, then, for each
// "stats" line on standard input, both servers' accounting; it stops when standard input ends.
//   node --conditions=@watchq/source --import tsx soak-server.ts SOCKET_PATH IDLE_TIMEOUT_MS
import { createInterface } from 'node:readline'
import { SIM_PROFILES, serve, simulator } from '@watchq/sim'

const [path, idle] = process.argv.slice(2)
const profile = SIM_PROFILES['x86_64-6.12']!
const common = { implementation: () => simulator(profile), idleTimeoutMs: Number(idle) }
const servers = [
  await serve({ listen: { kind: 'unix', path: path! }, ...common }),
  await serve({ listen: { kind: 'tcp', host: '127.0.0.1', port: 0 }, ...common }),
]
process.stdout.write(`${JSON.stringify({ addresses: servers.map((s) => s.address) })}\n`)
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stats') process.stdout.write(`${JSON.stringify(servers.map((s) => s.stats()))}\n`)
}
await Promise.all(servers.map((s) => s.close()))
