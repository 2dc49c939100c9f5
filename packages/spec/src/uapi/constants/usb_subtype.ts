// enum usb_notification_type (never merged): ver #3..#7 had bus events, ver #8 removed them.

import type { Constant } from './constant.js'
import { enumOf } from './constant.js'

const TAG = 'usb_notification_type'

export const USB_SUBTYPES_V3 = enumOf(TAG, [
  ['NOTIFY_USB_DEVICE_ADD', 0, 'USB device added'],
  ['NOTIFY_USB_DEVICE_REMOVE', 1, 'USB device removed'],
  ['NOTIFY_USB_BUS_ADD', 2, 'USB bus added'],
  ['NOTIFY_USB_BUS_REMOVE', 3, 'USB bus removed'],
  ['NOTIFY_USB_DEVICE_RESET', 4, 'USB device reset'],
  ['NOTIFY_USB_DEVICE_ERROR', 5, 'USB device error'],
])

export const USB_SUBTYPES_V8 = enumOf(TAG, [
  ['NOTIFY_USB_DEVICE_ADD', 0, 'USB device added'],
  ['NOTIFY_USB_DEVICE_REMOVE', 1, 'USB device removed'],
  ['NOTIFY_USB_DEVICE_RESET', 2, 'USB device reset'],
  ['NOTIFY_USB_DEVICE_ERROR', 3, 'USB device error'],
])

export const USB_MAX_NAME_LEN: Constant = { name: 'USB_NOTIFICATION_MAX_NAME_LEN', value: 63 }
