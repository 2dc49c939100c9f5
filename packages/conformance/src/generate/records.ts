// Seeded random record streams for checking decoders, built from the revision tables of the spec
// (through @watchq/decoder's linked tables). The generator writes the bytes itself and states what
// a decoder must report for them: it does not use the decoder or the encoder, so both can be
// checked against it. A stream is records of every rule of the revision (plus unknown types and
// records too short for their struct), and now and then one corruption (a cut, a zero length).
import { fixedPart, REVISION_IDS, type Revision, revision, type StructTable } from '@watchq/decoder'
import type { DecodedRecordJson } from '@watchq/spec'
import { toHex } from '@watchq/spec'
import fc from 'fast-check'

export type Endian = 'little' | 'big'

/** What a correct decoder reports for a stream. */
export type Expected =
  | { readonly records: readonly DecodedRecordJson[] }
  | { readonly error: { readonly code: 'short-header' | 'length-too-small' | 'truncated'; readonly offset: number } }

export interface GeneratedStream {
  readonly revision: string
  readonly endian: Endian
  readonly bytes: Uint8Array
  readonly expected: Expected
  /** What the stream holds, for messages: record kinds, and the corruption if any. */
  readonly shape: string
}

/** One record as drawn: which rule (or an unknown type), and the raw choices its bytes are built from. */
interface Draw {
  readonly pick: number
  readonly subtypeRoll: number
  readonly variantRoll: number
  readonly extraUnits: number
  readonly watchId: number
  readonly typeInfo: number
  readonly words: readonly number[]
  readonly big: readonly bigint[]
  readonly nameLen: number
  readonly overrun: boolean
  readonly filler: number
}

interface Corruption {
  readonly kind: 'none' | 'cut' | 'zero-length'
  readonly where: number
}

const draw: fc.Arbitrary<Draw> = fc.record({
  pick: fc.nat(),
  subtypeRoll: fc.nat(),
  variantRoll: fc.nat(),
  extraUnits: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 4 }) }),
  watchId: fc.nat(),
  typeInfo: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }),
  words: fc.array(fc.nat({ max: 0xffffffff }), { minLength: 8, maxLength: 8 }),
  big: fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { minLength: 4, maxLength: 4 }),
  nameLen: fc.nat({ max: 110 }),
  overrun: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  filler: fc.nat({ max: 255 }),
})

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const, where: 0 }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), where: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('zero-length' as const), where: fc.nat() }) },
)

/** Parameters of one stream: revision and byte order, record draws, corruption. */
export interface StreamOptions {
  /** Revision ids to draw from (default: all). */
  readonly revisions?: readonly string[]
  readonly endians?: readonly Endian[]
  /** Most records per stream (default 16). */
  readonly maxRecords?: number
}

export function streamArbitrary(options: StreamOptions = {}): fc.Arbitrary<GeneratedStream> {
  const revisions = options.revisions ?? REVISION_IDS
  const endians = options.endians ?? (['little', 'big'] as const)
  for (const id of revisions) revision(id) // unknown ids fail here, naming the known ones
  return fc
    .record({
      revision: fc.constantFrom(...revisions),
      endian: fc.constantFrom(...endians),
      draws: fc.array(draw, { minLength: 0, maxLength: options.maxRecords ?? 16 }),
      corruption,
    })
    .map(({ revision: id, endian, draws, corruption: c }) => buildStream(revision(id), endian, draws, c))
}

/** `count` streams for `seed`: the same seed always gives the same streams. */
export function generateStreams(seed: number, count: number, options: StreamOptions = {}): GeneratedStream[] {
  if (count === 0) return []
  return fc.sample(streamArbitrary(options), { seed, numRuns: count })
}

// ---------------------------------------------------------------------------------------------

const mask = (m: number) => m >>> 0

/** Largest record length the revision can express. */
function maxLength(rev: Revision): number {
  const byMask = (mask(rev.lengthMask) >>> rev.lengthShift) * rev.lengthUnit
  return Math.min(rev.maxLength, byMask)
}

const roundUp = (n: number, unit: number) => Math.ceil(n / unit) * unit

/** A type value no rule of the revision covers (for unknown-type records). */
function unknownType(rev: Revision, roll: number): number {
  const typeMax = 2 ** rev.header.type.width - 1
  const used = new Set(rev.rules.map((r) => r.type))
  for (let t = (roll % 64) + 2; t <= typeMax; t++) if (!used.has(t)) return t
  throw new Error(`${rev.id}: no unused type value`)
}

