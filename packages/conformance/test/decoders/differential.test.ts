// The C reference decoder and the TypeScript decoder on the same generated streams (every revision,
// both byte orders, malformed streams too): both must answer exactly what the generator wrote.

import { buildCDecoder } from '@watchq/kernel'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDecoders } from '../../src/decoders/check.js'
import type { DecoderEndpoint } from '../../src/decoders/endpoint.js'
import { processDecoder } from '../../src/decoders/process-decoder.js'
import { tsDecoder } from '../../src/decoders/ts-decoder.js'

const SEED = Number(process.env.WATCHQ_SEED ?? Date.now() % 2 ** 31)
let c: DecoderEndpoint

beforeAll(async () => {
  c = await processDecoder(await buildCDecoder(), 'c')
}, 120_000)
afterAll(async () => {
  await c?.close()
})

describe(`C and TypeScript decoders on generated streams (seed ${SEED}; WATCHQ_SEED=${SEED} to reproduce)`, () => {
  it('agree with the generator on 4000 streams', async () => {
    const r = await checkDecoders({ decoders: [tsDecoder(), c], seed: SEED, streams: 4000 })
    const first = r.mismatches[0]
    expect(
      first && `${first.decoder}: ${first.why} in ${first.stream.shape}: ${first.request.hex}`,
      `watchq check-decoder ts c --seed ${SEED} --streams 4000`,
    ).toBeUndefined()
    expect(r.passed).toEqual({ ts: 4000, c: 4000 })
  })

  it('the C decoder lists every revision', async () => {
    const { REVISION_IDS } = await import('@watchq/decoder')
    expect([...c.revisions].sort()).toEqual([...REVISION_IDS].sort())
  })
})
