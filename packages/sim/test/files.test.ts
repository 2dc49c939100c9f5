// The fd table: lowest free fd, reserved fds, RLIMIT_NOFILE; regular files within their limits.
import { describe, expect, it } from 'vitest'
import { FdTable, OpenFile, RegularFile } from '../src/files.js'
import { LIMITS, MemoryBudget } from '../src/limits.js'

const file = (onRelease = () => {}) =>
  new OpenFile(
    { kind: 'regular', file: RegularFile.create(new Uint8Array(0), new MemoryBudget()) as RegularFile },
    true,
    true,
    false,
    false,
    onRelease,
  )

describe('the fd table', () => {
  it('hands out the lowest free fd from 3, skipping the agent answer pipe at 1000', () => {
    const t = new FdTable()
    expect([t.install(file(), 1024), t.install(file(), 1024)]).toEqual([3, 4])
    t.close(3)
    expect(t.install(file(), 1024)).toBe(3)
    for (let fd = 5; fd < 1000; fd++) t.install(file(), 2000)
    expect(t.install(file(), 2000)).toBe(1001)
  })

  it('is EMFILE at the soft limit', () => {
    const t = new FdTable()
    expect(t.install(file(), 4)).toBe(3)
    expect(t.install(file(), 4)).toMatchObject({ name: 'EMFILE' })
    expect(t.reserveTwo(5)).toMatchObject({ name: 'EMFILE' })
  })

  it('releases a description when its last fd closes', () => {
    let released = 0
    const t = new FdTable()
    const f = file(() => released++)
    t.install(f, 99)
    t.install(f, 99)
    t.close(3)
    expect(released).toBe(0)
    t.close(4)
    expect(released).toBe(1)
    expect(t.close(4)).toMatchObject({ name: 'EBADF' })
  })
})

describe('regular files', () => {
  it('grow on write, up to their own limit (EFBIG) and the machine memory (ENOSPC)', () => {
    const mem = new MemoryBudget(10)
    const f = RegularFile.create(Uint8Array.of(1, 2), mem) as RegularFile
    expect(f.write(1, Uint8Array.of(9, 9, 9))).toBe(3)
    expect([...f.read(0, 9)]).toEqual([1, 9, 9, 9])
    expect(f.write(4, new Uint8Array(7))).toMatchObject({ name: 'ENOSPC' })
    expect(f.write(LIMITS.fileBytes, Uint8Array.of(1))).toMatchObject({ name: 'EFBIG' })
    f.free()
    expect(mem.used).toBe(0)
  })
})
