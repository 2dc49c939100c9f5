// Per-arch constants (O_NOTIFICATION_PIPE, O_TMPFILE, the _IO ioctl numbers of every revision)
// evaluated with each architecture's own UAPI headers from Debian's linux-libc-dev-*-cross.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Fact, factsSource } from '../../src/generate/c-facts.js'
import { constantExpr } from '../../src/generate/c-header.js'
import { type Constant, type ConstantArch, REVISIONS, valueOn } from '../../src/index.js'
import { compileFacts, ensureToolchains } from '../support/toolchain.js'

/** Header directories per constant arch; `generic` is checked on two asm-generic arches. */
const HEADERS: Record<ConstantArch, string[]> = {
  generic: ['/usr/include:/usr/include/x86_64-linux-gnu', '/usr/s390x-linux-gnu/include'],
  alpha: ['/usr/alpha-linux-gnu/include'],
  arm: ['/usr/aarch64-linux-gnu/include'],
  mips: ['/usr/mips-linux-gnu/include'],
  parisc: ['/usr/hppa-linux-gnu/include'],
  powerpc: ['/usr/powerpc-linux-gnu/include'],
  sparc: ['/usr/sparc64-linux-gnu/include'],
}

/** Every constant whose value is stated per arch, once per distinct (name, C spelling). */
function perArchConstants(): Constant[] {
  const seen = new Map<string, Constant>()
  for (const r of REVISIONS) {
    for (const c of r.constants) if (typeof c.value === 'object') seen.set(`${c.name}=${constantExpr(c)}`, c)
  }
  return [...seen.values()]
}

let gccInclude: string
beforeAll(() => {
  ensureToolchains()
  gccInclude = execFileSync('gcc', ['-print-file-name=include']).toString().trim()
})

describe("per-arch constants against each arch's UAPI headers", () => {
  const consts = perArchConstants()
  it('covers the notification-pipe flag, O_TMPFILE and both ioctl generations', () => {
    const names = consts.map((c) => `${c.name}=${constantExpr(c)}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'O_NOTIFICATION_PIPE=O_EXCL',
        'O_TMPFILE=O_TMPFILE',
        "IOC_WATCH_QUEUE_SET_SIZE=_IO('s', 0x01)",
        "IOC_WATCH_QUEUE_SET_SIZE=_IO('W', 0x60)",
        "IOC_WATCH_QUEUE_SET_FILTER=_IO('W', 0x61)",
      ]),
    )
  })

  const cases = Object.entries(HEADERS).flatMap(([arch, dirs]) => dirs.map((d) => [arch as ConstantArch, d] as const))
  it.each(cases)('%s (%s)', (arch, dir) => {
    const dirs = dir.split(':')
    expect(existsSync(`${dirs[0]}/linux/watch_queue.h`), `${dir} is missing; run scripts/install-toolchain.sh`).toBe(
      true,
    )
    // Each constant gets its own name so two spellings of one name can sit side by side.
    const facts: Fact[] = consts.map((c, i) => ({
      label: `${c.name} (${constantExpr(c)})`,
      expr: `WQ_${i}`,
      expected: BigInt(valueOn(c, arch)),
    }))
    const defs = consts.map((c, i) => `#define WQ_${i} (${constantExpr(c)})`)
    const src = factsSource(['<linux/fcntl.h>', '<linux/ioctl.h>'], facts, false).replace(
      '\nstatic const',
      `\n${defs.join('\n')}\nstatic const`,
    )
    // Host gcc evaluates the integer expressions; only the headers are the target arch's.
    const cc = ['gcc', '-nostdinc', '-isystem', gccInclude, '-D_MIPS_SZLONG=32', '-D_MIPS_SIM=1', '-D_ABIO32=1']
    const out = compileFacts('x86_64', src, dirs, cc)
    const bad = facts.flatMap((f, i) =>
      out.facts[i] === f.expected
        ? []
        : [`${f.label}: spec 0x${f.expected.toString(16)}, header 0x${out.facts[i]?.toString(16)}`],
    )
    expect(bad).toEqual([])
  })
})
