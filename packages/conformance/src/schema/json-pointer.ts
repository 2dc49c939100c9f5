// JSON pointers into parsed JSON, and values shown briefly: what error messages about our files
// (cases, captures, reports) point at and quote.

/** The segments of a JSON pointer, unescaped: /a~1b/0 → ['a/b', '0']. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The value at a JSON pointer, or undefined where the path leaves the data. */
export function valueAt(data: unknown, pointer: string): unknown {
  let cur = data
  for (const key of pointerSegments(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

/** A value as JSON, cut to 60 characters ("nothing" for undefined). */
export function briefJson(v: unknown): string {
  const s = JSON.stringify(v)
  if (s === undefined) return 'nothing'
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
