// Waiting for something with a limit, without leaving a timer behind.
import { timerMs } from './timer-limit.js'

/** Resolves true once `promise` settles, or false after `ms` if it has not. */
export function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timerMs(ms))
    const done = () => {
      clearTimeout(timer)
      resolve(true)
    }
    promise.then(done, done)
  })
}
