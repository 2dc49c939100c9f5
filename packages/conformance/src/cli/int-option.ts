// Integer options of every command, checked the same way: a usage error names the option, the
// allowed range and what was given.
import { UsageError } from './io.js'

export function intOption(name: string, value: string | undefined, dflt: number, min = 0, max = 2 ** 31 - 1): number {
  if (value === undefined) return dflt
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === 2 ** 31 - 1 ? `≥ ${min}` : `from ${min} to ${max}`
    throw new UsageError(`--${name} must be an integer ${range}, not "${value}"`)
  }
  return n
}
