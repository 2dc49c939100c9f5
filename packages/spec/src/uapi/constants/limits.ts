// Numeric limits of the interface; kernel-internal names are kept where the kernel has them.
import type { Constant } from './constant.js'

/** Mainline limits (docs/semantics.md#constants-and-limits). None of these is in the UAPI header. */
const limits: Constant[] = [
  { name: 'WATCH_QUEUE_NOTE_SIZE', value: 128, description: 'Bytes per note slot; the largest record is 127' },
  { name: 'WATCH_QUEUE_MAX_NOTES', value: 512, description: 'Largest IOC_WATCH_QUEUE_SET_SIZE argument' },
  { name: 'WATCH_QUEUE_MIN_NOTES', value: 1, description: 'Smallest IOC_WATCH_QUEUE_SET_SIZE argument' },
  { name: 'WATCH_QUEUE_MAX_FILTERS', value: 16, description: 'Largest nr_filters' },
  { name: 'WATCH_ID_MIN', value: -1, description: 'Smallest watch id; -1 removes the watch' },
  { name: 'WATCH_ID_MAX', value: 255, description: 'Largest watch id' },
  { name: 'KEY_GC_DELAY_DEFAULT', value: 300, description: 'Default /proc/sys/kernel/keys/gc_delay, seconds' },
]

export const MAINLINE_LIMITS: Constant[] = limits.map((c) => ({ ...c, kernelInternal: true }))
