// `vm:…`: the implementation is the agent running as /init of a real kernel under QEMU. Each
// connect() boots a fresh machine and waits for the agent's ready line; then the adapter protocol
// runs over the guest's channel tty, which QEMU connects to its own stdin/stdout. The kernel
// console goes to a log file whose new part takeStderr() returns, so a panic shows in the report.
// A panic makes QEMU exit (a closed connection); close() kills QEMU for sure.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Connector, STDERR_KEEP_BYTES, TransportError } from '@watchq/spec'
import { ensurePackages } from '../debian/apt.js'
import { ProcessConnection, spawnGroup } from '../process/process-connection.js'
import { fileSize, readRange } from './console-log.js'
import { READY_LINE } from './guest.js'
import { cachedInitramfs, type GuestFile } from './initramfs.js'
import { type KernelImage, readMetadata, type VmArch } from './kernel-image.js'
import { KVM_BOOT_BUDGET_MS, markKvmUnusable } from './kvm-health.js'
import { type Accel, type AccelChoice, chooseAccel, QEMU_PACKAGES, qemuCommand, requestedAccel } from './qemu.js'

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
  /**
   * More kernel command line; `NAME=value` without a dot lands in init's environment, and what
   * follows `--` in init's arguments. WATCHQ_VM_APPEND's words go before it (e.g.
   * `QEMU_STRACE=1` for a qemu-user guest).
   */
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
  // The user's words come first: a tail for init (`-- ARGS`) must stay last.
  const userAppend = process.env['WATCHQ_VM_APPEND']?.trim() ?? ''
  const append = [userAppend, options.append?.trim() ?? ''].filter((a) => a !== '').join(' ')

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
      ...(append !== '' ? { append } : {}),
    })
    // Its own process group: close() and the reaper kill QEMU with whatever it started.
    let child: ChildProcess
    try {
      child = await spawnGroup(command.command, command.args)
    } catch (e) {
      if (!options.keepLogs) rmSync(dir, { recursive: true, force: true })
      throw e
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
      if (userAppend !== '') facts['vmAppend'] = userAppend
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

export class VmConnection extends ProcessConnection {
  readonly accel: Accel
  /** The kernel console log of this boot (removed on close unless keepLogs). */
  readonly consoleLog: string
  /** Milliseconds from starting QEMU to the agent's ready line. */
  bootMs: number | undefined
  private readonly started = Date.now()
  private readonly keep: number
  private consoleOffset = 0
  /** Channel bytes before the ready line (bounded: only the ready line matters in them). */
  private preamble = ''
  private ready = false
  private onReady: (() => void) | undefined
  /** Console text read at close, handed out by the next takeStderr. */
  private pendingConsole = ''

  constructor(
    child: ChildProcess,
    private readonly options: VmConnectionOptions,
  ) {
    const keep = options.stderrKeepBytes ?? STDERR_KEEP_BYTES
    super(child, {
      ...(options.maxLineBytes !== undefined ? { maxLineBytes: options.maxLineBytes } : {}),
      stderrKeepBytes: keep,
      graceMs: DEFAULT_VM_GRACE_MS,
      name: 'the VM',
    })
    this.accel = options.accel
    this.consoleLog = options.consoleLog
    this.keep = keep
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

  /** What the kernel console printed since the last call (after boot), then QEMU's own stderr. */
  override takeStderr(): string {
    const console = this.readConsole()
    const qemu = this.stderr.take()
    return qemu === '' ? console : `${console}${console === '' || console.endsWith('\n') ? '' : '\n'}[qemu] ${qemu}`
  }

  protected override async shutdown(graceMs: number): Promise<void> {
    await super.shutdown(graceMs)
    // Read the rest of the log before its directory goes.
    const rest = this.readConsole()
    if (rest !== '') this.pendingConsole = rest
    if (!this.options.keepLogs) rmSync(this.options.dir, { recursive: true, force: true })
  }

  protected override writable(): boolean {
    return this.ready
  }

  /** Say why when the kernel said it: the panic line is the first thing a reader wants. */
  protected override why(): string {
    const size = fileSize(this.consoleLog)
    const panic = /Kernel panic - not syncing: [^\r\n]*/.exec(
      readRange(this.consoleLog, Math.max(0, size - 8192), size),
    )
    return panic ? `: ${panic[0]}` : ''
  }

  protected override onClosed(): void {
    this.onReady?.()
  }

  protected override receive(chunk: Buffer): void {
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
    const qemu = this.stderr.take().trim()
    const console = text.trim() === '' ? 'the kernel console is empty' : `the end of the kernel console:\n${text}`
    return qemu === '' ? console : `${console}\nqemu: ${qemu}`
  }
}
