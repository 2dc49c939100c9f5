// `watchq spec …`: the specification as tables, C headers and JSON Schemas.
import { Argument } from '@commander-js/extra-typings'
import {
  cHeader,
  LAYOUT_ARCHES,
  REVISIONS,
  type Revision,
  revision,
  revisionTable,
  STRUCTS,
  structSchemaFile,
} from '@watchq/spec'
import { type Cli, declared } from './command.js'
import { EXIT, UsageError } from './io.js'
import { choiceOption } from './values.js'

const EXIT_CODES = '\nExit codes: 0 printed, 2 usage error.'

export function defineSpec(cli: Cli) {
  const revisionArgument = () =>
    new Argument('<revision>', 'A revision id (see "watchq spec revisions")').argParser(parseRevision)
  const revisions = cli
    .command('revisions')
    .summary('List every revision with its date, transport and status')
    .description('Lists every revision of the UAPI with its date, transport, status and title.')
    .option('--json', 'Machine-readable output')
    .addHelpText('after', EXIT_CODES)
    .action(
      cli.exits(({ json }) => {
        if (json) {
          cli.io.out(JSON.stringify(REVISIONS, null, 2))
          return EXIT.ok
        }
        for (const r of REVISIONS) {
          const flag = r.confidence === 'unconfirmed' ? ' [unconfirmed]' : ''
          cli.io.out(
            `${r.id.padEnd(14)} ${r.date.value.padEnd(10)} ${r.transport.padEnd(9)} ${r.status.padEnd(6)} ${r.title}${flag}`,
          )
        }
        return EXIT.ok
      }),
    )
  const show = cli
    .command('show')
    .summary('Structs laid out for one arch, constants and notes of a revision')
    .description('Shows the structs of a revision laid out for one arch, its constants and its notes.')
    .addArgument(revisionArgument())
    .addOption(
      choiceOption(
        '--arch <arch>',
        'The arch to lay the structs out for',
        LAYOUT_ARCHES,
        (v) => `unknown --arch "${v}"; expected one of ${LAYOUT_ARCHES.join(', ')}`,
      ).default('x86_64'),
    )
    .option('--json', 'Machine-readable output')
    .addHelpText('after', EXIT_CODES)
    .action(
      cli.exits((rev, { arch, json }) => {
        cli.io.out(json ? JSON.stringify(rev, null, 2) : revisionTable(rev, arch))
        return EXIT.ok
      }),
    )
  const header = cli
    .command('header')
    .summary('A C header for the revision, generated from the spec')
    .description('Prints a C header for the revision, generated from the spec.')
    .addArgument(revisionArgument())
    .addHelpText('after', EXIT_CODES)
    .action(
      cli.exits((rev) => {
        cli.io.out(cHeader(rev))
        return EXIT.ok
      }),
    )
  const schema = cli
    .command('schema')
    .summary('The JSON Schema of one struct variant (see: schema --list)')
    .description('Prints the JSON Schema of one struct variant, or lists the struct ids.')
    .argument('[struct-id]', 'A struct id, such as pipe/key_notification')
    .option('--list', 'List the struct ids')
    .addHelpText('after', EXIT_CODES)
    .action(
      cli.exits((id, { list }) => {
        if (list) {
          cli.io.out([...STRUCTS.keys()].join('\n'))
          return EXIT.ok
        }
        if (!id || !STRUCTS.has(id)) {
          throw new UsageError(
            `spec schema needs a struct id${id ? ` (unknown: "${id}")` : ''}; see "watchq spec schema --list"`,
          )
        }
        cli.io.out(JSON.stringify(structSchemaFile(id).json, null, 2))
        return EXIT.ok
      }),
    )
  const cmd = cli
    .command('spec')
    .summary('The UAPI specification: revisions, struct layouts, C headers, JSON Schemas')
    .description('The watch_queue UAPI specification: every revision from the May-2019 mmap ring to mainline.')
    .helpCommand(false)
    .addCommand(declared(revisions))
    .addCommand(declared(show))
    .addCommand(declared(header))
    .addCommand(declared(schema))
    .addHelpText(
      'after',
      `${EXIT_CODES}

Examples:
  watchq spec show mainline --arch s390x
  watchq spec header mmap-v8 > watch_queue-v8.h
  watchq spec schema pipe/key_notification`,
    )
  return declared(cmd)
}

function parseRevision(id: string): Revision {
  try {
    return revision(id)
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}
