// QEMU and kernel builds must never outlive the runner: every live one is killed (with its
// process group) when the runner exits, or is killed by one of the usual signals.
const live = new Set<number>()
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** Kills every QEMU and build step still running. */
export function killLiveVms(): void {
  for (const pid of live) killGroup(pid)
  live.clear()
  unhook()
}

export function track(pid: number): void {
  if (live.size === 0) {
    process.on('exit', killLiveVms)
    for (const s of SIGNALS) process.on(s, onSignal)
  }
  live.add(pid)
}

export function untrack(pid: number): void {
  if (live.delete(pid) && live.size === 0) unhook()
}

function onSignal(signal: NodeJS.Signals): void {
  killLiveVms()
  // Nobody else handles it: let it take its usual course.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

function unhook(): void {
  process.removeListener('exit', killLiveVms)
  for (const s of SIGNALS) process.removeListener(s, onSignal)
}
