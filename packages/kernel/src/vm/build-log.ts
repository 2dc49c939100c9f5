// One log file for a whole kernel build: every command's output goes into it (never into memory
// beyond a small tail), and a failure quotes the tail.
import { spawn } from 'node:child_process'
import { appendFileSync, closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs'
import { track, untrack } from '../process/reaper.js'

/** How much of the log's end a failure quotes. */
const TAIL_BYTES = 4096

export class BuildLog {
  constructor(readonly path: string) {
    writeFileSync(path, '')
  }

  note(line: string): void {
    appendFileSync(this.path, `${line}\n`)
  }

  /** Runs a command with its output appended to the log; rejects with the log's tail if it fails. */
  run(
    command: string,
    args: readonly string[],
    options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
  ): Promise<void> {
    this.note(`$ ${[command, ...args].join(' ')}`)
    const fd = openSync(this.path, 'a')
    return new Promise<void>((resolve, reject) => {
      // Its own process group, killed if we exit first: a make -j must not outlive an interrupted run.
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
      if (child.pid !== undefined) track(child.pid)
      let partial = ''
      const onData = (chunk: Buffer): void => {
        appendFileSync(fd, chunk)
        if (!options.onLine) return
        const text = partial + chunk.toString('utf8')
        const lines = text.split('\n')
        partial = lines.pop() ?? ''
        for (const line of lines) options.onLine(line)
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.once('error', (e) => {
        closeSync(fd)
        reject(new Error(`cannot run ${command}: ${e.message}`))
      })
      child.once('close', (code, signal) => {
        if (child.pid !== undefined) untrack(child.pid)
        closeSync(fd)
        if (code === 0) resolve()
        else {
          const status = signal ? `signal ${signal}` : `exit ${code}`
          reject(new Error(`${command} ${args.join(' ')} failed (${status}); the end of ${this.path}:\n${this.tail()}`))
        }
      })
    })
  }

  /** The last few KiB of the log. */
  tail(bytes = TAIL_BYTES): string {
    const size = statSync(this.path).size
    const start = Math.max(0, size - bytes)
    const buffer = Buffer.alloc(size - start)
    const fd = openSync(this.path, 'r')
    try {
      readSync(fd, buffer, 0, buffer.length, start)
    } finally {
      closeSync(fd)
    }
    const text = buffer.toString('utf8')
    // Start at a line boundary when cut.
    return start > 0 ? text.slice(text.indexOf('\n') + 1) : text
  }
}
