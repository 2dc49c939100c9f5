#!/usr/bin/env node
import { main } from './cli/main.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error('watchq: internal error:', e)
    process.exitCode = 70
  },
)
