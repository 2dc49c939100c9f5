// Watches: the link between a key's watch list and a queue (docs/semantics.md#keyctl_watch_key,
// docs/semantics.md#key-notifications, docs/semantics.md#closing). A key notification goes to every
// watch on the key, each copy carrying that watch's id and passing that queue's filter; a removal
// record goes straight into the queue.
import { err, type Sys } from './errors.js'
import { type Notification, removalNotification } from './records.js'
import { WATCH_INFO_ID } from './uapi.js'
import type { WatchQueue } from './watch-queue.js'

/** The per-uid counter of watches (user->nr_watches). */
export interface WatchOwner {
  nrWatches: number
}

export class Watch {
  /** The watch list it is on; null once unhooked. */
  list: WatchList | null = null

  constructor(
    readonly queue: WatchQueue,
    /** The key serial the watch is for (watch->id). */
    readonly id: number,
    /** The KEYCTL_WATCH_KEY watch id, already shifted into info position (watch->info_id). */
    readonly infoId: number,
    readonly owner: WatchOwner,
  ) {}
}

export class WatchList {
  /** Newest first: the kernel adds at the head of the list. */
  readonly watchers: Watch[] = []
}

/**
 * Frees a watch after an RCU grace period: that is when the owner's count goes down
 * (docs/semantics.md#the-per-user-watch-limit).
 */
export type FreeWatch = (w: Watch) => void

/**
 * add_watch_to_object (docs/semantics.md#adding-a-watch,
 * docs/semantics.md#errors-of-keyctl_watch_key step 4): a dead queue is ENOENT; the same queue
 * watching the same key is EBUSY whatever the watch id or the fd; then the uid's watch count after
 * the increment must not exceed the caller's soft RLIMIT_NOFILE (EAGAIN).
 */
export function addWatch(watch: Watch, list: WatchList, rlimitNofile: number): Sys<void> {
  if (watch.queue.defunct) return err('ENOENT')
  for (const w of list.watchers) if (w.queue === watch.queue && w.id === watch.id) return err('EBUSY')
  watch.owner.nrWatches++
  if (watch.owner.nrWatches > rlimitNofile) {
    watch.owner.nrWatches--
    return err('EAGAIN')
  }
  watch.list = list
  watch.queue.watches.add(watch)
  list.watchers.unshift(watch)
  return undefined
}

function unhook(watch: Watch, list: WatchList): void {
  const i = list.watchers.indexOf(watch)
  if (i >= 0) list.watchers.splice(i, 1)
  watch.list = null
}

/**
 * The removal record goes into the watch's queue, bypassing the filter, subject to capacity
 * (docs/semantics.md#removal-records).
 */
function postRemoval(watch: Watch, serial: number, free: FreeWatch): void {
  const q = watch.queue
  if (!q.defunct) {
    q.post(removalNotification(watch.infoId, serial))
    q.watches.delete(watch)
  }
  free(watch)
}

/**
 * remove_watch_from_object for one queue (KEYCTL_WATCH_KEY -1): EBADSLT if it has no watch
 * (docs/semantics.md#removing-a-watch).
 */
export function removeWatch(list: WatchList | null, queue: WatchQueue, serial: number, free: FreeWatch): Sys<void> {
  if (!list) return err('EBADSLT')
  const watch = list.watchers.find((w) => w.id === serial && w.queue === queue)
  if (!watch) return err('EBADSLT')
  unhook(watch, list)
  postRemoval(watch, serial, free)
  return undefined
}

/**
 * remove_watch_list, when the gc destroys the key: one removal record per watching queue
 * (docs/semantics.md#removal-records).
 */
export function removeWatchList(list: WatchList, serial: number, free: FreeWatch): void {
  while (list.watchers.length > 0) {
    const watch = list.watchers[0]!
    unhook(watch, list)
    postRemoval(watch, serial, free)
  }
}

/** Unhooks a watch from its key when its queue goes (docs/semantics.md#closing-the-last-file): no record. */
export function detachWatch(watch: Watch, free: FreeWatch): void {
  if (watch.list) unhook(watch, watch.list)
  free(watch)
}

/**
 * __post_watch_notification (docs/semantics.md#filtering-at-post-time): to each watch on the key
 * whose id is the key's serial, with that watch's id in info, if that queue's filter lets it
 * through. Nothing is checked for permission.
 */
export function postWatchNotification(list: WatchList, n: Notification, id: number): void {
  for (const watch of [...list.watchers]) {
    if (watch.id !== id) continue
    const copy: Notification = { ...n, info: ((n.info & ~WATCH_INFO_ID) | watch.infoId) >>> 0 }
    const q = watch.queue
    if (q.filter && !q.filter.accepts(copy)) continue
    if (!q.defunct) q.post(copy)
  }
}
