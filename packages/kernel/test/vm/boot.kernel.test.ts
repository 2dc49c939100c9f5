// Real kernels under QEMU with a tiny test /init (fixtures/test-init.c): the hello comes over the
// channel with the guest's real `uname -r`; kernel messages never reach the channel; stop ends
// QEMU; a panic is a closed connection with the panic text in takeStderr; a hang is a timeout
// that close() ends by killing QEMU. Builds the kernels on first use (minutes), then boots in
// about a second each.
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { TransportError } from '@watchq/spec'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildKernel } from '../../src/vm/kernel-build.js'
import type { KernelImage, KernelVersion, VmArch } from '../../src/vm/kernel-image.js'
import type { AccelChoice } from '../../src/vm/qemu.js'
import { type VmConnection, vmConnector } from '../../src/vm/vm-connector.js'
import { buildTestInit } from './support/test-init.js'

interface Target {
  readonly arch: VmArch
  readonly version: KernelVersion
  readonly endian: 'little' | 'big'
}

const TARGETS: readonly Target[] = [
  { arch: 'x86_64', version: '6.12', endian: 'little' },
  { arch: 's390x', version: '6.1', endian: 'big' },
  // The TCG-only machines: each one's console, PCI channel and reboot (stop must end QEMU).
  { arch: 'aarch64', version: '6.12', endian: 'little' },
  { arch: 'ppc64', version: '6.12', endian: 'big' },
  { arch: 'mips', version: '6.12', endian: 'big' },
  { arch: 'riscv64', version: '6.12', endian: 'little' },
]

/** A request of a few hundred bytes, like a real case's. */
function runRequest(seq: number): object {
  const steps = Array.from({ length: 4 }, (_, i) => ({ op: 'add_key', type: 'user', description: `k${seq}.${i}` }))
  return { cmd: 'run', seq, case: `throughput/${seq}`, steps, pad: 'x'.repeat(120) }
}

async function failure(p: Promise<unknown>): Promise<TransportError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(TransportError)
    return e as TransportError
  }
  throw new Error('expected a rejection')
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe.each(TARGETS.map((t) => [`${t.arch} ${t.version}`, t] as const))('%s kernel under QEMU', (_, target) => {
  const { arch, version, endian } = target
  let kernel: KernelImage
  let init: string
  const open: VmConnection[] = []

  beforeAll(async () => {
    kernel = await buildKernel({ arch, version, onProgress: (line) => console.log(line) })
    init = await buildTestInit(arch)
  })

  afterAll(() => {
    if (init) rmSync(dirname(init), { recursive: true, force: true })
  })

  afterEach(async () => {
    // Never leave a QEMU running, whatever a test did.
    for (const c of open.splice(0)) await c.close(0)
  })

  async function boot(append = '', accel?: AccelChoice): Promise<VmConnection> {
    const connector = vmConnector({ kernel, arch, agent: init, append, ...(accel ? { accel } : {}) })
    const c = await connector.connect()
    open.push(c)
    return c
  }

  it('says hello over the channel with the real kernel release', async () => {
    const started = Date.now()
    const c = await boot()
    const hello = JSON.parse(await c.request({ cmd: 'hello', protocol: 1 }, 10_000))
    console.log(`${arch} ${kernel.release}: boot to hello ${Date.now() - started} ms (${c.accel})`)
    expect(hello).toEqual({
      protocol: 1,
      implementation: {
        name: 'watchq-test-init',
        version: '0',
        kernel: kernel.release,
        arch,
        endian,
        pageSize: 4096,
        features: [],
        ops: [],
      },
    })
    expect(kernel.release).toMatch(new RegExp(`^${version.replace('.', '\\.')}\\.\\d+`))
  })

  it('never carries kernel messages on the channel', async () => {
    // Garbage on /dev/console and /dev/kmsg at start and every 5th run, while answers flow.
    const c = await boot('WATCHQ_TEST_NOISE=5')
    expect(JSON.parse(await c.request({ cmd: 'hello', protocol: 1 }, 10_000)).protocol).toBe(1)
    for (let seq = 0; seq < 200; seq++) {
      expect(await c.request(runRequest(seq), 10_000)).toBe(`{"seq":${seq},"observations":[]}`)
    }
    // The noise was made, and went to the console log.
    const stderr = c.takeStderr()
    expect(stderr).toContain('"garbage":"console during runs"')
    expect(stderr).toContain('"garbage":"kmsg during runs"')
    // And nothing of it is waiting on the channel either.
    expect(await c.request(runRequest(200), 10_000)).toBe('{"seq":200,"observations":[]}')
  })

  it('ends QEMU on stop', async () => {
    const c = await boot()
    await c.request({ cmd: 'hello', protocol: 1 }, 10_000)
    const started = Date.now()
    c.send({ cmd: 'stop' })
    await c.close(10_000)
    console.log(`${arch}: stop to QEMU exit ${Date.now() - started} ms`)
    // Exited by itself: close() would have killed it with SIGKILL.
    expect(c.exitStatus).toEqual({ code: 0, signal: null })
    expect(alive(c.pid)).toBe(false)
  })

  it('turns a kernel panic into a closed connection with the panic in takeStderr', async () => {
    const c = await boot('WATCHQ_TEST_MODE=panic')
    await c.request({ cmd: 'hello', protocol: 1 }, 10_000)
    const e = await failure(c.request(runRequest(1), 30_000))
    expect(e.failure).toBe('closed')
    expect(e.message).toMatch(/^the VM exited \(code 0\): Kernel panic - not syncing: Attempted to kill init!/)
    const stderr = c.takeStderr()
    expect(stderr).toMatch(/Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000300/)
    expect(c.closed).toBe(true)
  })

  it('turns a hang into a timeout, and close() kills QEMU', async () => {
    const c = await boot('WATCHQ_TEST_MODE=hang')
    const e = await failure(c.request({ cmd: 'hello', protocol: 1 }, 1000))
    expect(e.failure).toBe('timeout')
    expect(alive(c.pid)).toBe(true)
    await c.close(0)
    expect(c.exitStatus?.signal).toBe('SIGKILL')
    expect(alive(c.pid)).toBe(false)
  })

  it('fails connect() with the console when init never gets ready', async () => {
    const connector = vmConnector({ kernel, arch, agent: init, append: 'WATCHQ_CHANNEL=/dev/nonexistent' })
    const e = await failure(connector.connect())
    expect(e.failure).toBe('closed')
    expect(e.message).toMatch(/exited before its init was ready/)
    expect(e.message).toContain('watchq-test-init: cannot open the channel /dev/nonexistent')
  })

  it('carries thousands of requests a second', async () => {
    const c = await boot('WATCHQ_TEST_NOISE=0')
    await c.request({ cmd: 'hello', protocol: 1 }, 10_000)
    const n = 2000
    const bytes = JSON.stringify(runRequest(0)).length
    const started = process.hrtime.bigint()
    for (let seq = 0; seq < n; seq++) {
      const answer = await c.request(runRequest(seq), 10_000)
      if (answer !== `{"seq":${seq},"observations":[]}`) expect(answer).toBe(`{"seq":${seq},"observations":[]}`)
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const rate = Math.round(n / seconds)
    console.log(
      `${arch} (${c.accel}): ${n} round trips of ${bytes}-byte requests in ${seconds.toFixed(2)} s: ${rate}/s`,
    )
    // A loose floor (slow CI machines); the measured rate is in the log.
    expect(rate).toBeGreaterThan(200)
  })
})
