// The build lock: one holder at a time, a dead holder's lock taken over.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cacheRoot, withLock } from '../../src/cache/cache.js'

describe('cache', () => {
  const dirs: string[] = []
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-lock-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('lives under XDG_CACHE_HOME when it is set', () => {
    const saved = process.env['XDG_CACHE_HOME']
    process.env['XDG_CACHE_HOME'] = '/x/cache'
    try {
      expect(cacheRoot()).toBe('/x/cache/watchq')
    } finally {
      if (saved === undefined) delete process.env['XDG_CACHE_HOME']
      else process.env['XDG_CACHE_HOME'] = saved
    }
  })

  it('takes over a lock whose holder is dead, and removes it after', async () => {
    const lock = join(tempDir(), 'build.lock')
    // A pid that cannot be alive.
    writeFileSync(lock, '2147483646\n')
    expect(await withLock(lock, async () => existsSync(lock))).toBe(true)
    expect(existsSync(lock)).toBe(false)
  })

  it('waits for a live holder', async () => {
    const lock = join(tempDir(), 'build.lock')
    // Held by our parent (alive, and not us): we wait until it is released.
    writeFileSync(lock, `${process.ppid}\n`)
    const waited: number[] = []
    const release = setTimeout(() => writeFileSync(lock, '2147483646\n'), 300)
    const started = Date.now()
    await withLock(
      lock,
      async () => {},
      (pid) => waited.push(pid),
    )
    clearTimeout(release)
    expect(waited).toEqual([process.ppid])
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
  })
})
