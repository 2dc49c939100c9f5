// The revision registry, in chronological order.
import { FANOTIFY_6_14 } from './fanotify-6.14.js'
import { FSINFO_V16, FSINFO_V17, PIPE_V4, PIPE_V5 } from './fsinfo.js'
import { MAINLINE } from './mainline.js'
import { MMAP_V1, MMAP_V2 } from './mmap-v1.js'
import { MMAP_V3, MMAP_V4 } from './mmap-v3.js'
import { MMAP_V5, MMAP_V6, MMAP_V7, MMAP_V8 } from './mmap-v5.js'
import { MOUNT_2020_07, MOUNT_2020_08 } from './mount-2020.js'
import { PIPE_V1, PIPE_V2, PIPE_V3 } from './pipe-v1.js'
import { PRE_V1 } from './pre-v1.js'
import type { Revision } from './revision.js'

export const REVISIONS: readonly Revision[] = [
  PRE_V1,
  MMAP_V1,
  MMAP_V2,
  MMAP_V3,
  MMAP_V4,
  MMAP_V5,
  MMAP_V6,
  MMAP_V7,
  MMAP_V8,
  PIPE_V1,
  PIPE_V2,
  PIPE_V3,
  FSINFO_V16,
  FSINFO_V17,
  PIPE_V4,
  PIPE_V5,
  MAINLINE,
  MOUNT_2020_07,
  MOUNT_2020_08,
  FANOTIFY_6_14,
]

export type RevisionName = string

/** The revision with this id; throws with the list of known ids otherwise. */
export function revision(id: string): Revision {
  const r = REVISIONS.find((x) => x.id === id)
  if (!r) throw new Error(`unknown revision "${id}"; known: ${REVISIONS.map((x) => x.id).join(', ')}`)
  return r
}

export { derive } from './derive.js'
export * from './revision.js'
