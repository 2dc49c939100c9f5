// What a command may touch: its output streams. Commands return an exit code and never call
// process.exit, so tests run them in-process.
export interface Io {
  out(text: string): void
  err(text: string): void
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

export class UsageError extends Error {}
