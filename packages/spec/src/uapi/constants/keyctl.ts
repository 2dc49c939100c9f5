// keyctl operation numbers and capability bits for key watches.
import type { Constant } from './constant.js'

export const KEYCTL_WATCH_KEY_V4: Constant = {
  name: 'KEYCTL_WATCH_KEY',
  value: 30,
  description: 'Watch a key or keyring for changes (ver #4 numbering)',
}

export const KEYCTL_WATCH_KEY: Constant = {
  name: 'KEYCTL_WATCH_KEY',
  value: 32,
  description: 'Watch a key or keyring for changes (after KEYCTL_MOVE 30 and KEYCTL_CAPABILITIES 31)',
}

export const KEYCTL_CAPS1_NOTIFICATIONS: Constant = {
  name: 'KEYCTL_CAPS1_NOTIFICATIONS',
  value: 0x04,
  description: 'KEYCTL_CAPABILITIES byte 1: keys generate watchable notifications',
}
