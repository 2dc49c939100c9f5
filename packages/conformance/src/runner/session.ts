// One connection to an implementation, as the runner sees it: connect and say hello, send a case,
// turn whatever comes back into an outcome. A connection that crashed, timed out or spoke out of
// protocol is dropped; the next case reconnects and replays the hello (up to a shared limit).

import type { Connection, Connector } from '@watchq/spec'
import {
  HelloResponse,
  type ImplementationInfo,
  type Observation,
  PROTOCOL_VERSION,
  RunResponse,
  TransportError,
  type WireStep,
} from '@watchq/spec'
import { parseChecked } from '../cases/validate.js'

export type RunOutcome =
  | { readonly kind: 'observed'; readonly observations: Observation[] }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'errored'; readonly reason: string; readonly line?: string }
  | { readonly kind: 'timeout'; readonly reason: string }
  | { readonly kind: 'crash'; readonly reason: string }

/** Restarts allowed across all sessions of a run. */
export class RestartBudget {
  used = 0
  constructor(readonly limit: number) {}
}

const LINE_KEEP = 4096
const cut = (line: string) =>
  line.length > LINE_KEEP ? `${line.slice(0, LINE_KEEP)}… (${line.length} characters)` : line

export class Session {
  private conn: Connection | null = null
  private started = false
  info: ImplementationInfo | null = null
  /** Why the implementation cannot be used any more (restart limit, failed hello). */
  dead: string | null = null
  private stderr = ''
  private stopped = false

  constructor(
    private readonly connector: Connector,
    private readonly budget: RestartBudget,
    private readonly helloTimeoutMs: number,
  ) {}

  /** stderr collected since the last call. */
  takeStderr(): string {
    const s = this.stderr + (this.conn?.takeStderr() ?? '')
    this.stderr = ''
    return s
  }

  /** Connects and says hello; on failure `dead` says why. */
  async ensure(): Promise<boolean> {
    if (this.stopped) return false
    if (this.dead) return false
    if (this.conn && !this.conn.closed) return true
    if (this.started) {
      if (this.budget.used >= this.budget.limit) {
        this.dead = `not run: the implementation was restarted ${this.budget.used} times (the limit, --max-restarts)`
        return false
      }
      this.budget.used++
    }
    this.started = true
    try {
      this.conn = await this.connector.connect()
    } catch (e) {
      this.dead = `could not start the implementation (${this.connector.spec}): ${(e as Error).message}`
      return false
    }
    if (this.stopped) {
      // Stopped while it was starting (an interrupted run): it must not outlive the run.
      await this.drop()
      return false
    }
    const problem = await this.hello(this.conn)
    if (problem) {
      this.stderr += this.conn.takeStderr()
      await this.drop()
      this.dead = `the implementation did not complete hello: ${problem}`
      return false
    }
    return true
  }

  private async hello(conn: Connection): Promise<string | null> {
    let line: string
    try {
      line = await conn.request({ cmd: 'hello', protocol: PROTOCOL_VERSION }, this.helloTimeoutMs)
    } catch (e) {
      return (e as Error).message
    }
    const hello = parseChecked<HelloResponse>(line, HelloResponse)
    if ('notJson' in hello) return `answered with a line that is not JSON: ${cut(line)}`
    if ('problems' in hello) return `answered hello out of protocol: ${hello.problems.join('; ')}: ${cut(line)}`
    const info = hello.value.implementation
    if (this.info && JSON.stringify(this.info) !== JSON.stringify(info))
      return `after a restart it describes itself differently (${JSON.stringify(info)})`
    this.info = info
    return null
  }

  private async drop(): Promise<void> {
    const c = this.conn
    this.conn = null
    if (c) {
      this.stderr += c.takeStderr()
      await c.close(0)
    }
  }

  async run(seq: number, caseId: string, steps: WireStep[], timeoutMs: number): Promise<RunOutcome> {
    if (!(await this.ensure())) return { kind: 'errored', reason: this.dead! }
    const conn = this.conn!
    let line: string
    try {
      line = await conn.request({ cmd: 'run', seq, case: caseId, steps }, timeoutMs)
    } catch (e) {
      await this.drop()
      if (e instanceof TransportError) {
        if (e.failure === 'timeout') return { kind: 'timeout', reason: `no answer within ${timeoutMs} ms` }
        if (e.failure === 'oversize')
          return { kind: 'errored', reason: e.message, ...(e.detail ? { line: cut(e.detail) } : {}) }
        // The message names who went away ("the implementation exited (code 0)", "the connection was closed").
        return { kind: 'crash', reason: e.message }
      }
      return { kind: 'crash', reason: (e as Error).message }
    }
    const bad = async (reason: string): Promise<RunOutcome> => {
      await this.drop() // its stream may be out of step now
      return { kind: 'errored', reason, line: cut(line) }
    }
    const answer = parseChecked<RunResponse>(line, RunResponse)
    if ('notJson' in answer) return bad('the implementation answered with a line that is not JSON')
    if ('problems' in answer) return bad(`the answer is out of protocol: ${answer.problems.slice(0, 3).join('; ')}`)
    const r = answer.value
    if (r.seq !== seq) return bad(`the answer has seq ${r.seq}; the request had seq ${seq}`)
    if ('observations' in r) return { kind: 'observed', observations: r.observations }
    if ('skipped' in r) return { kind: 'skipped', reason: r.skipped }
    return {
      kind: 'errored',
      reason: `the implementation reported an error: ${r.error.message}${r.error.detail ? ` (${r.error.detail})` : ''}`,
    }
  }

  /** Ends the connection, and any that a connect still under way brings; the session is then done. */
  async stop(): Promise<void> {
    this.stopped = true
    const c = this.conn
    this.conn = null
    if (!c) return
    if (!c.closed) c.send({ cmd: 'stop' })
    await c.close(2000)
  }
}
