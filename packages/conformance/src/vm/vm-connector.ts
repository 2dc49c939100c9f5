// `vm:…`: the implementation is the agent running as /init of a real kernel under QEMU. Each
// connect() boots a fresh machine and waits for the agent's ready line; then the adapter protocol
// runs over the guest's channel tty, which QEMU connects to its own stdin/stdout. The kernel
// console goes to a log file whose new part takeStderr() returns, so a panic shows in the report.
// A panic makes QEMU exit (a closed connection); close() kills QEMU for sure.
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_LINE_BYTES } from '@watchq/spec'
import { LineConnection } from '../transport/line-connection.js'
import { LineInbox } from '../transport/lines.js'
import { StderrTail } from '../transport/stdio.js'
import { type Connection, type Connector, STDERR_KEEP_BYTES, TransportError } from '../transport/transport.js'
import { within } from '../transport/within.js'
import { ensurePackages } from './apt.js'
import { READY_LINE } from './guest.js'
import { cachedInitramfs, type GuestFile } from './initramfs.js'
import { type KernelImage, readMetadata, type VmArch } from './kernel-image.js'
import { KVM_BOOT_BUDGET_MS, markKvmUnusable } from './kvm-health.js'
import { type Accel, type AccelChoice, chooseAccel, QEMU_PACKAGES, qemuCommand, requestedAccel } from './qemu.js'
import { killGroup, track, untrack } from './reaper.js'

export interface VmConnectorOptions {
  /** A built kernel, or the path of an image. */
  readonly kernel: KernelImage | string
  readonly arch: VmArch
  /** The static binary that runs as /init (the agent). */
  readonly agent: string
  /**
   * More files for the guest's root (programs a case runs, their libraries: guest-programs.ts).
   * Without them the guest has only /init and its mount points.
   */
  readonly guestFiles?: readonly GuestFile[]
  readonly memoryMb?: number
  /** Default WATCHQ_VM_ACCEL, else 'auto': KVM when usable for this arch, else TCG. */
  readonly accel?: AccelChoice
  /** More kernel command line; `NAME=value` without a dot lands in init's environment. */
  readonly append?: string
  /** How long a boot may take until the agent is ready (default DEFAULT_BOOT_TIMEOUT_MS). */
  readonly bootTimeoutMs?: number
  /** The spec to report (default `vm:<image path>`). */
  readonly spec?: string
  readonly maxLineBytes?: number
  readonly stderrKeepBytes?: number
  /** Keep each boot's directory (the kernel console log) after close. */
  readonly keepLogs?: boolean
}

export interface VmConnector extends Connector {
  readonly arch: VmArch
  /** What the next boot uses (auto turns to TCG once KVM proves unusable). */
  readonly accel: Accel
  connect(): Promise<VmConnection>
}

/** After SIGKILL, how long to wait for QEMU's exit before giving up on it. */
const KILL_WAIT_MS = 2000
/** How long close() waits for the guest to power off after `stop`, when not told. */
export const DEFAULT_VM_GRACE_MS = 5000

