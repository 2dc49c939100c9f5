// enum key_notification_subtype: unchanged in every revision that has keys.
import { enumOf } from './constant.js'

export const KEY_SUBTYPES = enumOf('key_notification_subtype', [
  ['NOTIFY_KEY_INSTANTIATED', 0, 'Key was instantiated (aux is 0 or (u32)-errno)'],
  ['NOTIFY_KEY_UPDATED', 1, 'Key was updated'],
  ['NOTIFY_KEY_LINKED', 2, 'Key (aux) was added to watched keyring'],
  ['NOTIFY_KEY_UNLINKED', 3, 'Key (aux) was removed from watched keyring'],
  ['NOTIFY_KEY_CLEARED', 4, 'Keyring was cleared'],
  ['NOTIFY_KEY_REVOKED', 5, 'Key was revoked'],
  ['NOTIFY_KEY_INVALIDATED', 6, 'Key was invalidated'],
  ['NOTIFY_KEY_SETATTR', 7, "Key's attributes got changed"],
])
