// `watchq generate records`: a seeded random stream of valid records of one revision, as bytes,
// hex or the JSON a decoder must print for it (`watchq decode --format json`).
import { writeFileSync } from 'node:fs'
import { REVISION_IDS } from '@watchq/decoder'
import { toHex } from '@watchq/spec'
import { generateRecords } from '../generate/records.js'
import { type Cli, declared } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'
import { choiceOption, integer, oneOf } from './values.js'

export function defineGenerate(cli: Cli) {
  const records = cli
    .command('records')
    .summary('A seeded random stream of valid records (bytes, hex, or the JSON a decoder must print)')
    .description(
      `Writes a seeded random stream of N valid notification records of revision R, drawn from the
spec's tables: every record kind of the revision (with the struct variants its length selects),
unknown types and subtypes, and records too short for their struct (which decoders report as
"unknown"). The same seed always gives the same bytes; the seed is printed on stderr.`,
    )
    .option(
      '--revision <R>',
      'UAPI revision (see "watchq spec revisions")',
      oneOf(REVISION_IDS, (v) => `unknown revision "${v}"; known: ${REVISION_IDS.join(', ')}`),
      'mainline',
    )
    .addOption(
      choiceOption(
        '--endian <E>',
        'Byte order of the records',
        ENDIANS,
        (v) => `--endian must be little or big, not "${v}"`,
      ).default('little'),
    )
    .option('--seed <S>', 'Seed of the stream (default: random, printed)', integer('seed'))
    .option('--count <N>', 'Records', integer('count', 0, 1_000_000), 100)
    .addOption(
      choiceOption(
        '--format <F>',
        'What to write (see Formats below)',
        FORMATS,
        (v) => `--format must be bin, hex or json, not "${v}"`,
      ).default('bin'),
    )
    .option('--out <file>', 'Write there instead of standard output')
    .addHelpText(
      'after',
      `
Formats:
  bin   the raw stream; refused on a terminal unless --out is given
  hex   one record per line, lower-case hex
  json  what a decoder must print for the stream, one JSON object per record (the form of
        "watchq decode --format json")

To check a decoder in another language on such streams, see "watchq check-decoder --help".

Exit codes: 0 written, 2 usage error.

Examples:
  watchq generate records --seed 7 --count 1000 --out stream.bin
  watchq generate records --seed 7 --count 5 --format hex
  watchq generate records --revision mmap-v8 --endian big --seed 7 --format json`,
    )
    .action(cli.exits((options) => generateRecordStream(options, cli.io)))
  const cmd = cli
    .command('generate')
    .summary('Seeded random record streams of any revision (bytes, hex, or what decode prints)')
    .description('Generates test data from the specification.')
    .helpCommand(false)
    .addCommand(declared(records))
    .addHelpText('after', '\nExit codes: 0 written, 2 usage error.')
  return declared(cmd)
}

const ENDIANS = ['little', 'big'] as const
const FORMATS = ['bin', 'hex', 'json'] as const

function generateRecordStream(
  values: {
    revision: string
    endian: (typeof ENDIANS)[number]
    seed?: number | undefined
    count: number
    format: (typeof FORMATS)[number]
    out?: string | undefined
  },
  io: Io,
): number {
  const { revision, endian, count, format } = values
  const seed = values.seed ?? Math.floor(Math.random() * 2 ** 31)
  if (format === 'bin' && !values.out && (io.stdoutIsTTY || !io.outBytes))
    throw new UsageError('binary output to a terminal; use --out FILE or --format hex')

  const stream = generateRecords(seed, count, revision, endian)
  io.err(
    `watchq generate: seed ${seed}, ${count} records of ${revision} (${endian}-endian), ${stream.bytes.length} bytes`,
  )
  let text = ''
  if (format === 'hex') {
    if ('records' in stream.expected)
      for (const r of stream.expected.records) {
        text += `${toHex(stream.bytes.subarray(r.offset, r.offset + r.length))}\n`
      }
  } else if (format === 'json') {
    if ('records' in stream.expected) for (const r of stream.expected.records) text += `${JSON.stringify(r)}\n`
  }
  if (values.out) writeFileSync(values.out, format === 'bin' ? stream.bytes : text)
  else if (format === 'bin') io.outBytes!(stream.bytes)
  else if (text) io.out(text.slice(0, -1)) // io.out ends the line itself
  return EXIT.ok
}
