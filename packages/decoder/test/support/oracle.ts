// An independent record builder made straight from @watchq/spec (struct layouts, bit shifts, info
// constants), not from the decoder's generated tables: for every record rule of a revision it
// builds one record's bytes and the object the decoder should return for them.
import {
  computeLayout,
  constant,
  enumMembers,
  infoLayout,
  members,
  type Revision,
  STRUCTS,
  type TStruct,
  valueOn,
} from '@watchq/spec'

export type Expected = Record<string, unknown>

const camel = (c: string) => c.replace(/^_+/, '').replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())

/** Deterministic "random" values so streams are stable across runs. */
function* values(seed: number) {
  let x = seed >>> 0
  for (;;) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    yield x
  }
}

export function oracleStream(rev: Revision, endian: 'little' | 'big'): { bytes: Uint8Array; expected: Expected[] } {
  const little = endian === 'little'
  const info = infoLayout(rev)
  const arch = little ? 'x86_64' : 's390x'
  const rnd = values(rev.id.length * 7919 + (little ? 1 : 2))
  const next = () => rnd.next().value as number
  const chunks: Uint8Array[] = []
  const expected: Expected[] = []
  let offset = 0
  const headerId = rev.structs.find((id) => id.endsWith('/watch_notification'))!
  const shifts = computeLayout(STRUCTS.get(headerId)!, arch).members
  const typeShift = shifts.find((m) => m.name === 'type')!.shift!
  const subShift = shifts.find((m) => m.name === 'subtype')!.shift!
  for (const rule of rev.records) {
    const type = valueOn(constant(rev, rule.type))
    const subtypes = rule.subtype
      ? [valueOn(constant(rev, rule.subtype))]
      : rule.subtypeEnum
        ? enumMembers(rev, rule.subtypeEnum).map((c) => valueOn(c))
        : [0]
    for (const subtype of subtypes) {
      if (
        rule.subtype === undefined &&
        rev.records.some((r) => r.subtype && r.type === rule.type && valueOn(constant(rev, r.subtype)) === subtype)
      )
        continue
      for (const structId of rule.structs) {
        const s = STRUCTS.get(structId) as TStruct
        const layout = computeLayout(s, arch)
        const fields: Array<{ name: string; offset: number; ctype: string; flexible?: boolean }> = []
        const walk = (st: TStruct, base: number) => {
          const lay = computeLayout(st, arch).members
          for (const [i, m] of members(st).entries()) {
            const off = base + lay[i]!.offset
            if (m.layout.ctype === 'struct watch_notification') continue
            if (m.layout.ctype.startsWith('struct ')) walk(m.schema as TStruct, off)
            else fields.push({ name: camel(m.name), offset: off, ctype: m.layout.ctype, flexible: m.layout.flexible })
          }
        }
        if (!structId.endsWith('/watch_notification')) walk(s, 0)
        const nameBytes = fields.some((f) => f.flexible) ? new TextEncoder().encode(`dev${subtype}`) : undefined
        let length = layout.size
        if (rule.length.kind === 'flexible') {
          const raw = rule.length.base + (nameBytes?.length ?? 0)
          length = Math.ceil(raw / (rule.length.roundTo ?? 1)) * (rule.length.roundTo ?? 1)
        }
        const unit = info.lengthUnit
        const watchId = next() & (info.idMask >>> info.idShift)
        const infoWord = (((length / unit) << info.lengthShift) | (watchId << info.idShift)) >>> 0
        const out = new Uint8Array(length)
        const v = new DataView(out.buffer)
        v.setUint32(0, ((type << typeShift) | (subtype << subShift)) >>> 0, little)
        v.setUint32(4, infoWord, little)
        const exp: Expected = { offset, length, type, subtype, info: infoWord, watchId, typeInfo: 0, kind: rule.kind }
        if (rule.subtypeEnum) {
          const name = enumMembers(rev, rule.subtypeEnum).find((c) => valueOn(c) === subtype)!.name
          exp['event'] = name.split('_').slice(2).join('-').toLowerCase()
        }
        for (const f of fields) {
          switch (f.ctype) {
            case '__u8':
              if (f.flexible) {
                out.set(nameBytes!, f.offset)
                exp[f.name] = nameBytes
              } else {
                const n = f.name === 'nameLen' ? nameBytes!.length : next() & 0xff
                v.setUint8(f.offset, n)
                exp[f.name] = n
              }
              break
            case '__u16': {
              const n = next() & 0xffff
              v.setUint16(f.offset, n, little)
              exp[f.name] = n
              break
            }
            case '__u32': {
              const n = next()
              v.setUint32(f.offset, n, little)
              exp[f.name] = n
              break
            }
            case '__u64': {
              const n = (BigInt(next()) << 32n) | BigInt(next())
              v.setBigUint64(f.offset, n, little)
              exp[f.name] = n
              break
            }
            default:
              throw new Error(`oracle: ${f.ctype}`)
          }
        }
        chunks.push(out)
        expected.push(exp)
        offset += length
      }
    }
  }
  const bytes = new Uint8Array(offset)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return { bytes, expected }
}
