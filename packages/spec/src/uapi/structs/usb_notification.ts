import type { Confidence } from '../../layout/confidence.js'
import { Field } from '../../layout/field.js'
import { Struct, type TStruct } from '../../layout/struct.js'
import type { Family } from './families.js'
import { WatchNotificationPipe, WatchNotificationRingV1, WatchNotificationRingV5 } from './watch_notification.js'

const usbNotification = <H extends TStruct>(
  family: Family,
  header: H,
  size: number,
  align: number,
  confidence?: Confidence,
) =>
  Struct(
    {
      id: `${family}/usb_notification`,
      c: 'struct usb_notification',
      size,
      align,
      ...(confidence ? { confidence, note: 'sizeof follows from the fields by C rules; not stated by a source' } : {}),
    },
    {
      watch: Field.struct(header, 0),
      error: Field.u32(8, { description: 'Error code for DEVICE_ERROR' }),
      reserved: Field.u32(12),
      name_len: Field.u8(16, { description: 'Length of name[] (at most USB_NOTIFICATION_MAX_NAME_LEN)' }),
      name: Field.flexBytes(17, 'name_len', { description: 'Device name, not NUL-terminated' }),
    },
    'USB device event (WATCH_TYPE_USB_NOTIFY); never merged',
  )

/** mmap ver #3..#4 (v1 header, align 4). */
export const UsbNotificationRingV1 = usbNotification('ring-v1', WatchNotificationRingV1, 20, 4, 'derived')
/** mmap ver #5..#8: the aligned(8) header pads sizeof to 24. */
export const UsbNotificationRingV5 = usbNotification('ring-v5', WatchNotificationRingV5, 24, 8)
/** pipe-v1..v3: sizeof 20; records are 17 + name_len bytes, unpadded. */
export const UsbNotificationPipe = usbNotification('pipe', WatchNotificationPipe, 20, 4)
