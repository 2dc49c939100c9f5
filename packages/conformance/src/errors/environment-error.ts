// Errors of the environment rather than of watchq: a path that cannot be read or written, a
// device that refuses a write, a socket path taken. Commands turn them into one line and exit 1;
// only what nobody anticipated is an internal error (exit 70).
/** Something outside watchq stood in the way (a path, a device, a socket): one line, exit 1. */
export class EnvironmentError extends Error {}

/** A system call's failure (Node's errors carry code, syscall and often path). */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string; syscall: string } {
  return (
    e instanceof Error &&
    typeof (e as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code!) &&
    typeof (e as NodeJS.ErrnoException).syscall === 'string'
  )
}

/**
 * One line for a system error: what we were doing, the path, the errno name and its text
 * ("cannot write the report /dev/full: ENOSPC (no space left on device)").
 */
export function describeSystemError(e: NodeJS.ErrnoException, doing?: string, path?: string): string {
  const where = path ?? e.path ?? (e as { dest?: string }).dest
  const head = doing
    ? `${doing}${where !== undefined ? ` ${where}` : ''}`
    : `${e.syscall ?? 'system call'} ${where ?? ''}`.trim()
  return `${head}: ${errnoText(e)}`
}

/** "ELOOP (too many symbolic links encountered)" for a system error; the message of anything else. */
export function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException
  if (!(e instanceof Error) || typeof err.code !== 'string') return String(e instanceof Error ? e.message : e)
  const text = (err.message.split(': ')[1] ?? err.message).split(',')[0]!.trim()
  return `${err.code} (${text.toLowerCase()})`
}

/** `e` as an EnvironmentError saying what we were doing, if it is a system error; else `e` itself. */
export function asEnvironmentError(e: unknown, doing: string, path?: string): unknown {
  return isSystemError(e) ? new EnvironmentError(describeSystemError(e, doing, path)) : e
}
