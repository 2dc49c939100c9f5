// `watchq generate records`: a seeded random stream of valid records of one revision, as bytes,
// hex or the JSON a decoder must print for it (`watchq decode --format json`).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { REVISION_IDS } from '@watchq/decoder'
import { toHex } from '@watchq/spec'
import { generateRecords } from '../generate/records.js'
import { intOption } from './int-option.js'
import { EXIT, type Io, UsageError } from './io.js'

export const GENERATE_HELP = `Usage: watchq generate records [--revision R] [--endian little|big] [--seed S] [--count N] [--format bin|hex|json] [--out FILE]

Writes a seeded random stream of N valid notification records of revision R, drawn from the
spec's tables: every record kind of the revision (with the struct variants its length selects),
unknown types and subtypes, and records too short for their struct (which decoders report as
"unknown"). The same seed always gives the same bytes; the seed is printed on stderr.

  --revision R   Default mainline (see "watchq spec revisions")
  --endian E     Byte order of the records (default little)
  --seed S       Default: random, printed             --count N   Records (default 100)
  --format F     bin (default): the raw stream; refused on a terminal unless --out is given
                 hex: one record per line, lower-case hex
                 json: what a decoder must print for the stream, one JSON object per record
                 (the form of "watchq decode --format json")
  --out FILE     Write there instead of standard output

To check a decoder in another language on such streams, see "watchq check-decoder --help".

Examples:
  watchq generate records --seed 7 --count 1000 --out stream.bin
  watchq generate records --seed 7 --count 5 --format hex
  watchq generate records --revision mmap-v8 --endian big --seed 7 --format json
`

export async function generateCommand(argv: string[], io: Io): Promise<number> {
  const [what, ...rest] = argv
  if (what === '-h' || what === '--help' || what === undefined) {
    io.out(GENERATE_HELP)
    return what ? EXIT.ok : EXIT.usage
  }
  if (what !== 'records') throw new UsageError(`unknown thing to generate "${what}"; known: records`)
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      revision: { type: 'string' },
      endian: { type: 'string' },
      seed: { type: 'string' },
      count: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.out(GENERATE_HELP)
    return EXIT.ok
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  const revision = values.revision ?? 'mainline'
  if (!REVISION_IDS.includes(revision))
    throw new UsageError(`unknown revision "${revision}"; known: ${REVISION_IDS.join(', ')}`)
  const endian = values.endian ?? 'little'
  if (endian !== 'little' && endian !== 'big') throw new UsageError(`--endian must be little or big, not "${endian}"`)
  const format = values.format ?? 'bin'
  if (format !== 'bin' && format !== 'hex' && format !== 'json')
    throw new UsageError(`--format must be bin, hex or json, not "${format}"`)
  const seed = intOption('seed', values.seed, Math.floor(Math.random() * 2 ** 31))
  const count = intOption('count', values.count, 100, 0, 1_000_000)
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
