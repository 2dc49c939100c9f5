// Build step: writes the JSON Schemas, the revisions as JSON and a C header per revision into dist/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { cHeader } from '../src/generate/c-header.js'
import { jsonSchemaFiles, revisionFiles } from '../src/generate/json-schema.js'
import { REVISIONS } from '../src/index.js'

const out = resolve(import.meta.dirname, '../dist')
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(out, path)), { recursive: true })
  writeFileSync(join(out, path), text)
}
const files = [...jsonSchemaFiles().map((f) => ({ ...f, path: `schemas/${f.path}` })), ...revisionFiles()]
for (const f of files) write(f.path, `${JSON.stringify(f.json, null, 2)}\n`)
for (const r of REVISIONS) write(`headers/${r.id}.h`, cHeader(r))
console.log(`emitted ${files.length} JSON files and ${REVISIONS.length} C headers into ${out}`)
