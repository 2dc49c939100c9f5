// Back-pressure on standard output. Io.out and Io.outBytes are synchronous and never say whether
// the stream's buffer is full; a command that produces output as fast as it reads input (decode)
// must stop while the reader is slower, or everything it writes piles up in memory. It writes,
// then awaits `drain`, which returns once standard output can take more.
import type { Writable } from 'node:stream'
import { type Io, processIo } from './io.js'

/** An Io that can say when standard output has room again (processIo: `whenDrained(process.stdout)`). */
export interface DrainingIo extends Io {
  /** Resolves at once while standard output's buffer has room, else once it has drained (or closed). */
  drain?(): Promise<void>
}

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

const NOW: Promise<void> = Promise.resolve()

/**
 * How to wait for `io`'s standard output: its own `drain`, or, for processIo until io.ts gives it
 * one, process.stdout's; an Io that has neither (a test double) never makes anyone wait.
 */
export function drainOf(io: Io): () => Promise<void> {
  const own = (io as DrainingIo).drain
  if (own) return () => own.call(io)
  if (io === processIo) return () => whenDrained(process.stdout)
  return () => NOW
}
