// Value shapes shared by our own formats (cases, captures, the adapter protocol, reports).
import { type Static, Type } from '@sinclair/typebox'
import { ERRNOS } from '../uapi/constants/errno.js'

/**
 * A symbolic handle: `$name`. Bound to a concrete value on first sight (a step's `bind`, or the
 * first expectation that mentions it), because fds and key serials differ from run to run.
 */
export const Ref = Type.String({ pattern: '^\\$[A-Za-z_][A-Za-z0-9_]*$', description: 'A symbolic handle ($name)' })
export type Ref = Static<typeof Ref>

export const isRef = (v: unknown): v is Ref => typeof v === 'string' && /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)

/** An integer argument or a handle that stands for one. */
export const IntOrRef = Type.Union([Type.Integer(), Ref])
export type IntOrRef = Static<typeof IntOrRef>

/** A file descriptor: a handle bound by pipe2/open_file/dup, or a literal number (e.g. -1 for a bad fd). */
export const Fd = IntOrRef
export type Fd = Static<typeof Fd>

/** Special keyrings, as keyutils spells them (KEY_SPEC_*). */
export const SPECIAL_KEYRINGS = {
  '@t': -1, // thread
  '@p': -2, // process
  '@s': -3, // session
  '@u': -4, // user
  '@us': -5, // user session
  '@g': -6, // group
  '@a': -7, // request-key authorisation
  '@r': -8, // requestor
} as const
export type SpecialKeyring = keyof typeof SPECIAL_KEYRINGS

/** A key or keyring: a handle bound by add_key/keyring_id, a special keyring (@s…), or a literal serial. */
export const KeyRef = Type.Union([
  Type.Integer(),
  Ref,
  Type.Union(Object.keys(SPECIAL_KEYRINGS).map((k) => Type.Literal(k as SpecialKeyring))),
])
export type KeyRef = Static<typeof KeyRef>

/** Bytes as hex, whitespace allowed between digit pairs. */
export const Hex = Type.String({ pattern: '^(\\s*[0-9a-fA-F]{2})*\\s*$', description: 'Bytes as hex digit pairs' })
export type Hex = Static<typeof Hex>

export const ERRNO_NAMES = ERRNOS.map((e) => e.name)
/** An errno by name (asm-generic numbering in ERRNOS); names outside the list are allowed as E[A-Z0-9]+. */
export const ErrnoName = Type.String({ pattern: '^E[A-Z0-9]+$', description: 'An errno name, e.g. EINVAL' })
export type ErrnoName = Static<typeof ErrnoName>

/** A binding target: one handle, or one per value (pipe2 binds [read end, write end]). */
export const Bind = Type.Union([Ref, Type.Array(Ref, { minItems: 1 })])
export type Bind = Static<typeof Bind>

export const Comment = Type.String({ description: 'Why this step or case exists' })
