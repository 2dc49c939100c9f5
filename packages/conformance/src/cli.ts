#!/usr/bin/env node
import { EXIT } from './cli/io.js'
import { main } from './cli/main.js'

// A reader that goes away (`watchq … | head`) is not an error: stop quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error('watchq: internal error:', e)
    process.exitCode = EXIT.internal
  },
)
