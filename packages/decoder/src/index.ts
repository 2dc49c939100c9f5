// @watchq/decoder: Linux watch_queue notification records ⇄ bytes, for every UAPI revision.
export { type DecodeOptions, decode } from './decode.js'
export { DecodeError, type DecodeErrorCode, EncodeError } from './errors.js'
export { HOST_ENDIAN } from './options.js'
export * from './record.js'
export { REVISION_IDS, type Revision, revision } from './revisions.js'
export type { FieldTable, RecordKind, RevisionTable, RuleTable, StructTable } from './tables.js'
