// `watchq spec …`: the specification as tables, C headers and JSON Schemas.
import { parseArgs } from 'node:util'
import {
  cHeader,
  LAYOUT_ARCHES,
  type LayoutArch,
  REVISIONS,
  revision,
  revisionTable,
  STRUCTS,
  structSchemaFile,
} from '@watchq/spec'
import { EXIT, type Io, UsageError } from './io.js'

export const SPEC_HELP = `Usage: watchq spec <command> [options]

The watch_queue UAPI specification: every revision from the May-2019 mmap ring to mainline.

Commands:
  revisions                 List every revision with its date, transport and status
  show <revision>           Structs laid out for one arch, constants and notes of a revision
  header <revision>         A C header for the revision, generated from the spec
  schema <struct-id>        The JSON Schema of one struct variant (see: schema --list)

Options:
  --arch <arch>             x86_64 (default), i386 or s390x (show only)
  --json                    Machine-readable output (revisions, show)
  --list                    List struct ids (schema only)
  -h, --help                Show this help

Examples:
  watchq spec show mainline --arch s390x
  watchq spec header mmap-v8 > watch_queue-v8.h
  watchq spec schema pipe/key_notification
`

function arch(value: string | undefined): LayoutArch {
  if (value === undefined) return 'x86_64'
  if ((LAYOUT_ARCHES as readonly string[]).includes(value)) return value as LayoutArch
  throw new UsageError(`unknown --arch "${value}"; expected one of ${LAYOUT_ARCHES.join(', ')}`)
}

function oneRevision(positionals: string[], command: string) {
  const [id, ...extra] = positionals
  if (!id) throw new UsageError(`spec ${command} needs a revision; try "watchq spec revisions"`)
  if (extra.length) throw new UsageError(`spec ${command} takes one revision, got: ${positionals.join(' ')}`)
  try {
    return revision(id)
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

export function specCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      arch: { type: 'string' },
      json: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const [command, ...rest] = positionals
  if (values.help || !command) {
    io.out(SPEC_HELP)
    return values.help ? EXIT.ok : EXIT.usage
  }
  switch (command) {
    case 'revisions': {
      if (values.json) {
        io.out(JSON.stringify(REVISIONS, null, 2))
        return EXIT.ok
      }
      for (const r of REVISIONS) {
        const flag = r.confidence === 'unconfirmed' ? ' [unconfirmed]' : ''
        io.out(
          `${r.id.padEnd(14)} ${r.date.value.padEnd(10)} ${r.transport.padEnd(9)} ${r.status.padEnd(6)} ${r.title}${flag}`,
        )
      }
      return EXIT.ok
    }
    case 'show': {
      const rev = oneRevision(rest, 'show')
      io.out(values.json ? JSON.stringify(rev, null, 2) : revisionTable(rev, arch(values.arch)))
      return EXIT.ok
    }
    case 'header':
      io.out(cHeader(oneRevision(rest, 'header')))
      return EXIT.ok
    case 'schema': {
      if (values.list) {
        io.out([...STRUCTS.keys()].join('\n'))
        return EXIT.ok
      }
      const [id] = rest
      if (!id || !STRUCTS.has(id)) {
        throw new UsageError(
          `spec schema needs a struct id${id ? ` (unknown: "${id}")` : ''}; see "watchq spec schema --list"`,
        )
      }
      io.out(JSON.stringify(structSchemaFile(id).json, null, 2))
      return EXIT.ok
    }
    default:
      throw new UsageError(`unknown spec command "${command}"; see "watchq spec --help"`)
  }
}