/** A known type and a subtype none of its rules covers, if the revision has one. */
function subtypeGap(rev: Revision, roll: number): { type: number; subtype: number } | undefined {
  const subtypeMax = 2 ** rev.header.subtype.width - 1
  const types = [...new Set(rev.rules.map((r) => r.type))]
  const type = types[roll % types.length]!
  for (let s = (roll >>> 3) % (subtypeMax + 1), n = 0; n <= subtypeMax; n++, s = (s + 1) % (subtypeMax + 1))
    if (!rev.ruleFor(type, s)) return { type, subtype: s }
  return undefined
}

interface Built {
  readonly bytes: Uint8Array
  readonly json: DecodedRecordJson
  readonly label: string
}

function buildRecord(rev: Revision, little: boolean, d: Draw, offset: number): Built {
  const unit = rev.lengthUnit
  const max = maxLength(rev)
  // One pick in eight is an unknown type; the rest are spread over the rules.
  const ruleCount = rev.rules.length
  const unknown = d.pick % 8 === 7
  const chosen = unknown ? undefined : rev.rules[(d.pick >>> 3) % ruleCount]
  const subtypeMax = 2 ** rev.header.subtype.width - 1
  // An unknown record is either a type no rule covers or, where there is one, a subtype no rule of
  // a known type covers (meta records have only removal and loss).
  const gap = unknown && d.subtypeRoll % 2 === 1 ? subtypeGap(rev, d.subtypeRoll) : undefined
  const type = chosen ? chosen.type : gap ? gap.type : unknownType(rev, d.pick)
  let subtype: number
  if (gap) subtype = gap.subtype
  else if (chosen && chosen.subtype !== null) subtype = chosen.subtype
  else if (chosen) {
    // Mostly a subtype the rule names an event for; sometimes any value.
    const named = Object.keys(chosen.events).map(Number)
    subtype =
      named.length && d.subtypeRoll % 4 !== 0 ? named[d.subtypeRoll % named.length]! : d.subtypeRoll % (subtypeMax + 1)
  } else subtype = d.subtypeRoll % (subtypeMax + 1)
  // The rule the decoder will use (a subtype-specific rule wins over the catch-all).
  const rule = rev.ruleFor(type, subtype)

  // Length: the fixed part of a struct variant (or of a too-short record), plus the name for a
  // flexible record, plus now and then extra units, rounded to the length unit.
  let length: number
  let nameLen = 0
  if (rule) {
    const variants = rule.structs
    const short = d.variantRoll % 10 === 9 // a record shorter than the smallest struct
    if (short && fixedPart(rule, variants[0]!) > 8) length = 8
    else {
      const s = variants[d.variantRoll % variants.length]!
      let need = fixedPart(rule, s)
      if (rule.length.kind === 'flexible') {
        nameLen = Math.min(d.nameLen, max - need)
        need += nameLen
      }
      length = roundUp(need, unit) + d.extraUnits * unit
      if (rule.length.kind === 'flexible' && rule.length.roundTo) length = roundUp(length, rule.length.roundTo)
    }
  } else length = roundUp(8 + (d.extraUnits + (d.words[0]! % 3)) * 4, unit)
  length = Math.max(8, Math.min(length, Math.floor(max / unit) * unit))

  const bytes = new Uint8Array(length).fill(d.filler)
  const view = new DataView(bytes.buffer)
  const { type: tBits, subtype: sBits } = rev.header
  const w0 = ((type << (little ? tBits.le : tBits.be)) | (subtype << (little ? sBits.le : sBits.be))) >>> 0
  const idShift = rev.idShift
  const idMax = mask(rev.idMask) >>> idShift
  const tiShift = rev.typeInfoShift
  const tiMax = mask(rev.typeInfoMask) >>> tiShift
  const watchId = d.watchId % (idMax + 1)
  const typeInfo = d.typeInfo % (tiMax + 1)
  const info =
    (((length / unit) << rev.lengthShift) & rev.lengthMask) |
    ((watchId << idShift) & rev.idMask) |
    ((typeInfo << tiShift) & rev.typeInfoMask)
  view.setUint32(0, w0, little)
  view.setUint32(4, info >>> 0, little)

  // Key order as `watchq decode --format json` prints records, so the two outputs diff cleanly.
  const header = (kind: string) => ({
    offset,
    length,
    kind,
    type,
    subtype,
    watchId: ((info & rev.idMask) >>> idShift) >>> 0,
    typeInfo: ((info & rev.typeInfoMask) >>> tiShift) >>> 0,
    info: info >>> 0,
  })
  const unknownJson = (reason: string): Built => ({
    bytes,
    json: { ...header('unknown'), reason, bytes: toHex(bytes) },
    label: `unknown(${reason})`,
  })
  if (!rule) return unknownJson('unknown-type')

  // The struct the decoder must pick: the largest whose fixed part the length covers (worked out
  // here, not with the decoder's pickStruct, which is what this checks).
  let s: StructTable | undefined
  for (const v of rule.structs) if (fixedPart(rule, v) <= length) s = v
  if (!s) return unknownJson('record-too-short')

  const json: Record<string, number | string | null> = header(rule.kind)
  if (rule.evented) json.event = rule.events[subtype] ?? null
  let w = 0
  let b = 0
  let overran = false
  for (const f of s.fields) {
    switch (f.type) {
      case 'u8': {
        // A u8 that counts a byte array: its value is the array's length (or, now and then, too big).
        const counts = s.fields.some((g) => g.lengthField === f.name)
        const v = counts ? (d.overrun ? Math.min(255, length - f.offset) : nameLen) : d.words[w++ % 8]! & 0xff
        view.setUint8(f.offset, v)
        json[f.name] = v
        break
      }
      case 'u16': {
        const v = d.words[w++ % 8]! & 0xffff
        view.setUint16(f.offset, v, little)
        json[f.name] = v
        break
      }
      case 'u32': {
        const v = d.words[w++ % 8]! >>> 0
        view.setUint32(f.offset, v, little)
        json[f.name] = v
        break
      }
      case 'u64': {
        const v = d.big[b++ % 4]!
        view.setBigUint64(f.offset, v, little)
        json[f.name] = v.toString()
        break
      }
      case 'bytes': {
        const n = json[f.lengthField!] as number
        if (f.offset + n > length) overran = true
        else {
          for (let i = 0; i < n; i++) bytes[f.offset + i] = (d.words[i % 8]! >>> (8 * (i & 3))) & 0xff
          json[f.name] = toHex(bytes.subarray(f.offset, f.offset + n))
        }
        break
      }
      case 'structs':
        throw new Error(`${rev.id}: records with arrays of structs are not generated (${s.id}.${f.name})`)
    }
  }
  // A byte array running past the record: the decoder reports it as too short.
  if (overran) return unknownJson('record-too-short')
  return { bytes, json: json as DecodedRecordJson, label: rule.kind }
}

