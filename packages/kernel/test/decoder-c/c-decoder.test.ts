// The C reference decoder (decoder-c/) against @watchq/decoder: for every revision and byte order,
// one record of every rule (each struct variant), malformed streams and random streams, the answers
// over decoder protocol v1 equal decode() + recordToJson() (or the DecodeError's code and offset).
// Random values are keyed by a printed seed: rerun with WATCHQ_SEED=<seed> to reproduce.
import { readFileSync } from 'node:fs'
import {
  DecodeError,
  decode,
  encode,
  type FieldTable,
  REVISION_IDS,
  type RecordInput,
  type Revision,
  recordToJson,
  revision,
  type StructTable,
} from '@watchq/decoder'
import { createAjv, DecodeResponse, DecoderHelloResponse } from '@watchq/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { C_TABLES_COMMAND, C_TABLES_PATH, cDecoderTables } from '../../scripts/generate-c-decoder-tables.js'
import { buildCDecoder } from '../../src/decoder-c/build.js'
import { ProtocolProcess, runWithInput } from './c-process.js'

type Endian = 'little' | 'big'
type Rule = Revision['rules'][number]

const SEED = Number(process.env['WATCHQ_SEED'] ?? Math.floor(Math.random() * 2 ** 32)) >>> 0
console.log(`c-decoder test seed ${SEED} (rerun with WATCHQ_SEED=${SEED})`)

/** A PRNG (mulberry32) seeded by SEED and a key, so each case reproduces on its own. */
function rng(key: string) {
  let h = 2166136261 ^ SEED
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619)
  let a = h >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const int = (n: number) => Math.floor(next() * n)
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256))
  return { next, int, bytes, u32: () => int(2 ** 32) }
}
type Rng = ReturnType<typeof rng>

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))
const fixedPart = (rule: Rule, s: StructTable) => (rule.length.kind === 'flexible' ? rule.length.base : s.size)
const maxType = (rev: Revision) => Math.max(...rev.rules.map((r) => r.type))

/** A subtype that selects `rule` (a catch-all rule: a named one mostly, sometimes any other). */
function subtypeFor(rev: Revision, rule: Rule, r: Rng): number {
  if (rule.subtype !== null) return rule.subtype
  const named = Object.keys(rule.events).map(Number)
  for (;;) {
    const sub = named.length && r.next() < 0.75 ? named[r.int(named.length)]! : r.int(256)
    if (rev.ruleFor(rule.type, sub) === rule) return sub
  }
}

function fieldValue(f: FieldTable, r: Rng): unknown {
  switch (f.type) {
    case 'u8':
      return r.int(256)
    case 'u16':
      return r.int(65536)
    case 'u32':
      return r.u32()
    case 'u64':
      return (BigInt(r.u32()) << 32n) | BigInt(r.u32())
    case 'bytes':
      return r.bytes(r.int(41))
    default:
      throw new Error(`no value for ${f.type}`)
  }
}

/** One record input per (rule, struct variant): the variant's fields with random values. */
function ruleRecords(rev: Revision, r: Rng): RecordInput[] {
  const out: RecordInput[] = []
  for (const rule of rev.rules) {
    for (const s of rule.structs) {
      const rec: Record<string, unknown> = {
        kind: rule.kind,
        subtype: subtypeFor(rev, rule, r),
        watchId: r.int((rev.idMask >>> rev.idShift) + 1),
        typeInfo: r.int((rev.typeInfoMask >>> rev.typeInfoShift) + 1),
      }
      for (const f of s.fields) {
        // Byte counts follow the byte arrays (the encoder fills them in).
        if (!s.fields.some((g) => g.lengthField === f.name)) rec[f.name] = fieldValue(f, r)
      }
      if (rule.length.kind === 'padding') rec['length'] = Math.ceil(s.size / 8) * 8 + 8 * r.int(4)
      out.push(rec as unknown as RecordInput)
    }
  }
  return out
}

/** A record built from its header fields, for what the encoder will not write (never under 8 bytes). */
function rawRecord(
  rev: Revision,
  endian: Endian,
  h: { type: number; subtype: number; length: number; size?: number; info?: number },
  r: Rng,
): Uint8Array {
  const little = endian === 'little'
  const out = r.bytes(Math.max(8, h.size ?? h.length))
  const view = new DataView(out.buffer)
  const { type, subtype } = rev.header
  const w0 = (h.type << (little ? type.le : type.be)) | (h.subtype << (little ? subtype.le : subtype.be))
  const lengthBits = ((h.length / rev.lengthUnit) << rev.lengthShift) & rev.lengthMask
  view.setUint32(0, w0 >>> 0, little)
  view.setUint32(4, (((h.info ?? r.u32()) & ~rev.lengthMask) | lengthBits) >>> 0, little)
  return out
}

/** The subtype of a rule's own (the first that selects it). */
const ownSubtype = (rev: Revision, rule: Rule) =>
  rule.subtype ?? [...Array(256).keys()].find((s) => rev.ruleFor(rule.type, s) === rule)!

interface Case {
  name: string
  revision: string
  endian: Endian
  bytes: Uint8Array
}

