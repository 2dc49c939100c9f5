// The one exec helper: a command run to its end (apt-get, dpkg, a compiler) gives its exit status
// and output, never an exception, so that callers can say in one paragraph what failed.
import { execFile } from 'node:child_process'

export interface ExecResult {
  /** Exit status; 127 when the command could not be started (the reason is in stderr). */
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export function exec(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0
      const why = error && typeof error.code !== 'number' ? `${error.message}\n` : ''
      resolve({ code, stdout: String(stdout), stderr: why + String(stderr) })
    })
  })
}

/** The last three lines a command wrote (stderr, else stdout), joined with " / ": for messages. */
export const lastLines = (r: ExecResult): string =>
  (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' / ')
