// Back-pressure on standard output. Io.out and Io.outBytes are synchronous and never say whether
// the stream's buffer is full; a command that produces output as fast as it reads input (decode)
// must stop while the reader is slower, or everything it writes piles up in memory. It writes,
// then awaits Io.drain (for processIo, whenDrained), which returns once standard output can take more.
import type { Writable } from 'node:stream'

/** Resolves once `stream` wants more: at once if its buffer has room, else at 'drain', 'close' or 'error'. */
export function whenDrained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed || stream.writableEnded) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      stream.off('error', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
    stream.on('error', done)
  })
}