/** Malformed and edge-case streams of one revision and byte order. */
function malformed(rev: Revision, endian: Endian, r: Rng): Case[] {
  const c = (name: string, bytes: Uint8Array): Case => ({ name, revision: rev.id, endian, bytes })
  const good = encode(ruleRecords(rev, r), { revision: rev.id, endian })
  const unit = rev.lengthUnit
  const cases = [
    c('empty', new Uint8Array()),
    c('short header alone', r.bytes(5)),
    c('short header after records', concat(good, r.bytes(1 + r.int(7)))),
    c('length 0', concat(good, rawRecord(rev, endian, { type: 1, subtype: 0, length: 0, size: 16 }, r))),
    c('truncated', concat(good, rawRecord(rev, endian, { type: 1, subtype: 0, length: 4 * unit, size: 3 * unit }, r))),
    c('truncated alone', rawRecord(rev, endian, { type: 1, subtype: 0, length: 16, size: 15 }, r)),
    c(
      'unknown type',
      concat(rawRecord(rev, endian, { type: maxType(rev) + 1, subtype: r.int(256), length: 16 }, r), good),
    ),
    c('huge type', rawRecord(rev, endian, { type: 2 ** rev.header.type.width - 1, subtype: 255, length: 8 }, r)),
  ]
  for (const rule of rev.rules) {
    const min = Math.min(...rule.structs.map((s) => fixedPart(rule, s)))
    if (min > 8) {
      const rec = rawRecord(rev, endian, { type: rule.type, subtype: ownSubtype(rev, rule), length: 8 }, r)
      cases.push(c(`${rule.kind} record too short`, concat(good, rec)))
    }
    for (const s of rule.structs) {
      const bytes = s.fields.find((f) => f.type === 'bytes')
      const count = s.fields.find((f) => f.name === bytes?.lengthField)
      if (!bytes || !count) continue
      // A record of 24 bytes: a count that overruns it, and one that fills it exactly; and a record
      // of just its fixed part (shorter than the struct's sizeof) with an empty array.
      const atBase = Math.ceil(fixedPart(rule, s) / rev.lengthUnit) * rev.lengthUnit
      for (const [what, length, n] of [
        ['overrunning', 24, 200],
        ['filling', 24, 24 - bytes.offset],
        ['empty', atBase, 0],
      ] as const) {
        const rec = rawRecord(rev, endian, { type: rule.type, subtype: ownSubtype(rev, rule), length }, r)
        rec[count.offset] = n
        cases.push(c(`${rule.kind} ${bytes.name} ${what}`, concat(good, rec)))
      }
    }
  }
  return cases
}

/** Random streams: random headers and bodies of plausible types and lengths, sometimes a bad tail. */
function randomStream(rev: Revision, endian: Endian, r: Rng): Uint8Array {
  const parts: Uint8Array[] = []
  const units = Math.min(rev.maxLength / rev.lengthUnit, Math.floor(48 / rev.lengthUnit))
  for (let n = r.int(6); n > 0; n--) {
    const type = r.int(maxType(rev) + 2)
    const subtype = r.next() < 0.7 ? r.int(12) : r.int(256)
    parts.push(rawRecord(rev, endian, { type, subtype, length: (1 + r.int(units)) * rev.lengthUnit }, r))
  }
  const tail = r.int(10)
  if (tail === 0) parts.push(r.bytes(1 + r.int(7)))
  else if (tail === 1) parts.push(rawRecord(rev, endian, { type: 1, subtype: 0, length: 0, size: 8 }, r))
  else if (tail === 2)
    parts.push(rawRecord(rev, endian, { type: 1, subtype: 0, length: 4 * rev.lengthUnit, size: 9 }, r))
  return concat(...parts)
}

/** What the TypeScript decoder makes of a stream, in the protocol's terms. */
function expected(c: Case): { records: unknown[] } | { error: { code: string; offset: number } } {
  try {
    return { records: decode(c.bytes, { revision: c.revision, endian: c.endian }).map((x) => recordToJson(x)) }
  } catch (e) {
    if (e instanceof DecodeError) return { error: { code: e.code, offset: e.offset } }
    throw e
  }
}

const ajv = createAjv()
const validResponse = ajv.compile(DecodeResponse)
const validHello = ajv.compile(DecoderHelloResponse)

let binary: string
let proc: ProtocolProcess
let seq = 0

/** Sends every case, then compares each answer with the TypeScript decoder's result. */
async function check(cases: readonly Case[]): Promise<void> {
  const answers = await Promise.all(
    cases.map((c) =>
      proc.request({ cmd: 'decode', seq: seq++, revision: c.revision, endian: c.endian, hex: hex(c.bytes) }),
    ),
  )
  cases.forEach((c, i) => {
    const label = `${c.revision} ${c.endian} ${c.name} (seed ${SEED}): ${hex(c.bytes)}`
    const a = answers[i] as { records?: unknown[]; error?: { code: string; offset: number; message?: string } }
    expect(validResponse(a), `${label}: answer out of protocol: ${JSON.stringify(a)}`).toBe(true)
    const want = expected(c)
    if ('error' in want) {
      expect(a.error && { code: a.error.code, offset: a.error.offset }, label).toEqual(want.error)
    } else {
      expect(a.error, label).toBeUndefined()
      expect(a.records, label).toEqual(want.records)
    }
  })
}

