// Prints the plain closing line "N passed, N failed, N skipped" from vitest's JSON report,
// so any CI that reads closing lines can count the tests.
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? '.vitest/results.json'
const r = JSON.parse(readFileSync(file, 'utf8'))
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`)
process.exitCode = r.numFailedTests > 0 || r.numTotalTests === 0 ? 1 : 0
