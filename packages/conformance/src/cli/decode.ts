// `watchq decode`: records from a file or standard input, in JSON lines, keyutils' or the kernel
// sample's format, or a table. Input, binary or hex text (--hex), is decoded as it streams in, no
// faster than standard output takes the lines.
import { createReadStream } from 'node:fs'
import {
  DecodeError,
  type DecodeOptions,
  jsonLine,
  keyutilsLine,
  REVISION_IDS,
  StreamDecoder,
  sampleLines,
  TABLE_HEADER,
  tableLine,
  type WatchRecord,
} from '@watchq/decoder'
import { HexReader, HexSyntaxError } from '@watchq/spec'
import { asEnvironmentError } from '../errors/environment-error.js'
import { type Cli, declared } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'
import { choiceOption, oneOf } from './values.js'

const FORMATS = ['json', 'keyutils', 'sample', 'table'] as const
type Format = (typeof FORMATS)[number]

/** Pushes each record's lines onto `lines` (the table format starts with its header). */
function printer(format: Format, lines: string[]): (rec: WatchRecord) => void {
  switch (format) {
    case 'json':
      return (r) => lines.push(jsonLine(r))
    case 'keyutils':
      return (r) => {
        const line = keyutilsLine(r)
        if (line !== null) lines.push(line)
      }
    case 'sample':
      return (r) => lines.push(...sampleLines(r))
    case 'table':
      lines.push(TABLE_HEADER)
      return (r) => lines.push(tableLine(r))
  }
}

function source(file: string | undefined, io: Io): AsyncIterable<Uint8Array> {
  return file === undefined || file === '-' ? io.stdin() : createReadStream(file)
}

export function defineDecode(cli: Cli) {
  const cmd = cli
    .command('decode')
    .summary('Decode records (binary or hex) to JSON lines, keyutils or kernel-sample lines')
    .description(
      `Decodes watch_queue notification records, as read() returns them from a notification pipe (or
as laid out by an older revision). Reads FILE, or standard input when FILE is - or absent.`,
    )
    .argument('[FILE]', 'The records; - or none for standard input')
    .option('--hex', 'Input is hex text; whitespace anywhere is ignored')
    .addOption(
      choiceOption(
        '--endian <e>',
        "Byte order of the kernel that wrote the records (default: this machine's)",
        ['little', 'big'],
        (v) => `unknown --endian "${v}"; expected little or big`,
      ),
    )
    .option(
      '--revision <id>',
      'UAPI revision (see "watchq spec revisions")',
      oneOf(REVISION_IDS, (v) => `unknown --revision "${v}"; known: ${REVISION_IDS.join(', ')}`),
      'mainline',
    )
    .addOption(
      choiceOption(
        '--format <f>',
        'How to print the records (see Formats below)',
        FORMATS,
        (v) => `unknown --format "${v}"; expected one of ${FORMATS.join(', ')}`,
      ).default('json'),
    )
    .option('--strict', 'Reject unknown types and malformed records instead of printing them as unknown')
    .addHelpText(
      'after',
      `
Formats:
  json      one JSON object per record per line
  keyutils  the lines of "keyctl watch"
  sample    the lines of the kernel's samples/watch_queue/watch_test.c for each record; not its
            "read() = N" lines (the input has no read boundaries), and offsets count from the
            input's start
  table     a fixed-width table

Exit codes: 0 decoded everything, 1 bad input (the message names the byte offset; for hex, the line
and column too) or FILE cannot be read, 2 usage error.

Examples:
  watchq decode capture.bin --format keyutils
  echo '0100000110010000d1d9b52200000000' | watchq decode --hex`,
    )
    .action(cli.exits((file, options) => decode(file, options, cli.io)))
  return declared(cmd)
}

/**
 * Decodes as the input streams in: each chunk's records are written in one piece, and the next
 * chunk is read only once standard output has taken them (a slow reader holds watchq back, and
 * memory stays at a chunk's worth). Hex is read as it comes too, and its first bad character is
 * reported as soon as it is read.
 */
async function decode(
  file: string | undefined,
  values: {
    hex?: true | undefined
    endian?: 'little' | 'big' | undefined
    revision: string
    format: Format
    strict?: true | undefined
  },
  io: Io,
): Promise<number> {
  if ((file === undefined || file === '-') && io.stdinIsTTY) {
    throw new UsageError('standard input is a terminal: give a FILE, or pipe records in (see "watchq decode --help")')
  }
  const name = file === undefined || file === '-' ? '<stdin>' : file
  const opts: DecodeOptions = {
    revision: values.revision,
    strict: Boolean(values.strict),
    ...(values.endian ? { endian: values.endian } : {}),
  }
  const lines: string[] = []
  const print = printer(values.format, lines)
  const write = () => {
    if (lines.length) io.out(lines.join('\n'))
    lines.length = 0
  }
  // A test double without drain never waits.
  const drained = () => io.drain?.() ?? Promise.resolve()
  const decoder = new StreamDecoder(opts)
  const hex = values.hex ? new HexReader() : undefined
  try {
    for await (const chunk of source(file, io)) {
      for (const rec of decoder.push(hex ? hex.push(chunk) : chunk)) print(rec)
      if (hex?.error) throw hex.error
      write()
      await drained()
    }
    hex?.end()
    decoder.end()
    write()
    return EXIT.ok
  } catch (e) {
    write() // the records before the bad input
    if (e instanceof DecodeError) {
      io.err(`watchq decode: ${name}: ${e.message}`)
      return EXIT.failed
    }
    if (e instanceof HexSyntaxError) {
      const where = e.code === 'not-hex' ? `:${e.line}:${e.column}` : ''
      io.err(`watchq decode: ${name}${where}: ${e.reason} (at byte offset ${e.offset})`)
      return EXIT.failed
    }
    throw asEnvironmentError(e, 'cannot read', name)
  }
}