const each = REVISION_IDS.flatMap((id) => (['little', 'big'] as const).map((endian) => [revision(id), endian] as const))

describe('decoder-c/tables.h', () => {
  it('is what the generator makes of @watchq/decoder today', () => {
    const fresh = cDecoderTables()
    if (readFileSync(C_TABLES_PATH, 'utf8') !== fresh) {
      expect.fail(`decoder-c/tables.h is stale: run \`${C_TABLES_COMMAND}\``)
    }
    expect(fresh).toMatch(/^\/\* SPDX-License-Identifier: MIT \*\/\n\/\* Generated .*Do not edit/)
  })
})

describe('the C decoder over decoder protocol v1', () => {
  beforeAll(async () => {
    binary = await buildCDecoder()
    proc = new ProtocolProcess(binary)
  }, 60_000)
  afterAll(async () => {
    await proc?.close()
  })

  it('says hello with every revision the TypeScript decoder knows', async () => {
    const hello = await proc.request({ cmd: 'hello', protocol: 1 })
    expect(validHello(hello)).toBe(true)
    expect(hello).toEqual({ protocol: 1, name: 'watchq-c-decoder 0.1.0', revisions: [...REVISION_IDS] })
  })

  it('decodes a record of every rule and struct variant, in every revision and byte order', async () => {
    const cases = each.map(([rev, endian]): Case => {
      const records = ruleRecords(rev, rng(`rules/${rev.id}/${endian}`))
      const bytes = encode(records, { revision: rev.id, endian })
      // The stream holds what it should: one known record per input, none of them unknown.
      expect(decode(bytes, { revision: rev.id, endian }).map((x) => x.kind)).toEqual(records.map((x) => x.kind))
      return { name: 'every rule', revision: rev.id, endian, bytes }
    })
    await check(cases)
  })

  it('agrees on malformed streams: short header, length 0, truncated, unknown type, too short, overruns', async () => {
    const cases = each.flatMap(([rev, endian]) => malformed(rev, endian, rng(`malformed/${rev.id}/${endian}`)))
    const codes = new Set(cases.map((c) => expected(c)).flatMap((e) => ('error' in e ? [e.error.code] : [])))
    expect([...codes].sort()).toEqual(['length-too-small', 'short-header', 'truncated'])
    const reasons = new Set(
      cases.flatMap((c) => {
        const e = expected(c)
        return 'records' in e ? e.records.map((x) => (x as { reason?: string }).reason) : []
      }),
    )
    expect(reasons).toContain('unknown-type')
    expect(reasons).toContain('record-too-short')
    await check(cases)
  })

  it('agrees on random streams', async () => {
    const cases = each.flatMap(([rev, endian]) => {
      const r = rng(`random/${rev.id}/${endian}`)
      return Array.from({ length: 12 }, (_, i) => ({
        name: `random #${i}`,
        revision: rev.id,
        endian,
        bytes: randomStream(rev, endian, r),
      }))
    })
    await check(cases)
  })
})

describe('the C decoder process', () => {
  beforeAll(async () => {
    binary = await buildCDecoder()
  }, 60_000)

  const hello = `${JSON.stringify({ cmd: 'hello', protocol: 1 })}\n`
  const decodeLine = (hex: string, rev = 'mainline') =>
    `${JSON.stringify({ cmd: 'decode', seq: 7, revision: rev, endian: 'little', hex })}\n`

  it('exits 0 at EOF', async () => {
    expect(await runWithInput(binary, '')).toMatchObject({ code: 0, stdout: '', stderr: '' })
    const r = await runWithInput(binary, hello + decodeLine(''))
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))[1],
    ).toEqual({ seq: 7, records: [] })
  })

  it.each([
    ['a non-hex digit', '0g', /bad hex.*character 1/],
    ['an odd number of digits', '010', /bad hex.*odd/],
    ['upper-case digits', 'AB', /bad hex.*lower-case/],
  ])('exits 2 on hex with %s, naming the problem', async (_, bad, message) => {
    const r = await runWithInput(binary, hello + decodeLine(bad))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it.each([
    ['an unknown revision', hello + decodeLine('', 'linux-0.01'), /unknown revision "linux-0.01"/],
    ['a line that is not JSON', `${hello}{"cmd":\n`, /line 2: not JSON/],
    ['an unknown command', `${hello}{"cmd":"encode"}\n`, /unknown command/],
    ['decode before hello', decodeLine(''), /decode before hello/],
    ['another protocol', '{"cmd":"hello","protocol":2}\n', /protocol/],
    [
      'a member the protocol lacks',
      `${hello}{"cmd":"decode","seq":1,"revision":"mainline","endian":"little","hex":"","x":1}\n`,
      /unknown member "x"/,
    ],
  ])('exits 2 on %s', async (_, input, message) => {
    const r = await runWithInput(binary, input)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})
