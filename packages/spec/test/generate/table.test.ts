// The struct table shows offsets per arch and bitfield positions per endianness.
import { expect, it } from 'vitest'
import { revision, revisionTable, structTable } from '../../src/index.js'

it('lays out a removal record per arch and places the type bits by endianness', () => {
  expect(structTable('pipe/watch_notification_removal', 'i386')).toContain('sizeof 16, align 4 on i386')
  expect(structTable('pipe/watch_notification', 'x86_64')).toContain('__u32 type (bits 0..23 of the native u32)')
  expect(structTable('pipe/watch_notification', 's390x')).toContain('__u32 type (bits 8..31 of the native u32)')
})

it('marks unconfirmed facts and per-arch constants in a revision table', () => {
  const t = revisionTable(revision('pipe-v1'), 'x86_64')
  expect(t).toMatch(/IOC_WATCH_QUEUE_SET_SIZE\s+0x5760 {2}= _IO\('W', 0x60\) \(alpha 0x20005760, mips 0x20005760/)
  expect(t).toContain('[unconfirmed]')
  expect(revisionTable(revision('mainline'), 'x86_64')).toMatch(/WATCH_QUEUE_NOTE_SIZE\s+128 \(kernel-internal\)/)
})
