// The lines keyutils' `keyctl watch` prints for each record (keyutils 1.6.3), or null where it
// prints nothing. Key records are shown only when exactly 16 bytes long; ids are unsigned decimal.
import type { WatchRecord } from '../record.js'

const KEY_WORDS: Readonly<Record<string, string>> = {
  instantiated: 'inst',
  updated: 'upd',
  linked: 'link',
  unlinked: 'unlk',
  cleared: 'clr',
  revoked: 'rev',
  invalidated: 'inv',
  setattr: 'attr',
}

export function keyutilsLine(rec: WatchRecord): string | null {
  switch (rec.kind) {
    case 'key': {
      if (rec.length !== 16 || !rec.event) return null
      const word = KEY_WORDS[rec.event]
      if (!word) return null
      const aux = rec.event === 'linked' || rec.event === 'unlinked' ? ` ${rec.aux >>> 0}` : ''
      return `${rec.keyId >>> 0} ${word}${aux}`
    }
    case 'removal':
      // The 64-bit object id when the record carries one, else 0.
      return `${rec.length >= 16 && rec.id !== undefined ? rec.id : 0} gc`
    case 'loss':
      return '-- LOSS --'
    default:
      return null
  }
}

/** What `keyctl watch` prints when read() returns 0. */
export const KEYUTILS_END = '-- END --'
