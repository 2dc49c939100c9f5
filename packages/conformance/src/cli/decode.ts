// `watchq decode`: records from a file or standard input, in JSON lines, keyutils' or the kernel
// sample's format, or a table. Binary input is decoded as it streams in; --hex takes hex text.
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
import { type Cli, declared } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'
import { choiceOption, oneOf } from './values.js'

const FORMATS = ['json', 'keyutils', 'sample', 'table'] as const
type Format = (typeof FORMATS)[number]

function printer(format: Format, io: Io): (rec: WatchRecord) => void {
  switch (format) {
    case 'json':
      return (r) => io.out(jsonLine(r))
    case 'keyutils':
      return (r) => {
        const line = keyutilsLine(r)
        if (line !== null) io.out(line)
      }
    case 'sample':
      return (r) => io.out(sampleLines(r).join('\n'))
    case 'table':
      io.out(TABLE_HEADER)
      return (r) => io.out(tableLine(r))
  }
}

/** Hex text → bytes; a bad character is reported by line and column. */
export function parseHex(text: string, name: string): Uint8Array {
  const digits: string[] = []
  let line = 1
  let col = 0
  for (const ch of text) {
    col++
    if (ch === '\n') {
      line++
      col = 0
    } else if (/[0-9a-fA-F]/.test(ch)) digits.push(ch)
    else if (!/\s/.test(ch)) throw new InputError(`${name}:${line}:${col}: "${ch}" is not a hex digit`)
  }
  if (digits.length % 2) throw new InputError(`${name}: odd number of hex digits (${digits.length})`)
  const out = new Uint8Array(digits.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits[2 * i]! + digits[2 * i + 1]!, 16)
  return out
}

class InputError extends Error {}

async function* source(file: string | undefined, io: Io): AsyncIterable<Uint8Array> {
  if (file === undefined || file === '-') yield* io.stdin()
  else yield* createReadStream(file)
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = []
  for await (const c of chunks) parts.push(Buffer.from(c))
  return Buffer.concat(parts).toString('utf8')
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
  sample    the lines of the kernel's samples/watch_queue/watch_test.c
  table     a fixed-width table

Exit codes: 0 decoded everything, 1 bad input (the message names the byte offset), 2 usage error.

Examples:
  watchq decode capture.bin --format keyutils
  echo '0100000110010000d1d9b52200000000' | watchq decode --hex`,
    )
    .action(cli.exits((file, options) => decode(file, options, cli.io)))
  return declared(cmd)
}

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
  const format = values.format
  if ((file === undefined || file === '-') && io.stdinIsTTY) {
    throw new UsageError('standard input is a terminal: give a FILE, or pipe records in (see "watchq decode --help")')
  }
  const name = file === undefined || file === '-' ? '<stdin>' : file
  const opts: DecodeOptions = {
    revision: values.revision,
    strict: Boolean(values.strict),
    ...(values.endian ? { endian: values.endian } : {}),
  }
  const print = printer(format, io)
  const decoder = new StreamDecoder(opts)
  try {
    const input = values.hex ? [parseHex(await readAll(source(file, io)), name)] : source(file, io)
    for await (const chunk of input) for (const rec of decoder.push(chunk)) print(rec)
    decoder.end()
    return EXIT.ok
  } catch (e) {
    if (e instanceof DecodeError || e instanceof InputError) {
      io.err(`watchq decode: ${e instanceof DecodeError ? `${name}: ` : ''}${e.message}`)
      return EXIT.failed
    }
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err(`watchq decode: cannot read ${name}: ${(e as Error).message}`)
      return EXIT.failed
    }
    throw e
  }
}
