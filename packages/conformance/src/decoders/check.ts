// `watchq check-decoder`: generated streams through one or more decoders; every answer must be
// what the generator says a decoder reports for the stream (records, or the first error's code and
// offset). Decoders are thereby also checked against each other on the same streams.
import { isDeepStrictEqual } from 'node:util'
import type { DecodeRequest, DecodeResponse } from '@watchq/spec'
import { toHex } from '@watchq/spec'
import { type Expected, type GeneratedStream, generateStreams, type StreamOptions } from '../generate/records.js'
import type { DecoderEndpoint } from './endpoint.js'

export interface CheckOptions extends StreamOptions {
  readonly decoders: readonly DecoderEndpoint[]
  readonly seed: number
  readonly streams: number
  /** Stop at the first mismatch of each decoder (default true). */
  readonly firstOnly?: boolean
  readonly onProgress?: (done: number, total: number) => void
}

export interface Mismatch {
  readonly decoder: string
  readonly index: number
  readonly stream: GeneratedStream
  readonly request: DecodeRequest
  readonly expected: Expected
  readonly got: DecodeResponse
  /** Where the answer first differs, in words. */
  readonly why: string
}

export interface CheckResult {
  readonly streams: number
  readonly records: number
  readonly bytes: number
  /** Per decoder: streams it answered as expected. */
  readonly passed: Readonly<Record<string, number>>
  readonly mismatches: readonly Mismatch[]
  readonly ms: number
}

/** How `got` differs from `expected`, or null when it does not. */
export function difference(expected: Expected, got: DecodeResponse): string | null {
  if ('error' in expected) {
    if (!('error' in got))
      return `expected error ${expected.error.code} at ${expected.error.offset}, got ${got.records.length} records`
    if (got.error.code !== expected.error.code || got.error.offset !== expected.error.offset)
      return `expected error ${expected.error.code} at ${expected.error.offset}, got ${got.error.code} at ${got.error.offset}`
    return null
  }
  if ('error' in got)
    return `expected ${expected.records.length} records, got error ${got.error.code} at ${got.error.offset}${got.error.message ? ` (${got.error.message})` : ''}`
  if (got.records.length !== expected.records.length)
    return `expected ${expected.records.length} records, got ${got.records.length}`
  for (let i = 0; i < got.records.length; i++) {
    const e = expected.records[i] as Record<string, unknown>
    const g = got.records[i] as Record<string, unknown>
    if (isDeepStrictEqual(e, g)) continue
    const keys = [...new Set([...Object.keys(e), ...Object.keys(g)])]
    const diffs = keys
      .filter((k) => !isDeepStrictEqual(e[k], g[k]))
      .map((k) => `${k}: expected ${JSON.stringify(e[k])}, got ${JSON.stringify(g[k])}`)
    return `record ${i} (offset ${String(e.offset)}): ${diffs.join('; ')}`
  }
  return null
}

export async function checkDecoders(o: CheckOptions): Promise<CheckResult> {
  const started = performance.now()
  const streams = generateStreams(o.seed, o.streams, o)
  const passed: Record<string, number> = Object.fromEntries(o.decoders.map((d) => [d.spec, 0]))
  const failed = new Set<string>()
  const mismatches: Mismatch[] = []
  let records = 0
  let bytes = 0
  for (const [index, stream] of streams.entries()) {
    if ('records' in stream.expected) records += stream.expected.records.length
    bytes += stream.bytes.length
    const request: DecodeRequest = {
      cmd: 'decode',
      seq: index,
      revision: stream.revision,
      endian: stream.endian,
      hex: toHex(stream.bytes),
    }
    for (const d of o.decoders) {
      if ((o.firstOnly ?? true) && failed.has(d.spec)) continue
      const got = await d.decode(request)
      const why = difference(stream.expected, got)
      if (why === null) passed[d.spec]!++
      else {
        failed.add(d.spec)
        mismatches.push({ decoder: d.spec, index, stream, request, expected: stream.expected, got, why })
      }
    }
    if ((index + 1) % 1000 === 0 || index + 1 === streams.length) o.onProgress?.(index + 1, streams.length)
  }
  return { streams: streams.length, records, bytes, passed, mismatches, ms: performance.now() - started }
}
