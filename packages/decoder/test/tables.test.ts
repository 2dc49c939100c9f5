// The generated tables are what scripts/tables.ts makes from the spec today, and the record
// types' field lists agree with the spec's structs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cursorsSource, generatedSource, readersSource, walkersSource } from '../scripts/tables.js'
import { REVISION_TABLES, STRUCT_TABLES } from '../src/generated/revisions.js'
import { PAYLOAD_FIELDS, REVISION_IDS, revision } from '../src/index.js'

describe('generated tables', () => {
  it('are up to date with @watchq/spec (run `npm run generate -w @watchq/decoder` if not)', () => {
    const generated = (name: string) => readFileSync(join(import.meta.dirname, '../src/generated', name), 'utf8')
    expect(generated('revisions.ts')).toBe(generatedSource())
    expect(generated('readers.ts')).toBe(readersSource())
    expect(generated('cursors.ts')).toBe(cursorsSource())
    expect(generated('walkers.ts')).toBe(walkersSource())
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
