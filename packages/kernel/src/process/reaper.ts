// Child processes (adapters, QEMU, kernel builds) must never outlive us: every live one is killed
// with its process group when this process exits. 'exit' is not emitted when a signal kills the
// process, so while children live the usual signals are caught too, the children killed, and the
// signal then takes its course.
const live = new Set<number>()
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** Kills every tracked child process group still running. */
export function killLiveChildren(): void {
  for (const pid of live) killGroup(pid)
  live.clear()
  unhook()
}

export function track(pid: number): void {
  if (live.size === 0) {
    process.on('exit', killLiveChildren)
    for (const s of SIGNALS) process.on(s, onSignal)
  }
  live.add(pid)
}

export function untrack(pid: number): void {
  if (live.delete(pid) && live.size === 0) unhook()
}

function onSignal(signal: NodeJS.Signals): void {
  killLiveChildren()
  // Nobody else handles it: let it take its usual course.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

function unhook(): void {
  process.removeListener('exit', killLiveChildren)
  for (const s of SIGNALS) process.removeListener(s, onSignal)
}
