// The agent's other ways in: a terminal channel (--channel, made raw), and PID 1 of a fresh pid
// and mount namespace, which is what it is as a VM's /init: it mounts /dev, /proc and /tmp, serves
// the channel, and on stop restarts (in a pid namespace the kernel turns that into SIGHUP for
// its init). Skipped where python3 or unshare cannot run.
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { createAjv, HelloResponse } from '@watchq/spec'
import { beforeAll, describe, expect, it } from 'vitest'
import { hostAgent, spawnRaw } from './harness.js'

const validHello = createAjv().compile(HelloResponse)
let binary: string

beforeAll(async () => {
  binary = await hostAgent()
}, 120_000)

function works(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout: 10000 })
    return true
  } catch {
    return false
  }
}

// Opens a pty, starts the agent on its slave, waits until the agent made it raw, then speaks.
const PTY_SCRIPT = `
import json, os, pty, subprocess, sys, termios, time
m, s = pty.openpty()
p = subprocess.Popen([sys.argv[1], '--channel', os.ttyname(s)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
def raw():
    a = termios.tcgetattr(s)
    return not (a[3] & (termios.ECHO | termios.ICANON)) and not (a[1] & termios.OPOST) and not (a[0] & termios.ICRNL)
deadline = time.time() + 5
while not raw() and time.time() < deadline:
    time.sleep(0.01)
if not raw():
    p.kill()
    print(json.dumps({"raw": False}))
    sys.exit(0)
os.write(m, b'{"cmd":"hello","protocol":1}\\n')
out = b''
while not out.endswith(b'\\n'):
    out += os.read(m, 65536)
os.write(m, b'{"cmd":"stop"}\\n')
print(json.dumps({"raw": True, "line": out.decode(), "code": p.wait(timeout=5)}))
`

describe('--channel on a terminal', () => {
  it.skipIf(!works('python3', ['-c', 'import pty, termios']))('makes it raw and speaks there', async () => {
    const { stdout } = await promisify(execFile)('python3', ['-I', '-c', PTY_SCRIPT, binary], { timeout: 15000 })
    const result = JSON.parse(stdout) as { raw: boolean; line?: string; code?: number }
    expect(result.raw).toBe(true)
    // No CR/LF translation: the answer ends in a bare newline.
    expect(result.line!.endsWith('}\n')).toBe(true)
    expect(validHello(JSON.parse(result.line!))).toBe(true)
    expect(result.code).toBe(0)
  })
})

const canUnshare =
  process.geteuid?.() === 0 && works('unshare', ['--pid', '--fork', '--mount', '--propagation', 'private', 'true'])
/** reboot(RB_AUTOBOOT) in a pid namespace kills its init with SIGHUP, which unshare passes on. */
const poweredOff = (exit: { code: number | null; signal: NodeJS.Signals | null }) =>
  exit.signal === 'SIGHUP' || exit.code === 129
const asInit = (args: string[]) =>
  spawnRaw('unshare', ['--pid', '--fork', '--mount', '--propagation', 'private', binary, ...args])

describe('as PID 1', () => {
  it.skipIf(!canUnshare)(
    'mounts what it needs, says it is ready, serves the channel, and powers off on stop',
    async () => {
      const agent = asInit(['--channel', '-', '--console', '/proc/self/fd/2'])
      // The VM connector waits for this line before it sends anything (src/vm/guest.ts).
      expect(await agent.next()).toEqual({ watchq: 'ready' })
      agent.write('{"cmd":"hello","protocol":1}\n')
      expect(validHello(await agent.next())).toBe(true)
      const steps = [
        { op: 'open_file', content: 'in a fresh /tmp', bind: '$f' },
        { op: 'read', fd: '$f', len: 100 },
        { op: 'keyring_id', keyring: '@s' },
      ]
      agent.write(`${JSON.stringify({ cmd: 'run', seq: 1, case: 'init', steps })}\n`)
      const answer = (await agent.next()) as { observations: { ret?: number; bytes?: string }[] }
      expect(answer.observations[1]).toEqual({ ret: 15, bytes: Buffer.from('in a fresh /tmp').toString('hex') })
      expect(answer.observations[2]!.ret).toBeGreaterThan(0)
      agent.write('{"cmd":"stop"}\n')
      expect(poweredOff(await agent.exit)).toBe(true)
      expect(agent.stderr()).toMatch(/watchq-agent\[1\]: starting as PID 1/)
      expect(agent.stderr()).toMatch(/powering off: stop/)
    },
  )

  it.skipIf(!canUnshare)('powers off, saying why, when the kernel command line names no channel', async () => {
    const agent = asInit(['--console', '/proc/self/fd/2'])
    expect(poweredOff(await agent.exit)).toBe(true)
    expect(agent.stderr()).toMatch(/powering off: no protocol channel: the kernel command line has no watchq\.channel/)
  })

  it.skipIf(!canUnshare)('powers off at the end of the channel', async () => {
    const agent = asInit(['--channel', '-', '--console', '/proc/self/fd/2'])
    expect(await agent.next()).toEqual({ watchq: 'ready' })
    agent.end()
    expect(poweredOff(await agent.exit)).toBe(true)
    expect(agent.stderr()).toMatch(/powering off: end of the channel/)
  })
})
