// add_key(2) and the keyctl(2) operations, including KEYCTL_WATCH_KEY.
import { Type } from '@sinclair/typebox'
import { ErrnoName, Fd, KeyRef } from '../values.js'
import { op } from './step.js'

const Payload = Type.Union([Type.String(), Type.Null()], { description: 'UTF-8 payload, or null for none' })

export const AddKey = op('add_key', 'add_key(2); binds the serial', 'ret', {
  type: Type.String({ description: 'Key type: user, keyring, logon, …' }),
  description: Type.String(),
  payload: Payload,
  keyring: KeyRef,
})

export const KeyringId = op('keyring_id', 'KEYCTL_GET_KEYRING_ID; binds the serial', 'ret', {
  keyring: KeyRef,
  create: Type.Optional(Type.Boolean()),
})

export const Update = op('update', 'KEYCTL_UPDATE', 'none', { key: KeyRef, payload: Payload })
export const Link = op('link', 'KEYCTL_LINK', 'none', { key: KeyRef, keyring: KeyRef })
export const Unlink = op('unlink', 'KEYCTL_UNLINK', 'none', { key: KeyRef, keyring: KeyRef })
export const Move = op('move', 'KEYCTL_MOVE', 'none', {
  key: KeyRef,
  from: KeyRef,
  to: KeyRef,
  flags: Type.Optional(Type.Integer({ minimum: 0 })),
})
export const Clear = op('clear', 'KEYCTL_CLEAR', 'none', { keyring: KeyRef })
export const Revoke = op('revoke', 'KEYCTL_REVOKE', 'none', { key: KeyRef })
export const Invalidate = op('invalidate', 'KEYCTL_INVALIDATE', 'none', { key: KeyRef })
export const Setperm = op('setperm', 'KEYCTL_SETPERM', 'none', {
  key: KeyRef,
  perm: Type.Integer({ minimum: 0, maximum: 0xffffffff }),
})
export const Chown = op('chown', 'KEYCTL_CHOWN (-1 leaves an id unchanged)', 'none', {
  key: KeyRef,
  uid: Type.Integer({ minimum: -1 }),
  gid: Type.Integer({ minimum: -1 }),
})
export const SetTimeout = op('set_timeout', 'KEYCTL_SET_TIMEOUT', 'none', {
  key: KeyRef,
  seconds: Type.Integer({ minimum: 0 }),
})
export const RestrictKeyring = op('restrict_keyring', 'KEYCTL_RESTRICT_KEYRING', 'none', {
  keyring: KeyRef,
  type: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  restriction: Type.Optional(Type.Union([Type.String(), Type.Null()])),
})
export const Negate = op('negate', 'KEYCTL_NEGATE (needs construction authority)', 'none', {
  key: KeyRef,
  timeout: Type.Integer({ minimum: 0 }),
  keyring: Type.Optional(KeyRef),
})
export const Reject = op('reject', 'KEYCTL_REJECT (needs construction authority)', 'none', {
  key: KeyRef,
  timeout: Type.Integer({ minimum: 0 }),
  error: ErrnoName,
  keyring: Type.Optional(KeyRef),
})

export const Watch = op('watch', 'KEYCTL_WATCH_KEY(key, fd, id)', 'none', {
  key: KeyRef,
  fd: Fd,
  id: Type.Integer({
    minimum: -0x80000000,
    maximum: 0xffffffff,
    description: '0..255 adds; -1 removes; others are invalid',
  }),
})
export const Unwatch = op('unwatch', 'KEYCTL_WATCH_KEY(key, fd, -1)', 'none', { key: KeyRef, fd: Fd })
