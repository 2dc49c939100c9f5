// One reading of Ajv's errors for every file we validate: merged union branches, discriminated
// unions reported by the matching branch only, deepest problem first, what was found.
import { Type } from '@watchq/spec'
import { describe, expect, it } from 'vitest'
import { schemaValidator } from '../../src/cases/validate.js'
import { schemaProblems } from '../../src/schema/schema-errors.js'

const problems = (schema: Parameters<typeof schemaValidator>[0], data: unknown) => {
  const v = schemaValidator(schema)
  expect(v(data)).toBe(false)
  return schemaProblems(v.errors ?? [], data)
}

describe('schemaProblems', () => {
  const Step = Type.Union([
    Type.Object({ op: Type.Literal('read'), fd: Type.Integer() }, { additionalProperties: false }),
    Type.Object({ op: Type.Literal('close'), fd: Type.Integer() }, { additionalProperties: false }),
  ])
  const Doc = Type.Object({
    steps: Type.Array(Step),
    n: Type.Union([Type.Integer(), Type.String({ pattern: '^E[A-Z0-9]+$' })]),
  })

  it('reports a discriminated union through the branch whose const matched, deepest first', () => {
    expect(problems(Doc, { steps: [{ op: 'close', fd: 'x' }], n: 1 })).toEqual([
      { pointer: '/steps/0/fd', message: 'must be an integer', found: { value: 'x' } },
    ])
  })

  it('lists the consts when no branch matched', () => {
    expect(problems(Doc, { steps: [{ op: 'open' }], n: 1 })).toEqual([
      { pointer: '/steps/0/op', message: 'must be one of "read", "close"', found: { value: 'open' } },
    ])
  })

  it('merges the branches of a union at one pointer, naming our patterns', () => {
    expect(problems(Doc, { steps: [], n: 'bad' })).toEqual([
      { pointer: '/n', message: 'must be an integer or an errno name like EINVAL', found: { value: 'bad' } },
    ])
  })

  it('a missing property has nothing found', () => {
    expect(problems(Doc, { steps: [] })).toEqual([{ pointer: '/n', message: 'is required' }])
  })
})
