// Shapes of the tables generated from @watchq/spec (src/generated/revisions.ts). Everything the
// decoder knows about a revision is here; no layout is written by hand anywhere else.

export type RecordKind =
  | 'skip'
  | 'removal'
  | 'loss'
  | 'key'
  | 'mount'
  | 'superblock'
  | 'superblock-error'
  | 'block'
  | 'usb'

export interface FieldTable {
  /** Name in decoded records (camelCase of the C member). */
  readonly name: string
  /** C member path, e.g. `key_id` or `s.sb_id`. */
  readonly c: string
  readonly offset: number
  readonly type: 'u8' | 'u16' | 'u32' | 'u64' | 'bytes' | 'structs'
  /** For `bytes` and `structs`: the field holding the element count. */
  readonly lengthField?: string
  /** For a fixed array such as `__u32 subtype_filter[8]`: the element count. */
  readonly count?: number
  /** For `structs`: the element struct id. */
  readonly element?: string
}

export interface StructTable {
  readonly id: string
  readonly size: number
  /** Payload members after the record header, in declaration order. */
  readonly fields: readonly FieldTable[]
}

export interface RuleTable {
  readonly kind: RecordKind
  readonly type: number
  /** null: any subtype of the type. */
  readonly subtype: number | null
  /** Struct variants, smallest first; the largest one the record length covers is used. */
  readonly structs: readonly StructTable[]
  readonly length:
    | { readonly kind: 'fixed' }
    | { readonly kind: 'padding' }
    | { readonly kind: 'flexible'; readonly base: number; readonly roundTo?: number }
  /** Event names of the subtypes, by subtype value (`NOTIFY_KEY_LINKED` → `linked`). */
  readonly events: Readonly<Record<number, string>>
}

export interface BitfieldTable {
  /** Shift of the field in the native u32, little- and big-endian. */
  readonly le: number
  readonly be: number
  readonly width: number
}

export interface RingTable {
  readonly headerSize: number
  readonly metaSlots: number
  readonly head: number
  readonly tail: number
  readonly mask: number
}

export interface RevisionTable {
  readonly id: string
  readonly transport: 'mmap-ring' | 'pipe'
  /** Bytes per length unit: 1 (pipe) or 8 (ring slots). */
  readonly lengthUnit: 1 | 8
  readonly lengthMask: number
  readonly lengthShift: number
  readonly idMask: number
  readonly idShift: number
  readonly typeInfoMask: number
  /** Largest record length the info field can express, in bytes. */
  readonly maxLength: number
  readonly header: { readonly type: BitfieldTable; readonly subtype: BitfieldTable }
  /** Type names by value (`WATCH_TYPE_KEY_NOTIFY` → `key`). */
  readonly types: Readonly<Record<number, string>>
  readonly rules: readonly RuleTable[]
  /** Named info-field flags of this revision (WATCH_INFO_OVERRUN, WATCH_INFO_NOTIFICATIONS_LOST, …). */
  readonly flags: Readonly<Record<string, number>>
  readonly ring?: RingTable
}

/** The generated form: rules name their structs by id; `linkRevision` resolves them. */
export type GeneratedRule = Omit<RuleTable, 'structs'> & { readonly structs: readonly string[] }
export type GeneratedRevision = Omit<RevisionTable, 'rules'> & { readonly rules: readonly GeneratedRule[] }
