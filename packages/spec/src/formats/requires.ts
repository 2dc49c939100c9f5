// What a case needs of an implementation. A case for another platform (revision, kernel, arch,
// endian, page size) is not-applicable; one needing features the implementation lacks is
// unsupported, which is unexpected unless allowed. Neither is run.
import { type Static, Type } from '@sinclair/typebox'

/** Features an implementation announces in `hello` and cases may require. */
export const FEATURES = {
  'notification-pipe': 'pipe2(O_NOTIFICATION_PIPE) creates a watch queue',
  'key-notifications': 'KEYCTL_WATCH_KEY and key notification records',
  'key-construction': 'request_key upcalls: KEYCTL_NEGATE/REJECT/INSTANTIATE with authority',
  'key-gc': 'the key garbage collector runs (removal records after a key dies)',
  root: 'the adapter runs as root (CAP_SYS_ADMIN, CAP_SYS_RESOURCE)',
  'unprivileged-user': 'the adapter can run steps as an unprivileged uid',
  'compat-32': 'a 32-bit task on a 64-bit kernel',
  exec: 'the implementation runs programs of the machine under test (spawn, wait_output, wait_exit, output, kill)',
} as const
export type Feature = keyof typeof FEATURES

/** A kernel release range, e.g. ">=6.1 <6.13" (all comparators must hold). */
export const KernelRange = Type.String({
  pattern: '^\\s*((>=|<=|>|<|=)?\\s*\\d+(\\.\\d+){0,2}\\s*)+$',
  description: 'Kernel release range, e.g. ">=6.1 <6.13" (all comparators must hold)',
})

export const Requires = Type.Object(
  {
    revision: Type.Optional(
      Type.Array(Type.String(), { minItems: 1, description: 'Any of these spec revisions (default: mainline)' }),
    ),
    kernel: Type.Optional(
      Type.Union([KernelRange, Type.Array(KernelRange, { minItems: 1 })], {
        description: 'A kernel release range, or a list of ranges of which any may hold',
      }),
    ),
    arch: Type.Optional(Type.Array(Type.String(), { minItems: 1, description: 'Any of these (uname -m)' })),
    endian: Type.Optional(Type.Union([Type.Literal('little'), Type.Literal('big')])),
    pageSize: Type.Optional(Type.Integer({ minimum: 4096 })),
    features: Type.Optional(
      Type.Array(Type.Union(Object.keys(FEATURES).map((f) => Type.Literal(f as Feature))), { uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
)
export type Requires = Static<typeof Requires>
