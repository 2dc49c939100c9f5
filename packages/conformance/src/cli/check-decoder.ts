// `watchq check-decoder`: generated record streams through decoders (ours or anyone's, over the
// decoder protocol), each answer held to what the generator says the stream contains.
import { REVISION_IDS } from '@watchq/decoder'
import { buildCDecoder } from '@watchq/kernel'
import { type CheckResult, checkDecoders } from '../decoders/check.js'
import type { DecoderEndpoint } from '../decoders/endpoint.js'
import { processDecoder } from '../decoders/process-decoder.js'
import { tsDecoder } from '../decoders/ts-decoder.js'
import type { Endian } from '../generate/records.js'
import { type Cli, declared } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'
import { choiceOption, integer } from './values.js'

export function defineCheckDecoder(cli: Cli) {
  const cmd = cli
    .command('check-decoder')
    .summary('Generated record streams through decoders (ours, or any over the decoder protocol)')
    .description(
      `Generates seeded random record streams of every revision and byte order (valid records of every
kind, unknown types, records too short for their struct, and streams cut short or with a zero
length) and has each DECODER decode them. Every answer must be exactly what the generator says:
the records (as "watchq decode --format json" prints them) or the first malformed record's error
code and byte offset. All decoders see the same streams, so they are checked against each other too.`,
    )
    .argument('[DECODER...]', 'The decoders to check (see Decoders below)', ['ts', 'c'])
    .option('--seed <S>', 'Seed of the streams (default: random, printed)', integer('seed'))
    .option('--streams <N>', 'Streams to generate', integer('streams'), 2000)
    .option('--revision <R>', 'Only this revision (repeatable; default: every one)', revisionList)
    .addOption(
      choiceOption(
        '--endian <E>',
        'Only this byte order (default: both)',
        ENDIANS,
        (v) => `--endian must be little or big, not "${v}"`,
      ),
    )
    .option('--max-records <M>', 'Most records in one stream', integer('max-records'), 16)
    .addHelpText(
      'after',
      `
Decoders:
  ts           @watchq/decoder, in this process
  c            our C reference decoder (decoder-c/ of @watchq/kernel, built with gcc on first use)
  cmd:COMMAND  any program speaking the decoder protocol on stdin/stdout (run with /bin/sh -c);
               schemas: @watchq/spec/schemas/formats/decoder-protocol/*.json (in node_modules)

Exit codes: 0 every decoder answered every stream as expected, 1 a mismatch (printed with the
stream and a command that reproduces it), 2 usage error or a decoder that breaks the protocol.`,
    )
    .action(
      cli.exits((specs, options, self) =>
        checkDecoder(specs, options, self.getOptionValueSource('maxRecords') === 'cli', cli.io),
      ),
    )
  return declared(cmd)
}

const ENDIANS = ['little', 'big'] as const

function revisionList(value: string, previous: string[] | undefined): string[] {
  if (!REVISION_IDS.includes(value))
    throw new UsageError(`unknown revision "${value}"; known: ${REVISION_IDS.join(', ')}`)
  return [...(previous ?? []), value]
}

async function checkDecoder(
  specs: readonly string[],
  values: {
    seed?: number | undefined
    streams: number
    revision?: readonly string[] | undefined
    endian?: Endian | undefined
    maxRecords: number
  },
  maxRecordsGiven: boolean,
  io: Io,
): Promise<number> {
  const seed = values.seed ?? Math.floor(Math.random() * 2 ** 31)
  const { streams, maxRecords, endian } = values
  const revisions = values.revision ?? REVISION_IDS
  const endians: Endian[] = endian ? [endian] : ['little', 'big']
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
    ...(maxRecordsGiven ? [`--max-records ${maxRecords}`] : []),
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
