// A run's report: JSON lines, a header, one result per case, a footer. A report without its footer
// was cut short, and says so when summarised.
import { type Static, Type } from '@sinclair/typebox'
import { Expectation } from './expectation.js'
import { ImplementationInfo } from './implementation.js'
import { Observation } from './observation.js'
import { Status } from './status.js'
import { WireStep } from './steps/index.js'

/**
 * 2: `skip` split into `not-applicable` and `unsupported` (with `lacks`), which is unexpected
 * unless allowed. Version 1 reports are still read (see the conformance package's report reader).
 */
export const REPORT_VERSION = 2
const strict = { additionalProperties: false } as const

export const ReportHeader = Type.Object(
  {
    report: Type.Literal(REPORT_VERSION),
    watchq: Type.String(),
    started: Type.String({ description: 'ISO 8601' }),
    impl: Type.String({ description: 'The --impl argument' }),
    implementation: Type.Union([ImplementationInfo, Type.Null()], {
      description: 'Its hello; null if it never answered',
    }),
    cases: Type.Integer({ minimum: 0, description: 'Cases selected for the run' }),
    argv: Type.Optional(Type.Array(Type.String())),
    shard: Type.Optional(
      Type.Object(
        {
          index: Type.Integer({ minimum: 1, description: '1 … count' }),
          count: Type.Integer({ minimum: 1 }),
          selected: Type.Integer({ minimum: 0, description: 'Cases selected before sharding, over all shards' }),
          selection: Type.String({
            pattern: '^[0-9a-f]{64}$',
            description: 'sha256 of the ids selected before sharding, one per line: the same on every shard of a run',
          }),
        },
        { ...strict, description: 'This report is one shard of a run split with --shard (watchq merge joins them)' },
      ),
    ),
    provenance: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description:
          'What the transport knows of the implementation beyond its hello: kernel release and config hash, agent sha256, the qemu-user package, …',
      }),
    ),
  },
  strict,
)
export type ReportHeader = Static<typeof ReportHeader>

/** Where a failing case first diverged: the step, what was expected and what was seen. */
export const Divergence = Type.Object(
  {
    step: Type.Integer({ minimum: 0, description: 'Index into the case steps' }),
    op: Type.String(),
    what: Type.String({ description: 'One line: which field differed' }),
    expected: Type.Union([Expectation, Type.Null()]),
    observed: Type.Union([Observation, Type.Null()]),
    decoded: Type.Optional(
      Type.Array(Type.Unknown(), { description: 'read: the observed bytes as records (JSON form)' }),
    ),
  },
  strict,
)
export type Divergence = Static<typeof Divergence>

export const ReportResult = Type.Object(
  {
    case: Type.String(),
    description: Type.String(),
    status: Status,
    /** What the expectations file said, if it listed the case. */
    expected: Type.Optional(Type.Array(Status, { minItems: 1 })),
    expectedReason: Type.Optional(Type.String()),
    /** False when the status is pass, not-applicable, or one the expectations file or --allow-unsupported allows. */
    unexpected: Type.Boolean(),
    reason: Type.Optional(Type.String()),
    lacks: Type.Optional(
      Type.Array(Type.String(), {
        minItems: 1,
        description:
          'unsupported: what the implementation lacks, features by name and ops as op:NAME (a step it declined is op:NAME too); absent when it declined the whole case',
      }),
    ),
    durationMs: Type.Number({ minimum: 0 }),
    divergence: Type.Optional(Divergence),
    steps: Type.Optional(Type.Array(WireStep)),
    observations: Type.Optional(Type.Array(Observation)),
    /** The offending line when the implementation spoke out of protocol (cut to a bounded length). */
    line: Type.Optional(Type.String()),
    stderr: Type.Optional(Type.String()),
  },
  strict,
)
export type ReportResult = Static<typeof ReportResult>

export const ReportFooter = Type.Object(
  {
    footer: Type.Literal(true),
    finished: Type.String(),
    counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
    unexpected: Type.Integer({ minimum: 0 }),
    failFast: Type.Boolean({ description: 'The run stopped at the first unexpected result' }),
    restarts: Type.Integer({ minimum: 0, description: 'Times the implementation was restarted' }),
    stopped: Type.Optional(
      Type.String({
        description:
          'Why the run ended before every case ran: "interrupted by SIGINT", "the implementation could not be started: …"',
      }),
    ),
  },
  strict,
)
export type ReportFooter = Static<typeof ReportFooter>
