// Handles ($r, $k) and the values they stand for in one run of one case. Bound on first sight:
// by a step's `bind` (from what the implementation observed), or by the first expectation that
// mentions a handle not yet bound. Values are kept as they were observed (numbers, or decimal
// strings for u64 ids) and compared as decimal text, so 7 and "7" are the same serial.

export type Bound = number | string

export class Bindings {
  private readonly values: Map<string, Bound>

  constructor(from?: Bindings) {
    this.values = new Map(from?.values)
  }

  get(name: string): Bound | undefined {
    return this.values.get(name)
  }

  has(name: string): boolean {
    return this.values.has(name)
  }

  set(name: string, value: Bound): void {
    this.values.set(name, value)
  }

  /** A copy to try an alternative on; `adopt` keeps it if the alternative matched. */
  fork(): Bindings {
    return new Bindings(this)
  }

  adopt(other: Bindings): void {
    this.values.clear()
    for (const [k, v] of other.values) this.values.set(k, v)
  }

  entries(): [string, Bound][] {
    return [...this.values]
  }
}

/**
 * Whether `observed` matches `expected`, where `expected` may be a handle: an unbound handle is
 * bound to `observed` (and matches); a bound one must equal it.
 */
export function matchValue(
  expected: unknown,
  observed: Bound | undefined,
  b: Bindings,
  isRef: (v: unknown) => boolean,
): boolean {
  if (observed === undefined) return false
  if (isRef(expected)) {
    const name = expected as string
    const have = b.get(name)
    if (have === undefined) {
      b.set(name, observed)
      return true
    }
    return String(have) === String(observed)
  }
  return String(expected) === String(observed)
}
