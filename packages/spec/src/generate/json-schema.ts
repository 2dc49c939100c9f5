// The published JSON Schema files: one per struct variant, the revision schema, the two
// annotation meta-schemas, and every revision as validated data. Plain JSON: TypeBox's symbol
// markers are dropped, only standard keywords and our x-uapi-* annotations remain.
import type { TSchema } from '@sinclair/typebox'
import * as F from '../formats/index.js'
import { FieldLayout, StructLayout } from '../layout/keywords.js'
import { structLayout } from '../layout/read.js'
import { REVISIONS } from '../uapi/revisions/index.js'
import { Revision } from '../uapi/revisions/revision.js'
import { STRUCTS } from '../uapi/structs/index.js'

export const SCHEMA_ID_BASE = 'urn:watchq:spec:'
const DRAFT = 'http://json-schema.org/draft-07/schema#'

export interface EmittedFile {
  /** Path relative to the output directory. */
  readonly path: string
  readonly json: unknown
}

/** Plain JSON copy of a schema: no symbol keys, no nested $id (they would clash once inlined). */
export function plain(schema: TSchema | object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema, (k, v) => (k === '$id' ? undefined : v))) as Record<string, unknown>
}

const withId = (id: string, schema: object) => ({ $schema: DRAFT, $id: `${SCHEMA_ID_BASE}${id}`, ...plain(schema) })

export function structSchemaFile(id: string): EmittedFile {
  const s = STRUCTS.get(id)
  if (!s) throw new Error(`unknown struct "${id}"`)
  // `~` is not allowed in a URN; variants are spelled `name.variant` in file names and ids.
  const name = structLayout(s).id.replace('~', '.')
  return { path: `uapi/structs/${name}.json`, json: withId(`uapi:struct:${name}`, s) }
}

export function jsonSchemaFiles(): EmittedFile[] {
  return [
    { path: 'meta/x-uapi-layout.json', json: withId('meta:x-uapi-layout', FieldLayout) },
    { path: 'meta/x-uapi-struct.json', json: withId('meta:x-uapi-struct', StructLayout) },
    { path: 'uapi/revision.json', json: withId('uapi:revision', Revision) },
    ...[...STRUCTS.keys()].map(structSchemaFile),
    ...formatSchemaFiles(),
  ]
}

/** Our own formats: what a case, capture, protocol message, report line and expectations file must look like. */
export const FORMAT_SCHEMAS: Readonly<Record<string, TSchema>> = {
  case: F.Case,
  'capture-header': F.CaptureHeader,
  'capture-line': F.CaptureLine,
  'capture-manifest': F.CaptureManifest,
  'decoder-protocol/hello-request': F.DecoderHelloRequest,
  'decoder-protocol/hello-response': F.DecoderHelloResponse,
  'decoder-protocol/decode-request': F.DecodeRequest,
  'decoder-protocol/decode-response': F.DecodeResponse,
  'expectations-file': F.ExpectationsFile,
  'protocol/hello-request': F.HelloRequest,
  'protocol/hello-response': F.HelloResponse,
  'protocol/run-request': F.RunRequest,
  'protocol/run-response': F.RunResponse,
  'protocol/stop-request': F.StopRequest,
  'report/header': F.ReportHeader,
  'report/result': F.ReportResult,
  'report/footer': F.ReportFooter,
}

export function formatSchemaFiles(): EmittedFile[] {
  return Object.entries(FORMAT_SCHEMAS).map(([name, schema]) => ({
    path: `formats/${name}.json`,
    json: withId(`format:${name.replace('/', ':')}`, schema),
  }))
}

/** Every revision as JSON data (valid against uapi/revision.json). */
export function revisionFiles(): EmittedFile[] {
  return REVISIONS.map((r) => ({ path: `revisions/${r.id}.json`, json: r }))
}
