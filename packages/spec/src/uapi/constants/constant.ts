// A named constant of the UAPI (a #define or an enum member) and a system call, as the spec states
// them: C names, per-arch values where they differ, and how sure the sources make us.
import { type Static, Type } from '@sinclair/typebox'
import { Confidence } from '../../layout/confidence.js'

export const Note = { confidence: Type.Optional(Confidence), note: Type.Optional(Type.String()) }

export const PerArchValue = Type.Object(
  {
    generic: Type.Integer({ description: 'asm-generic value (x86, arm, arm64, s390, riscv, …)' }),
    alpha: Type.Optional(Type.Integer()),
    arm: Type.Optional(Type.Integer({ description: 'arm and arm64' })),
    mips: Type.Optional(Type.Integer()),
    parisc: Type.Optional(Type.Integer()),
    powerpc: Type.Optional(Type.Integer()),
    sparc: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false, description: 'A value that differs between architectures' },
)
export type PerArchValue = Static<typeof PerArchValue>

export const Constant = Type.Object(
  {
    name: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'C identifier' }),
    value: Type.Union([Type.Integer(), PerArchValue]),
    enum: Type.Optional(Type.String({ description: 'C enum tag the constant belongs to; absent for a #define' })),
    c: Type.Optional(Type.String({ description: 'C expression used in generated headers instead of the literal' })),
    kernelInternal: Type.Optional(
      Type.Literal(true, {
        description: 'Not in any UAPI header: a kernel-internal limit (left out of generated headers)',
      }),
    ),
    description: Type.Optional(Type.String()),
    ...Note,
  },
  { additionalProperties: false },
)
export type Constant = Static<typeof Constant>

export const Syscall = Type.Object(
  {
    name: Type.String(),
    signature: Type.String(),
    numbers: Type.Record(Type.String({ pattern: '^[a-z0-9_]+$' }), Type.Integer({ minimum: 0 })),
    ...Note,
  },
  { additionalProperties: false },
)
export type Syscall = Static<typeof Syscall>

/** Constants of an enum, in order, from `[name, value]` pairs. */
export function enumOf(tag: string, entries: ReadonlyArray<readonly [string, number, string?]>): Constant[] {
  return entries.map(([name, value, description]) => ({
    name,
    value,
    enum: tag,
    ...(description ? { description } : {}),
  }))
}

/** #defines from `[name, value]` pairs. */
export function definesOf(entries: ReadonlyArray<readonly [string, number, string?]>): Constant[] {
  return entries.map(([name, value, description]) => ({ name, value, ...(description ? { description } : {}) }))
}
