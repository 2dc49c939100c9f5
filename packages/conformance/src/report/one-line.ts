// Report text (reasons, stderr, offending lines) shown on one line: line breaks joined, control
// characters made visible, so a report's bytes can never break a line-based format or drive the
// terminal it is printed on.

/** `s` on one line: each line break (with the spaces around it) becomes `joiner`; C0/C1 controls become \uXXXX. */
export function oneLine(s: string, joiner = ' ⏎ '): string {
  return s
    .replace(/\s*\n\s*/g, joiner)
    .trim()
    .replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
