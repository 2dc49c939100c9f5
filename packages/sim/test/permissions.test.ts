// Key permission arithmetic: possessor bits add to the owner's, group's or others'.
import { describe, expect, it } from 'vitest'
import { defaultPerm, KEY_TYPES, Key } from '../src/keys.js'
import {
  type Cred,
  KEY_ALL,
  KEY_PERM_MASK,
  KEY_SEARCH,
  KEY_SETATTR,
  KEY_VIEW,
  KEY_WRITE,
  keyPermits,
  pos,
  usr,
} from '../src/permissions.js'

const root: Cred = { uid: 0, gid: 0, groups: [0], capSysAdmin: true, capSysResource: true }
const key = (perm: number, uid = 0, gid = 0) => new Key(7, KEY_TYPES.get('user')!, 'x', uid, gid, perm)

describe('key permissions', () => {
  it('gives add_key keys everything for the possessor and View for the owner', () => {
    expect(defaultPerm(KEY_TYPES.get('user')!)).toBe((pos(KEY_ALL) | usr(KEY_VIEW)) >>> 0)
    expect(defaultPerm(KEY_TYPES.get('logon')!)).toBe((pos(KEY_ALL & ~0x02) | usr(KEY_VIEW)) >>> 0)
  })

  it('adds possessor bits only when the key is possessed', () => {
    const k = key(0x3f010000)
    expect(keyPermits(k, true, root, KEY_WRITE)).toBe(true)
    expect(keyPermits(k, false, root, KEY_WRITE)).toBe(false)
    expect(keyPermits(k, false, root, KEY_VIEW)).toBe(true)
  })

  it('uses the owner byte for the owner, the group byte for the group, the other byte otherwise', () => {
    expect(keyPermits(key(0x00000800, 5, 0), false, root, KEY_SEARCH)).toBe(true)
    expect(keyPermits(key(0x00000008, 5, 9), false, root, KEY_SEARCH)).toBe(true)
    expect(keyPermits(key(0x00080000, 5, 9), false, root, KEY_SEARCH)).toBe(false)
  })

  it('is never overridden by capabilities', () => {
    expect(keyPermits(key(0x3e3e0000), true, root, KEY_VIEW)).toBe(false)
  })

  it('checks nothing for the override needs', () => {
    expect(keyPermits(key(0), false, root, 'unlink')).toBe(true)
    expect(KEY_PERM_MASK).toBe(0x3f3f3f3f)
    expect(KEY_SETATTR).toBe(0x20)
  })
})
