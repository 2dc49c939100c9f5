// Holds the spec to a real compiler: every revision's generated header is compiled for x86_64,
// i386 and s390x, and sizeof/_Alignof/offsetof, every constant and the bitfield placement are
// read back from the object file and compared with what the spec states. Mainline is also
// compared with the installed kernel UAPI headers of each arch.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bitfieldProbeBytes, constantFacts, type Fact, factsSource, structFacts } from '../../src/generate/c-facts.js'
import { cHeader } from '../../src/generate/c-header.js'
import { LAYOUT_ARCHES, type LayoutArch, REVISIONS, type Revision, revision } from '../../src/index.js'
import { compileFacts, ensureToolchains } from '../support/toolchain.js'

let dir: string
beforeAll(() => {
  ensureToolchains()
  dir = mkdtempSync(join(tmpdir(), 'watchq-headers-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Lines "label: spec X, gcc Y" for every fact the compiler disagrees with. */
function mismatches(facts: readonly Fact[], got: readonly bigint[]): string[] {
  if (got.length !== facts.length) return [`fact count: spec ${facts.length}, object file ${got.length}`]
  return facts.flatMap((f, i) => (got[i] === f.expected ? [] : [`${f.label}: spec ${f.expected}, gcc ${got[i]}`]))
}

const headerIdOf = (rev: Revision) => rev.structs.find((id) => id.endsWith('/watch_notification'))
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

function checkGenerated(rev: Revision, arch: LayoutArch) {
  const file = join(dir, `${rev.id}.h`)
  writeFileSync(file, cHeader(rev))
  const facts = [...structFacts(rev, arch), ...constantFacts(rev, arch)]
  const headerId = headerIdOf(rev)
  const out = compileFacts(arch, factsSource([`"${file}"`], facts, headerId !== undefined))
  return { facts, out, headerId }
}

describe.each(LAYOUT_ARCHES)('generated headers compiled for %s', (arch) => {
  it.each(REVISIONS.map((r) => [r.id, r] as const))('%s: layouts, constants and bitfields match gcc', (_id, rev) => {
    const { facts, out, headerId } = checkGenerated(rev, arch)
    expect(facts.length).toBeGreaterThan(3)
    expect(mismatches(facts, out.facts)).toEqual([])
    if (headerId) expect(hex(out.bits)).toBe(hex(bitfieldProbeBytes(headerId, arch)))
  })
})

describe.each(LAYOUT_ARCHES)('mainline against the installed kernel UAPI headers (%s)', (arch) => {
  it('structs, constants, bitfields and __NR_keyctl match <linux/watch_queue.h>', () => {
    const rev = revision('mainline')
    const syscalls: Fact[] = rev.syscalls.flatMap((s) =>
      s.numbers[arch] === undefined
        ? []
        : [{ label: `__NR_${s.name}`, expr: `__NR_${s.name}`, expected: BigInt(s.numbers[arch]!) }],
    )
    const facts = [...structFacts(rev, arch), ...constantFacts(rev, arch), ...syscalls]
    expect(syscalls).toHaveLength(1)
    const src = factsSource(['<linux/watch_queue.h>', '<linux/keyctl.h>', '<asm/unistd.h>'], facts, true)
    const out = compileFacts(arch, src)
    expect(mismatches(facts, out.facts)).toEqual([])
    expect(hex(out.bits)).toBe(hex(bitfieldProbeBytes('pipe/watch_notification', arch)))
  })
})

describe('the cross-check can fail', () => {
  it('reports a wrong offset, a wrong constant and a wrong byte order', () => {
    const { facts, out } = checkGenerated(revision('mainline'), 'x86_64')
    const i = facts.findIndex((f) => f.label === 'offsetof(struct key_notification, aux)')
    const j = facts.findIndex((f) => f.label === 'KEYCTL_WATCH_KEY')
    const wrong = facts.map((f, k) => (k === i || k === j ? { ...f, expected: f.expected + 4n } : f))
    expect(mismatches(wrong, out.facts)).toEqual([
      'offsetof(struct key_notification, aux): spec 16, gcc 12',
      'KEYCTL_WATCH_KEY: spec 36, gcc 32',
    ])
    const s390 = checkGenerated(revision('mainline'), 's390x')
    expect(hex(s390.out.bits)).not.toBe(hex(bitfieldProbeBytes('pipe/watch_notification', 'x86_64')))
  })
})
