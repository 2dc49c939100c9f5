// The generated tables are what scripts/tables.ts makes from the spec today, and the record
// types' field lists agree with the spec's structs.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GENERATED } from '../scripts/tables.js'
import { REVISION_TABLES, STRUCT_TABLES } from '../src/generated/revisions.js'
import { PAYLOAD_FIELDS, REVISION_IDS, revision } from '../src/index.js'

describe('generated tables', () => {
  it('are up to date with @watchq/spec (run `npm run generate -w @watchq/decoder` if not)', () => {
    const dir = join(import.meta.dirname, '../src/generated')
    // Exactly the files the generator writes: nothing left over from a generator that was removed.
    expect(readdirSync(dir).sort()).toEqual(Object.keys(GENERATED).sort())
    for (const [name, source] of Object.entries(GENERATED))
      expect(readFileSync(join(dir, name), 'utf8'), name).toBe(source())
  })

  it('cover every watch_queue revision, fanotify excluded', () => {
    expect(REVISION_IDS).toHaveLength(19)
    expect(REVISION_IDS).toContain('mainline')
    expect(REVISION_IDS).not.toContain('fanotify-6.14')
  })

  it('give each kind only the payload fields its record type declares', () => {
    for (const t of REVISION_TABLES) {
      for (const rule of t.rules) {
        for (const id of rule.structs) {
          for (const f of STRUCT_TABLES[id]!.fields)
            expect(PAYLOAD_FIELDS[rule.kind], `${t.id} ${id}.${f.c}`).toContain(f.name)
        }
      }
    }
  })

  it('index rules so a subtype-specific rule wins over its type catch-all', () => {
    const r = revision('mmap-v1')
    expect(r.ruleFor(2, 1)?.kind).toBe('superblock-error')
    expect(r.ruleFor(2, 0)?.kind).toBe('superblock')
    expect(r.ruleFor(9, 0)).toBeUndefined()
  })
})
