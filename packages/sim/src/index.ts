// The reference simulator of watchq: an executable model of Linux's general notification queue
// (watch_queue) and the key operations that post to it, answering adapter protocol v1 in process.
//
// The model, one concept per file: the machine (kernel.ts: clock, users, keys by serial, bounds
// in limits.ts) runs each case as a fresh process (process.ts: fd table in files.ts, rlimit,
// session keyring). Pipes (pipe.ts) share pipe_read/pipe_write; a notification pipe adds its
// watch queue (watch-queue.ts: notes, sizing, posting and loss) and filter (filter.ts). Keys
// (keys.ts, keyrings.ts, permissions.ts, lookup.ts) post records (records.ts) through watches
// (watches.ts); the key garbage collector (gc.ts) is deferred work on the simulated clock
// (time.ts); serials come from a seeded generator (serials.ts). Every op is in ops/*.ts, and
// implementation.ts speaks the protocol. profile.ts holds what differs between 6.1 and 6.12,
// x86_64 and s390x, and page sizes.
export { DEFAULT_MAX_SCHEDULES, type Exploration, exploreSchedules, type ScheduledRun } from './explore.js'
export { helloInfo, SIM_NAME, type SimulatorOptions, simulator } from './implementation.js'
export { DEFAULT_PROFILE, endianOf, SIM_ARCHES, SIM_PROFILES, type SimArch, type SimProfile } from './profile.js'
export { type Choice, describeTrail, formatSchedule, parseSchedule } from './schedule.js'

/** The name of the default profile in SIM_PROFILES. */
export const DEFAULT_SIM_PROFILE = 'x86_64-6.12'
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_MAX_QUEUED_BYTES,
  DEFAULT_MAX_QUEUED_REQUESTS,
  DEFAULT_MAX_UNSENT_BYTES,
  isLoopback,
  type ListenAddress,
  ListenError,
  MAX_UNIX_PATH_BYTES,
  parseListen,
  type RunningServer,
  type ServeOptions,
  type ServeStats,
  serve,
} from './serve/server.js'
export { VERSION } from './version.js'