export function vmConnector(options: VmConnectorOptions): VmConnector {
  const image = typeof options.kernel === 'string' ? options.kernel : options.kernel.path
  if (typeof options.kernel !== 'string' && options.kernel.arch !== options.arch) {
    throw new Error(`the kernel ${image} is for ${options.kernel.arch}, not ${options.arch}`)
  }
  const requested = requestedAccel(options.accel)
  let accel = chooseAccel(options.arch, requested)
  const spec = options.spec ?? `vm:${image}`
  let packages: Promise<void> | undefined

  const boot = async (with_: Accel, timeoutMs: number): Promise<VmConnection> => {
    const initrd = cachedInitramfs(options.agent, undefined, options.guestFiles)
    const dir = mkdtempSync(join(tmpdir(), 'watchq-vm-'))
    const consoleLog = join(dir, 'console.log')
    const command = qemuCommand({
      arch: options.arch,
      kernel: image,
      initrd,
      consoleLog,
      accel: with_,
      ...(options.memoryMb !== undefined ? { memoryMb: options.memoryMb } : {}),
      ...(options.append !== undefined ? { append: options.append } : {}),
    })
    // Its own process group: close() and the reaper kill QEMU with whatever it started.
    const child = spawn(command.command, command.args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true })
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve)
        child.once('error', reject)
      })
    } catch (e) {
      if (!options.keepLogs) rmSync(dir, { recursive: true, force: true })
      throw new TransportError('closed', `cannot start ${command.command}: ${(e as Error).message}`)
    }
    const connection = new VmConnection(child, { ...options, accel: with_, dir, consoleLog })
    try {
      await connection.booted(timeoutMs)
    } catch (e) {
      await connection.close(0)
      throw e
    }
    return connection
  }

  return {
    spec,
    arch: options.arch,
    get accel() {
      return accel
    },
    provenance() {
      const meta = readMetadata(image)
      const facts: Record<string, string> = { vmArch: options.arch, vmAccel: accel, vmImage: image }
      if (meta) {
        facts['kernelRelease'] = meta.release
        facts['kernelConfigHash'] = meta.configHash
        facts['kernelSource'] = `${meta.debianPackage} ${meta.debianVersion}`
      }
      return facts
    },
    async connect(): Promise<VmConnection> {
      packages ??= ensurePackages([QEMU_PACKAGES[options.arch].package])
      try {
        await packages
      } catch (e) {
        packages = undefined
        throw new TransportError('closed', (e as Error).message)
      }
      const timeoutMs = options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS[accel]
      if (accel === 'kvm' && requested === 'auto') {
        // KVM chosen by us, not by the user: if it proves unusable here, TCG takes over.
        try {
          return await boot('kvm', Math.min(timeoutMs, KVM_BOOT_BUDGET_MS))
        } catch (e) {
          if (!(e instanceof TransportError)) throw e
          markKvmUnusable(`a KVM boot failed on ${new Date().toISOString()}: ${e.message.split('\n')[0]}`)
          accel = 'tcg'
          return boot('tcg', options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS.tcg)
        }
      }
      return boot(accel, timeoutMs)
    },
  }
}

/** How long a boot may take until the agent is ready, when not told. */
export const DEFAULT_BOOT_TIMEOUT_MS: Record<Accel, number> = { kvm: 60_000, tcg: 180_000 }

interface VmConnectionOptions {
  readonly accel: Accel
  readonly dir: string
  readonly consoleLog: string
  readonly maxLineBytes?: number
  readonly stderrKeepBytes?: number
  readonly keepLogs?: boolean
}

export class VmConnection extends LineConnection implements Connection {
  readonly accel: Accel
  /** The kernel console log of this boot (removed on close unless keepLogs). */
  readonly consoleLog: string
  /** Milliseconds from starting QEMU to the agent's ready line. */
  bootMs: number | undefined
  private readonly started = Date.now()
  private readonly qemuStderr: StderrTail
  private readonly keep: number
  private consoleOffset = 0
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined
  private readonly exited: Promise<void>
  /** Channel bytes before the ready line (bounded: only the ready line matters in them). */
  private preamble = ''
  private ready = false
  private onReady: (() => void) | undefined

