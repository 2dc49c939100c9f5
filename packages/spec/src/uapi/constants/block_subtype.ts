// enum block_notification_type (never merged); value 0 is unused.
import { enumOf } from './constant.js'

export const BLOCK_SUBTYPES = enumOf('block_notification_type', [
  ['NOTIFY_BLOCK_ERROR_TIMEOUT', 1, 'Timeout error'],
  ['NOTIFY_BLOCK_ERROR_NO_SPACE', 2, 'Critical space allocation error'],
  ['NOTIFY_BLOCK_ERROR_RECOVERABLE_TRANSPORT', 3, 'Recoverable transport error'],
  ['NOTIFY_BLOCK_ERROR_CRITICAL_TARGET', 4, 'Critical target error'],
  ['NOTIFY_BLOCK_ERROR_CRITICAL_NEXUS', 5, 'Critical nexus error'],
  ['NOTIFY_BLOCK_ERROR_CRITICAL_MEDIUM', 6, 'Critical medium error'],
  ['NOTIFY_BLOCK_ERROR_PROTECTION', 7, 'Protection error'],
  ['NOTIFY_BLOCK_ERROR_KERNEL_RESOURCE', 8, 'Kernel resource error'],
  ['NOTIFY_BLOCK_ERROR_DEVICE_RESOURCE', 9, 'Device resource error'],
  ['NOTIFY_BLOCK_ERROR_IO', 10, 'Other I/O error'],
])
