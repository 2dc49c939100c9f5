// `watchq check-decoder`: generated record streams through decoders (ours or anyone's, over the
// decoder protocol), each answer held to what the generator says the stream contains.
import { parseArgs } from 'node:util'
import { REVISION_IDS } from '@watchq/decoder'
import { buildCDecoder } from '@watchq/kernel'
import { type CheckResult, checkDecoders } from '../decoders/check.js'
import type { DecoderEndpoint } from '../decoders/endpoint.js'
import { processDecoder } from '../decoders/process-decoder.js'
import { tsDecoder } from '../decoders/ts-decoder.js'
import type { Endian } from '../generate/records.js'
import { intOption } from './int-option.js'
import { EXIT, type Io, UsageError } from './io.js'

export const CHECK_DECODER_HELP = `Usage: watchq check-decoder [DECODER...] [--seed S] [--streams N] [--revision R]... [--endian E] [--max-records M]

Generates seeded random record streams of every revision and byte order (valid records of every
kind, unknown types, records too short for their struct, and streams cut short or with a zero
length) and has each DECODER decode them. Every answer must be exactly what the generator says:
the records (as "watchq decode --format json" prints them) or the first malformed record's error
code and byte offset. All decoders see the same streams, so they are checked against each other too.

DECODER (default: ts c):
  ts            @watchq/decoder, in this process
  c             our C reference decoder (decoder-c/ of @watchq/kernel, built with gcc on first use)
  cmd:COMMAND   any program speaking the decoder protocol on stdin/stdout (run with /bin/sh -c);
                schemas: "watchq spec schemas" → formats/decoder-protocol/*.json

  --seed S        Default: random, printed        --streams N      Default 2000
  --revision R    Only these revisions (repeatable; default all)
  --endian E      little or big (default both)    --max-records M  Most records per stream (16)

Exit codes: 0 every decoder answered every stream as expected, 1 a mismatch (printed with the
stream and a command that reproduces it), 2 usage error or a decoder that breaks the protocol.
`

export async function checkDecoderCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      streams: { type: 'string' },
      revision: { type: 'string', multiple: true },
      endian: { type: 'string' },
      'max-records': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(CHECK_DECODER_HELP)
    return EXIT.ok
  }
  const seed = intOption('seed', values.seed, Math.floor(Math.random() * 2 ** 31))
  const streams = intOption('streams', values.streams, 2000)
  const maxRecords = intOption('max-records', values['max-records'], 16)
  const revisions = values.revision ?? REVISION_IDS
  for (const r of revisions)
    if (!REVISION_IDS.includes(r)) throw new UsageError(`unknown revision "${r}"; known: ${REVISION_IDS.join(', ')}`)
  const endian = values.endian
  if (endian !== undefined && endian !== 'little' && endian !== 'big')
    throw new UsageError(`--endian must be little or big, not "${endian}"`)
  const endians: Endian[] = endian ? [endian] : ['little', 'big']
  const specs = positionals.length ? positionals : ['ts', 'c']
  for (const s of specs)
    if (s !== 'ts' && s !== 'c' && !s.startsWith('cmd:'))
      throw new UsageError(`unknown decoder "${s}"; use ts, c or cmd:COMMAND`)

  const decoders: DecoderEndpoint[] = []
  try {
    for (const s of specs) {
      if (s === 'ts') decoders.push(tsDecoder())
      else if (s === 'c') {
        io.err('watchq check-decoder: building the C reference decoder (cached after the first time)')
        decoders.push(await processDecoder(await buildCDecoder(), 'c'))
      } else decoders.push(await processDecoder(s.slice(4), s))
    }
  } catch (e) {
    await Promise.all(decoders.map((d) => d.close()))
    io.err(`watchq check-decoder: ${(e as Error).message}`)
    return EXIT.usage
  }
  for (const d of decoders) {
    const missing = revisions.filter((r) => !d.revisions.includes(r))
    if (missing.length) io.err(`watchq check-decoder: ${d.spec} (${d.name}) does not list ${missing.join(', ')}`)
  }
  io.err(
    `watchq check-decoder: ${decoders.map((d) => `${d.spec} (${d.name})`).join(', ')}; seed ${seed}, ${streams} streams`,
  )
  let result: CheckResult
  try {
    result = await checkDecoders({
      decoders,
      seed,
      streams,
      revisions,
      endians,
      maxRecords,
      onProgress: (done, total) => io.err(`watchq check-decoder: ${done}/${total} streams`),
    })
  } catch (e) {
    io.err(`watchq check-decoder: ${(e as Error).message}`)
    return EXIT.usage
  } finally {
    await Promise.all(decoders.map((d) => d.close()))
  }
  const rate = `${result.streams} streams, ${result.records} records, ${result.bytes} bytes in ${(result.ms / 1000).toFixed(1)} s`
  const again = [
    'watchq check-decoder',
    ...specs.map((s) => (s.includes(' ') ? `'${s}'` : s)),
    `--seed ${seed} --streams ${streams}`,
    ...(values.revision ?? []).map((r) => `--revision ${r}`),
    ...(endian ? [`--endian ${endian}`] : []),
    ...(values['max-records'] ? [`--max-records ${maxRecords}`] : []),
  ].join(' ')
  for (const m of result.mismatches) {
    io.out(`MISMATCH ${m.decoder}, stream ${m.index} (${m.stream.shape}): ${m.why}`)
    io.out(`  stream (${m.stream.revision}, ${m.stream.endian}-endian): ${m.request.hex || '(empty)'}`)
    io.out(`  expected: ${JSON.stringify(m.expected)}`)
    io.out(`  got:      ${JSON.stringify(m.got)}`)
  }
  for (const d of decoders) io.out(`${d.spec}: ${result.passed[d.spec]}/${result.streams} streams as expected`)
  io.out(rate)
  if (result.mismatches.length) {
    io.out(`reproduce: ${again}`)
    return EXIT.failed
  }
  io.out(`seed ${seed}`)
  return EXIT.ok
}
