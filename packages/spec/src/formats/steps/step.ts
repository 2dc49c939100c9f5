// How a step schema is built: the op name, its arguments, and the fields every step may carry.
import { type TLiteral, type TObject, type TOptional, type TProperties, type TString, Type } from '@sinclair/typebox'
import { Expectation } from '../expectation.js'
import { Bind, Comment } from '../values.js'

/** What a step's `bind` names receive: nothing (no bind allowed), its return value, or its fds. */
export type BindKind = 'none' | 'ret' | 'fds'

type Common<N extends string, B extends BindKind, T extends TProperties> = { op: TLiteral<N> } & T & {
    comment: TOptional<TString>
  } & (B extends 'none' ? unknown : { bind: TOptional<typeof Bind> })

/**
 * The most steps a case may have once every `repeat` is expanded: what the runner sends, holds
 * and reports for one case stays bounded (the largest shipped case has 521).
 */
export const MAX_CASE_STEPS = 8192

/** Case form only: the step written once, run `repeat` times (the runner expands it before sending). */
export const Repeat = Type.Integer({
  minimum: 1,
  maximum: 4096,
  description: 'Run this step this many times, each with the same expectation (no bind allowed)',
})

export interface OpInfo<N extends string = string, B extends BindKind = BindKind, T extends TProperties = TProperties> {
  readonly op: N
  readonly summary: string
  readonly binds: B
  readonly args: T
  /** The step as a case writes it (with optional expect, bind, comment). */
  readonly schema: TObject<
    Common<N, B, T> & { expect: TOptional<typeof Expectation>; repeat: TOptional<typeof Repeat> }
  >
  /** The step as sent to an implementation (no expect). */
  readonly wire: TObject<Common<N, B, T>>
}

export function op<N extends string, B extends BindKind, T extends TProperties>(
  name: N,
  summary: string,
  binds: B,
  args: T,
): OpInfo<N, B, T> {
  const common = {
    op: Type.Literal(name),
    ...args,
    ...(binds === 'none' ? {} : { bind: Type.Optional(Bind) }),
    comment: Type.Optional(Comment),
  } as unknown as Common<N, B, T>
  const options = { additionalProperties: false, description: summary }
  return {
    op: name,
    summary,
    binds,
    args,
    schema: Type.Object({ ...common, expect: Type.Optional(Expectation), repeat: Type.Optional(Repeat) }, options),
    wire: Type.Object(common, options),
  }
}
