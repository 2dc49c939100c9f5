// oneLine: report text on one line, with control characters visible (a report's stderr must neither
// break a line-based format nor drive the terminal).
import { describe, expect, it } from 'vitest'
import { oneLine } from '../../src/report/one-line.js'

describe('oneLine', () => {
  it('joins lines with ⏎ by default, and with what it is given', () => {
    expect(oneLine('  first\n  second \n third ')).toBe('first ⏎ second ⏎ third')
    expect(oneLine('first\nsecond', ' ')).toBe('first second')
  })
  it('makes escape sequences and other controls visible', () => {
    expect(oneLine('red \u001b[31m bell \u0007 del \u007f')).toBe('red \\u001b[31m bell \\u0007 del \\u007f')
    expect(oneLine('a\rb')).toBe('a\\u000db')
  })
})
