// The progress line: drawn and cleared on a terminal, silent otherwise.
import { describe, expect, it } from 'vitest'
import { Progress } from '../../src/cli/progress.js'

const stream = (isTTY: boolean) => {
  const writes: string[] = []
  return { writes, s: { isTTY, columns: 40, write: (t: string) => writes.push(t) } as unknown as NodeJS.WriteStream }
}

describe('Progress', () => {
  it('draws a bar with counts and the current case on a terminal, and clears it', () => {
    const { writes, s } = stream(true)
    const p = new Progress(s, 4)
    p.update(1, 4, 'keys/update')
    expect(writes[0]).toBe('\r[######..................] 1/4 keys/upd\x1b[K')
    p.clear()
    expect(writes[1]).toBe('\r\x1b[K')
    p.clear()
    expect(writes).toHaveLength(2)
  })

  it('writes nothing when stderr is not a terminal', () => {
    const { writes, s } = stream(false)
    const p = new Progress(s, 4)
    p.update(2)
    p.clear()
    expect(writes).toEqual([])
  })
})
