// fast-check arbitraries built from the decoder's revision tables: valid records of every rule of
// a revision, with random watch ids, type-info bits and payloads.
import fc from 'fast-check'
import type { RecordInput } from '../../src/index.js'
import { REVISION_IDS, revision } from '../../src/index.js'

export const SEED = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31)
/** Printed once so a failure can be reproduced with FC_SEED=<seed>. */
export const seedBanner = () => console.log(`fast-check seed ${SEED} (reproduce with FC_SEED=${SEED})`)

export const COMBOS = REVISION_IDS.flatMap((id) =>
  (['little', 'big'] as const).map((endian) => ({ revision: id, endian })),
)

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })

export function recordArb(revisionId: string): fc.Arbitrary<RecordInput> {
  const rev = revision(revisionId)
  const perRule = rev.rules.map((rule) => {
    // A catch-all rule must not take subtypes that a specific rule of the same type claims.
    const claimed = new Set(rev.rules.filter((r) => r.type === rule.type && r.subtype !== null).map((r) => r.subtype))
    const subtype =
      rule.subtype !== null
        ? fc.constant(rule.subtype)
        : fc.integer({ min: 0, max: 255 }).filter((s) => !claimed.has(s))
    const struct = fc.constantFrom(...rule.structs)
    return fc.tuple(subtype, struct).chain(([st, s]) => {
      const fields: Record<string, fc.Arbitrary<unknown>> = {}
      for (const f of s.fields) {
        if (f.type === 'u8') fields[f.name] = fc.integer({ min: 0, max: 255 })
        if (f.type === 'u16') fields[f.name] = fc.integer({ min: 0, max: 0xffff })
        if (f.type === 'u32') fields[f.name] = fc.integer({ min: 0, max: 0xffff_ffff })
        if (f.type === 'u64') fields[f.name] = u64
        if (f.type === 'bytes') fields[f.name] = fc.uint8Array({ maxLength: 63 })
      }
      const length =
        rule.length.kind === 'padding'
          ? fc.integer({ min: 1, max: 8 }).map((n) => ({ length: n * 8 }))
          : fc.constant({})
      return fc
        .record({
          payload: fc.record(fields),
          watchId: fc.integer({ min: 0, max: rev.idMask >>> rev.idShift }),
          typeInfo: fc.integer({
            min: 0,
            max:
              2 ** (32 - Math.clz32(rev.typeInfoMask >>> (31 - Math.clz32(rev.typeInfoMask & -rev.typeInfoMask)))) - 1,
          }),
          length,
        })
        .map(({ payload, watchId, typeInfo, length: len }) => {
          const p = payload as Record<string, unknown>
          for (const f of s.fields) if (f.type === 'bytes') p[f.lengthField!] = (p[f.name] as Uint8Array).length
          return { kind: rule.kind, subtype: st, watchId, typeInfo, ...len, ...p } as RecordInput
        })
    })
  })
  return fc.oneof(...perRule)
}
