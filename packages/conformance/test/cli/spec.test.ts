// `watchq` and `watchq spec` run in-process: help, tables, headers, schemas and usage errors.
import { describe, expect, it } from 'vitest'
import { run as ran } from '../support/run.js'

const run = (...argv: string[]) => ran(argv)

describe('watchq', () => {
  it('prints help with exit 0, and usage with exit 2 when given nothing', async () => {
    expect(await run('--help')).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage: watchq [options] [command]'),
    })
    expect((await run()).code).toBe(2)
    expect(await run('frobnicate')).toMatchObject({
      code: 2,
      err: 'watchq: unknown command "frobnicate"; see "watchq --help"\n',
    })
  })
})

describe('watchq spec', () => {
  it('has --help on the command', async () => {
    expect(await run('spec', '--help')).toMatchObject({ code: 0, out: expect.stringContaining('header <revision>') })
  })

  it('lists all revisions in order', async () => {
    const { code, out } = await run('spec', 'revisions')
    expect(code).toBe(0)
    const ids = out
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[0])
    expect(ids[0]).toBe('pre-v1')
    expect(ids).toContain('mainline')
    expect(out).toMatch(/mmap-v2 .*\[unconfirmed\]/)
  })

  it('shows a revision for an arch, with struct offsets', async () => {
    const { code, out } = await run('spec', 'show', 'mainline', '--arch', 's390x')
    expect(code).toBe(0)
    expect(out).toContain('struct key_notification  (pipe/key_notification; sizeof 16, align 4 on s390x)')
    expect(out).toMatch(/KEYCTL_WATCH_KEY\s+32/)
  })

  it('prints a C header and a JSON Schema', async () => {
    expect((await run('spec', 'header', 'mmap-v8')).out).toContain('} __attribute__((aligned(8)));')
    const schema = JSON.parse((await run('spec', 'schema', 'pipe/watch_notification_removal')).out)
    expect(schema.properties.id['x-uapi-layout']).toEqual({ offset: 8, ctype: '__u64', size: 8 })
  })

  it('names what is wrong in usage errors', async () => {
    expect(await run('spec', 'show', 'mmap-v9')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown revision "mmap-v9"; known: pre-v1/),
    })
    expect(await run('spec', 'show', 'mainline', '--arch', 'arm')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown --arch "arm"'),
    })
    expect(await run('spec', 'show')).toMatchObject({
      code: 2,
      err: 'watchq: missing required argument "revision"; see "watchq spec show --help"\n',
    })
    expect(await run('spec', 'schema', 'nope')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown: "nope"'),
    })
    expect(await run('spec', 'show', 'mainline', '--bogus')).toMatchObject({
      code: 2,
      err: 'watchq: unknown option "--bogus"; see "watchq spec show --help"\n',
    })
  })
})