  constructor(
    private readonly child: ChildProcess,
    private readonly options: VmConnectionOptions,
  ) {
    super(new LineInbox(options.maxLineBytes ?? MAX_LINE_BYTES), DEFAULT_VM_GRACE_MS)
    this.accel = options.accel
    this.consoleLog = options.consoleLog
    this.keep = options.stderrKeepBytes ?? STDERR_KEEP_BYTES
    this.qemuStderr = new StderrTail(this.keep)
    const pid = child.pid!
    track(pid)
    for (const stream of [child, child.stdin!, child.stdout!, child.stderr!]) stream.on('error', () => {})
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk))
    child.stderr!.on('data', (chunk: Buffer) => this.qemuStderr.push(chunk))
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal }
        untrack(pid)
        killGroup(pid)
        resolve()
      })
    })
    child.once('close', () => {
      const rest = this.inbox.end()
      const tail = rest === undefined ? '' : `; its last output had no newline: ${JSON.stringify(rest.slice(0, 200))}`
      const status = this.status()
      // Say why when the kernel said it: the panic line is the first thing a reader wants.
      const size = fileSize(this.consoleLog)
      const panic = /Kernel panic - not syncing: [^\r\n]*/.exec(
        readRange(this.consoleLog, Math.max(0, size - 8192), size),
      )
      const why = panic ? `: ${panic[0]}` : ''
      this.inbox.finish(new TransportError('closed', `the VM exited (${status})${why}${tail}`, status))
      this.onReady?.()
    })
  }

  /** Resolves once the agent's ready line has come; rejects if QEMU exits first or time runs out. */
  booted(timeoutMs: number): Promise<void> {
    if (this.ready) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.onReady = undefined
        reject(
          new TransportError(
            'timeout',
            `the VM's init was not ready within ${timeoutMs / 1000} s (${this.accel}); ${this.consoleEnd()}`,
          ),
        )
      }, timeoutMs)
      this.onReady = () => {
        clearTimeout(timer)
        this.onReady = undefined
        if (this.ready) resolve()
        else {
          const status = this.status()
          reject(
            new TransportError(
              'closed',
              `the VM exited before its init was ready (${status}); ${this.consoleEnd()}`,
              status,
            ),
          )
        }
      }
    })
  }

  get closed(): boolean {
    return this.closing !== undefined || this.exit !== undefined || this.inbox.finished
  }

  /** QEMU's process id (also its process group's). */
  get pid(): number {
    return this.child.pid!
  }

  /** How QEMU ended, once it has: a signal means it was killed rather than the guest ending it. */
  get exitStatus(): { readonly code: number | null; readonly signal: NodeJS.Signals | null } | undefined {
    return this.exit
  }

  /** What the kernel console printed since the last call (after boot), then QEMU's own stderr. */
  takeStderr(): string {
    const console = this.readConsole()
    const qemu = this.qemuStderr.take()
    return qemu === '' ? console : `${console}${console === '' || console.endsWith('\n') ? '' : '\n'}[qemu] ${qemu}`
  }

  protected async shutdown(graceMs: number): Promise<void> {
    const pid = this.child.pid!
    this.child.stdin!.end()
    if (!this.exit && !(await within(this.exited, graceMs))) {
      killGroup(pid)
      await within(this.exited, KILL_WAIT_MS)
    }
    this.inbox.finish(new TransportError('closed', 'the connection was closed'))
    // Read the rest of the log before its directory goes.
    const rest = this.readConsole()
    if (rest !== '') this.pendingConsole = rest
    if (!this.options.keepLogs) rmSync(this.options.dir, { recursive: true, force: true })
  }

  protected write(line: string): void {
    const stdin = this.child.stdin!
    if (!this.ready || this.exit || stdin.destroyed || stdin.writableEnded) return
    try {
      stdin.write(line)
    } catch {
      // Never throws: a failed write shows up as QEMU having exited.
    }
  }

  /** Console text read at close, handed out by the next takeStderr. */
  private pendingConsole = ''

  private receive(chunk: Buffer): void {
    if (this.ready) {
      this.inbox.push(chunk)
      return
    }
    this.preamble += chunk.toString('latin1')
    const at = this.preamble.indexOf(READY_LINE)
    const nl = at === -1 ? -1 : this.preamble.indexOf('\n', at)
    if (nl === -1) {
      // Keep only what may hold the start of the ready line.
      if (this.preamble.length > 4096) this.preamble = this.preamble.slice(-READY_LINE.length)
      return
    }
    const rest = Buffer.from(this.preamble.slice(nl + 1), 'latin1')
    this.preamble = ''
    this.ready = true
    this.bootMs = Date.now() - this.started
    // The boot log is no case's business: takeStderr starts from here.
    this.consoleOffset = fileSize(this.consoleLog)
    if (rest.length > 0) this.inbox.push(rest)
    this.onReady?.()
  }

  /** New console bytes since the last read, at most `keep` of them (the newest). */
  private readConsole(): string {
    const pending = this.pendingConsole
    this.pendingConsole = ''
    const size = fileSize(this.consoleLog)
    if (size <= this.consoleOffset) return pending
    const start = Math.max(this.consoleOffset, size - this.keep)
    const dropped = start - this.consoleOffset
    const text = readRange(this.consoleLog, start, size)
    this.consoleOffset = size
    const note = dropped > 0 ? `[${dropped} earlier bytes of the kernel console dropped]\n` : ''
    return pending + note + text
  }

  /** The end of the whole console log, for boot failures. */
  private consoleEnd(): string {
    const size = fileSize(this.consoleLog)
    const text = readRange(this.consoleLog, Math.max(0, size - 4096), size)
    const qemu = this.qemuStderr.take().trim()
    const console = text.trim() === '' ? 'the kernel console is empty' : `the end of the kernel console:\n${text}`
    return qemu === '' ? console : `${console}\nqemu: ${qemu}`
  }

  private status(): string {
    const exit = this.exit
    if (!exit) return 'status unknown'
    return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function readRange(path: string, start: number, end: number): string {
  if (end <= start) return ''
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return ''
  }
  try {
    const buffer = Buffer.alloc(end - start)
    const n = readSync(fd, buffer, 0, buffer.length, start)
    return buffer.subarray(0, n).toString('utf8')
  } finally {
    closeSync(fd)
  }
}
