// Option and argument values, checked as commander reads them: each parser returns the value or
// throws a UsageError that names the option, what it takes and what was given.
import { Option } from '@commander-js/extra-typings'
import { UsageError } from './io.js'

/** An integer from `min` to `max`. */
export function integer(name: string, min = 0, max = 2 ** 31 - 1): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      const range = max === 2 ** 31 - 1 ? `≥ ${min}` : `from ${min} to ${max}`
      throw new UsageError(`--${name} must be an integer ${range}, not "${value}"`)
    }
    return n
  }
}

/** A number above 0 (seconds, say). */
export function positive(name: string, unit: string, max = Number.POSITIVE_INFINITY): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (value.trim() === '' || !(n > 0) || !Number.isFinite(n))
      throw new UsageError(`--${name} must be a positive number of ${unit}, not "${value}"`)
    if (n > max) throw new UsageError(`--${name} must be at most ${max} ${unit}, not "${value}"`)
    return n
  }
}

/** One of `values`; `wrong` says what else was given. */
export function oneOf<const T extends string>(
  values: readonly T[],
  wrong: (value: string) => string,
): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) throw new UsageError(wrong(value))
    return value as T
  }
}

/** An option whose value is one of `values`: listed in the help, checked with `wrong`'s message. */
export function choiceOption<const S extends string, const T extends string>(
  flags: S,
  description: string,
  values: readonly T[],
  wrong: (value: string) => string,
) {
  return new Option(flags, description).choices(values).argParser(oneOf(values, wrong))
}

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value]
