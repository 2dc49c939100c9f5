// A decoder in another process (any language) speaking the decoder protocol over stdio; answers
// are held to the protocol's schemas, so a decoder that writes something else is named for it.

import type { Connection } from '@watchq/spec'
import {
  DECODER_PROTOCOL_VERSION,
  type DecodeRequest,
  DecodeResponse,
  DecoderHelloResponse,
  type TSchema,
} from '@watchq/spec'
import { parseChecked } from '../cases/validate.js'
import { stdioConnector } from '../transport/stdio.js'
import type { DecoderEndpoint } from './endpoint.js'

export const DECODER_TIMEOUT_MS = 10_000

const cut = (line: string) => (line.length > 200 ? `${line.slice(0, 200)}…` : line)

/** Parses and checks one answer line; throws an Error naming the decoder and the problem. */
function answer<T>(spec: string, line: string, schema: TSchema, what: string): T {
  const a = parseChecked<T>(line, schema)
  if ('notJson' in a) throw new Error(`${spec} answered ${what} with a line that is not JSON: ${cut(line)}`)
  if ('problems' in a)
    throw new Error(`${spec} answered ${what} out of protocol: ${a.problems.join('; ')}: ${cut(line)}`)
  return a.value
}

/** Starts `command` (with /bin/sh -c) and says hello. */
export async function processDecoder(command: string, spec = `cmd:${command}`): Promise<DecoderEndpoint> {
  const conn: Connection = await stdioConnector(command).connect()
  const withStderr = (e: unknown) => {
    const tail = conn.takeStderr().trim()
    return new Error(
      `${(e as Error).message}${tail ? `; its stderr: ${cut(tail.split('\n').slice(-3).join(' / '))}` : ''}`,
    )
  }
  let hello: DecoderHelloResponse
  try {
    const line = await conn.request({ cmd: 'hello', protocol: DECODER_PROTOCOL_VERSION }, DECODER_TIMEOUT_MS)
    hello = answer<DecoderHelloResponse>(spec, line, DecoderHelloResponse, 'hello')
  } catch (e) {
    const err = withStderr(e)
    await conn.close(0)
    throw err
  }
  return {
    spec,
    name: hello.name,
    revisions: hello.revisions,
    async decode(request: DecodeRequest): Promise<DecodeResponse> {
      try {
        const line = await conn.request(request, DECODER_TIMEOUT_MS)
        const a = answer<DecodeResponse>(spec, line, DecodeResponse, `decode #${request.seq}`)
        if (a.seq !== request.seq) throw new Error(`${spec} answered decode #${request.seq} with seq ${a.seq}`)
        return a
      } catch (e) {
        throw withStderr(e)
      }
    },
    close: () => conn.close(),
  }
}
