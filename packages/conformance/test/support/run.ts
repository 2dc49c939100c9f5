// Runs `watchq` in-process with captured output and an optional standard input.
import { main } from '../../src/index.js'

export interface Ran {
  readonly code: number
  readonly out: string
  readonly err: string
}

export async function run(argv: string[], stdin?: Uint8Array | string): Promise<Ran> {
  let out = ''
  let err = ''
  const code = await main(argv, {
    out: (t) => {
      out += `${t}\n`
    },
    err: (t) => {
      err += `${t}\n`
    },
    stdin: async function* () {
      if (stdin !== undefined) yield typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin
    },
    stdinIsTTY: stdin === undefined,
  })
  return { code, out, err }
}
