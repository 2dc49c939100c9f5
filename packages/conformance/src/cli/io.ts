// What a command may touch: its output streams and standard input. Commands return an exit code
// and never call process.exit, so tests run them in-process with fake streams.
import { whenDrained } from './drain.js'
export interface Io {
  out(text: string): void
  err(text: string): void
  /** Standard input as chunks. */
  stdin(): AsyncIterable<Uint8Array>
  /** Whether standard input is a terminal (nobody is piping bytes in). */
  readonly stdinIsTTY: boolean
  /** Binary output on standard output (commands that write bytes need it; test doubles may omit it). */
  outBytes?(bytes: Uint8Array): void
  /** Whether standard output is a terminal (no place for binary output). */
  readonly stdoutIsTTY?: boolean
  /**
   * Resolves at once while standard output's buffer has room, else once it has drained (or
   * closed): a command that writes as fast as it reads waits on it. Test doubles may omit it.
   */
  drain?(): Promise<void>
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  stdin: () => process.stdin,
  get stdinIsTTY() {
    return Boolean(process.stdin.isTTY)
  },
  outBytes: (b) => process.stdout.write(b),
  get stdoutIsTTY() {
    return Boolean(process.stdout.isTTY)
  },
  drain: () => whenDrained(process.stdout),
}

/**
 * Exit codes shared by every command: 1 also for the environment (a file that cannot be read or
 * written, a socket path taken); 70 only for a bug in watchq (an error nobody anticipated).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const

export class UsageError extends Error {}
