// The newest bytes of a child's stderr (or any stream a report shows), bounded, with a note of how
// many older ones were dropped.

export class StderrTail {
  private chunks: Buffer[] = []
  private size = 0
  private dropped = 0

  constructor(private readonly keep: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.keep) {
      const first = this.chunks[0]!
      const excess = this.size - this.keep
      if (first.length <= excess) {
        this.chunks.shift()
        this.size -= first.length
        this.dropped += first.length
      } else {
        this.chunks[0] = first.subarray(excess)
        this.size -= excess
        this.dropped += excess
      }
    }
  }

  /** Everything since the last call, then forgets it. */
  take(): string {
    const text = Buffer.concat(this.chunks, this.size).toString('utf8')
    const note = this.dropped > 0 ? `[${this.dropped} earlier bytes of stderr dropped]\n` : ''
    this.chunks = []
    this.size = 0
    this.dropped = 0
    return note + text
  }
}
