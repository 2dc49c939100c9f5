// The published JSON files: each schema compiles alone in a fresh strict Ajv, ids are unique, and
// the revision data validates against the published revision schema.
import { describe, expect, it } from 'vitest'
import { createAjv, FORMAT_SCHEMAS, jsonSchemaFiles, revisionFiles, STRUCTS } from '../../src/index.js'

describe('jsonSchemaFiles', () => {
  const files = jsonSchemaFiles()

  it('has one file per struct and per format, plus the revision and meta schemas, under unique ids', () => {
    expect(files).toHaveLength(STRUCTS.size + Object.keys(FORMAT_SCHEMAS).length + 3)
    const ids = files.map((f) => (f.json as { $id: string }).$id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain('urn:watchq:spec:uapi:struct:pipe/key_notification')
  })

  it.each(files.map((f) => [f.path, f.json] as const))('%s compiles in strict mode', (_path, json) => {
    expect(JSON.stringify(json)).not.toMatch(/Symbol|TypeBox/)
    expect(() => createAjv().compile(json as object)).not.toThrow()
  })

  it('validates every revision data file against the published revision schema', () => {
    const ajv = createAjv()
    const schema = files.find((f) => f.path === 'uapi/revision.json')!.json as object
    const validate = ajv.compile(schema)
    for (const r of revisionFiles()) {
      const data = JSON.parse(JSON.stringify(r.json))
      expect(validate(data) ? 'ok' : JSON.stringify(validate.errors), r.path).toBe('ok')
    }
  })
})