function buildStream(rev: Revision, endian: Endian, draws: readonly Draw[], c: Corruption): GeneratedStream {
  const little = endian === 'little'
  const built: Built[] = []
  let at = 0
  for (const d of draws) {
    const r = buildRecord(rev, little, d, at)
    built.push(r)
    at += r.bytes.length
  }
  const total = at
  const bytes = new Uint8Array(total)
  const starts: number[] = []
  at = 0
  for (const r of built) {
    bytes.set(r.bytes, at)
    starts.push(at)
    at += r.bytes.length
  }
  const labels = built.map((r) => r.label).join(' ')
  const shape = (extra: string) => `${rev.id}/${endian}: ${built.length} records${labels ? ` (${labels})` : ''}${extra}`
  const records = built.map((r) => r.json)

  if (c.kind === 'cut' && total > 0) {
    const cut = c.where % total
    let k = 0
    while (k + 1 < starts.length && starts[k + 1]! <= cut) k++
    const start = starts[k]!
    const out = bytes.slice(0, cut)
    if (cut === start)
      return {
        revision: rev.id,
        endian,
        bytes: out,
        expected: { records: records.slice(0, k) },
        shape: shape(`, cut at record boundary ${cut}`),
      }
    const code = cut - start < 8 ? 'short-header' : 'truncated'
    return {
      revision: rev.id,
      endian,
      bytes: out,
      expected: { error: { code, offset: start } },
      shape: shape(`, cut at ${cut}`),
    }
  }
  if (c.kind === 'zero-length' && built.length > 0) {
    const k = c.where % built.length
    const start = starts[k]!
    const view = new DataView(bytes.buffer)
    const info = view.getUint32(start + 4, little)
    view.setUint32(start + 4, (info & ~rev.lengthMask) >>> 0, little)
    return {
      revision: rev.id,
      endian,
      bytes,
      expected: { error: { code: 'length-too-small', offset: start } },
      shape: shape(`, length of record ${k} set to 0`),
    }
  }
  return { revision: rev.id, endian, bytes, expected: { records }, shape: shape('') }
}

/** One valid stream of exactly `count` records (no corruption): what `watchq generate records` writes. */
export function generateRecords(seed: number, count: number, revisionId: string, endian: Endian): GeneratedStream {
  const rev = revision(revisionId)
  const draws = count === 0 ? [] : fc.sample(draw, { seed, numRuns: count })
  return buildStream(rev, endian, draws, { kind: 'none', where: 0 })
}
