// A one-line progress display on a terminal's stderr; silent when stderr is not a terminal, so
// logs and CI output hold only results.
import type { WriteStream } from 'node:tty'

export class Progress {
  private shown = false
  private readonly tty: boolean

  constructor(
    private readonly stream: NodeJS.WriteStream | WriteStream,
    private readonly total: number,
  ) {
    this.tty = Boolean(stream.isTTY)
  }

  update(done: number, total = this.total, current = ''): void {
    if (!this.tty) return
    const width = 24
    const filled = Math.round((done / Math.max(total, 1)) * width)
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`
    const cols = (this.stream as WriteStream).columns ?? 80
    const line = `[${bar}] ${done}/${total} ${current}`.slice(0, cols - 1)
    this.stream.write(`\r${line}\x1b[K`)
    this.shown = true
  }

  clear(): void {
    if (this.tty && this.shown) this.stream.write('\r\x1b[K')
    this.shown = false
  }
}
