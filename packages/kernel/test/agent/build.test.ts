// buildAgent: the generated headers come from the spec, and binaries are cached by what goes in.
import { statSync } from 'node:fs'
import { cHeader, OPS, revision } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { AGENT_REVISION, buildAgent, generatedHeaders, hostAgentArch, opsHeader } from '../../src/agent/build.js'

describe('generated headers', () => {
  it('watchq-uapi.h is the spec header of the mainline revision', () => {
    const h = generatedHeaders()
    expect(h['watchq-uapi.h']).toBe(cHeader(revision(AGENT_REVISION)))
    expect(h['watchq-uapi.h']).toMatch(/#define IOC_WATCH_QUEUE_SET_SIZE /)
    expect(h['watchq-uapi.h']).toMatch(/struct watch_notification_filter \{/)
    expect(h['watchq-build.h']).toMatch(/#define WATCHQ_REVISION "mainline"/)
  })

  it('watchq-ops.h lists every op of the spec with what it binds', () => {
    const text = opsHeader()
    for (const o of OPS.values()) expect(text).toContain(`\tX(${o.op}, ${o.binds}) \\`)
    expect(text).toContain(`#define WATCHQ_OP_COUNT ${OPS.size}`)
    expect(text).toMatch(/X\(pipe2, fds\)/)
    expect(text).toMatch(/X\(add_key, ret\)/)
    expect(text).toMatch(/X\(close, none\)/)
  })
})

describe('the cache', () => {
  it('returns the cached binary without compiling again', async () => {
    const arch = hostAgentArch()!
    const first = await buildAgent({ arch })
    const built = statSync(first).mtimeMs
    const progress: string[] = []
    const second = await buildAgent({ arch, onProgress: (l) => progress.push(l) })
    expect(second).toBe(first)
    expect(statSync(second).mtimeMs).toBe(built)
    expect(progress).toEqual([])
    expect(first).toMatch(new RegExp(`/${arch}-[0-9a-f]{16}/watchq-agent$`))
  }, 120_000)
})
