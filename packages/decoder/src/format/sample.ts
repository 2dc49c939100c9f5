// The lines of the kernel's samples/watch_queue/watch_test.c for each record, on its stdout: a
// NOTIFY line with the raw header, then one describing line (none for a key record of the wrong
// length, which the sample only complains about on stderr). Offsets are the record's (the sample prints them
// relative to each read() buffer): sampleReadLines prints one whole read as the sample does, its
// size first. Held against the real sample, built from Debian's kernel sources, in
// packages/conformance/test/kernel/sample.kernel.test.ts.
import { type DecodeOptions, decode } from '../decode.js'
import type { WatchRecord } from '../record.js'

const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0')

/** The sample switches on the raw type: 0 is META, 1 KEY_NOTIFY, anything else "other type". */
const WATCH_TYPE_KEY_NOTIFY = 1

/** The sample's names of key subtypes; it prints "(null)" for others. */
const KEY_NAMES = ['instantiated', 'updated', 'linked', 'unlinked', 'cleared', 'revoked', 'invalidated', 'setattr']

export function sampleLines(rec: WatchRecord): string[] {
  const head = `NOTIFY[${hex(rec.offset, 3)}]: ty=${hex(rec.type, 6)} sy=${hex(rec.subtype, 2)} i=${hex(rec.info, 8)}`
  switch (rec.kind) {
    case 'removal':
      return [head, `REMOVAL of watchpoint ${hex(rec.watchId, 8)}`]
    case 'loss':
      return [head, '-- LOSS --']
    case 'skip':
      return [head, 'other meta record']
    case 'key':
      // A key record of another length: the sample says "Incorrect key message length" on
      // stderr, and nothing more on stdout.
      if (rec.length !== 16) return [head]
      return [
        head,
        `KEY ${hex(rec.keyId, 8)} change=${rec.subtype}[${KEY_NAMES[rec.subtype] ?? '(null)'}] aux=${rec.aux >>> 0}`,
      ]
    case 'unknown':
      if (rec.type === WATCH_TYPE_KEY_NOTIFY) return [head] // too short to be a key record: as above
      return [head, rec.type === 0 ? 'other meta record' : 'other type']
    default:
      return [head, 'other type']
  }
}

/** The lines the sample prints for one read() that returned `buffer`: its size, then each record's. */
export function sampleReadLines(buffer: Uint8Array, opts: DecodeOptions = {}): string[] {
  return [`read() = ${buffer.byteLength}`, ...decode(buffer, opts).flatMap(sampleLines)]
}
