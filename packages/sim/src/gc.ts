// The key garbage collector, as an explicit deterministic step of the model.
//
// In the kernel, the final key_put queues the gc work; the gc (after an RCU grace period) reaps
// every key nobody references: its watchers get their removal records
// (docs/semantics.md#removal-records), a keyring lets go of its links (whose keys may then be
// reaped by the next pass), and the quota is given back (6.1; 6.12 did that at the final put
// already: docs/semantics.md#d2-when-a-destroyed-keys-quota-is-given-back). Invalidation asks for a
// links pass, which unlinks dead keys from every keyring without a record; expiry asks for one
// gc_delay seconds after the key expired.
//
// The model runs the gc as deferred work on the simulated clock: GRACE_MS after it is asked for
// (or at the expiry timer), so the removal record appears once the process waits — a poll with a
// timeout, a sleep, a blocking read — and never in the middle of a syscall. This matches what the
// captures show: the record is there for the bounded poll after the last link goes.
import type { Kernel } from './kernel.js'
import { dropAllLinks } from './keyrings.js'
import type { Key } from './keys.js'
import { quotaFreedAtFinalPut } from './profile.js'
import { GRACE_MS } from './time.js'
import { KEY_GC_DELAY_S } from './uapi.js'
import { removeWatchList } from './watches.js'

export class KeyGc {
  private scheduled = false
  private linksPassWanted = false
  private collecting = false
  private readonly timers = new Set<number>()

  constructor(private readonly k: Kernel) {}

  /** key_get. */
  get(key: Key): void {
    key.usage++
  }

  /** key_put: the last reference queues the gc. */
  put(key: Key): void {
    key.usage--
    if (key.usage > 0) return
    // 6.12 gives the quota back at the final put; 6.1 when the gc reaps the key
    // (docs/semantics.md#d2-when-a-destroyed-keys-quota-is-given-back).
    if (quotaFreedAtFinalPut(this.k.profile)) this.k.releaseQuota(key)
    this.schedule()
  }

  /** A keyring link's reference, given back from an RCU callback. */
  putAfterGrace(key: Key): void {
    this.k.clock.defer(GRACE_MS, `rcu: put key ${key.serial}`, () => this.put(key))
  }

  /** key_schedule_gc_links (invalidation): a links pass as soon as the gc runs. */
  scheduleLinksPass(): void {
    this.linksPassWanted = true
    this.schedule()
  }

  /** key_schedule_gc: the gc timer for an expiry (a links pass at that wall-clock second). */
  scheduleAtRealSeconds(seconds: number): void {
    if (this.timers.has(seconds)) return
    this.timers.add(seconds)
    const at = this.k.clock.msAtRealSeconds(seconds)
    this.k.clock.defer(
      at - this.k.clock.now,
      `key gc timer ${seconds}`,
      () => {
        this.timers.delete(seconds)
        this.linksPassWanted = true
        this.collect()
      },
      false,
    )
  }

  /** The gc for a key that expires at `expiry`: gc_delay seconds after it. */
  scheduleExpiry(expiry: number): void {
    this.scheduleAtRealSeconds(expiry + KEY_GC_DELAY_S)
  }

  private schedule(): void {
    if (this.scheduled || this.collecting) return
    this.scheduled = true
    this.k.clock.defer(GRACE_MS, 'key gc', () => {
      this.scheduled = false
      this.collect()
    })
  }

  /** One run of the gc work: the links pass if asked for, then reaping until nothing is unused. */
  collect(): void {
    this.collecting = true
    let later = false
    try {
      if (this.linksPassWanted) {
        this.linksPassWanted = false
        const now = this.k.clock.realSeconds()
        for (const ring of [...this.k.keys.values()]) {
          if (!ring.links || ring.destroyed) continue
          for (const [index, member] of [...ring.links]) {
            // Dead links go without a record (no notify in the keyring gc;
            // docs/semantics.md#events-that-post-nothing).
            if (member.isDead(now, KEY_GC_DELAY_S)) {
              ring.links.delete(index)
              this.put(member)
            }
          }
        }
      }
      // Reaping goes in serial order, like the kernel's walk of the serial tree; what a
      // destroyed keyring let go of is reaped by the next pass.
      reaping: for (;;) {
        const unused = [...this.k.keys.values()].filter((key) => key.usage <= 0).sort((a, b) => a.serial - b.serial)
        if (unused.length === 0) break
        // Watched keys' removal records may come in any order, and some in a later pass (the
        // kernel's passes and RCU callbacks interleave); an exploring schedule picks both, the
        // default is serial order, all in this pass.
        const watched = unused.filter((key) => key.watchers)
        while (watched.length > 0) {
          const pick = watched.length > 1 ? this.k.chooser.choose('order', watched.length, orderLabel(watched)) : 0
          const reaped = watched.splice(pick, 1)[0]!
          this.destroy(reaped)
          if (watched.length > 0 && this.k.chooser.choose('split', 2, splitLabel(reaped, watched)) === 1) {
            later = true
            break reaping
          }
        }
        for (const key of unused) if (!key.destroyed) this.destroy(key)
      }
    } finally {
      this.collecting = false
    }
    // The rest in a pass of its own, an RCU grace period later.
    if (later) this.schedule()
  }

  /** key_gc_unused_keys for one key. */
  private destroy(key: Key): void {
    key.destroyed = true
    this.k.keys.delete(key.serial)
    if (key.links) dropAllLinks(this.k, key, 'now')
    if (key.watchers) {
      // One removal record per watching queue, carrying the key serial
      // (docs/semantics.md#removal-records).
      removeWatchList(key.watchers, key.serial, this.k.freeWatch)
      key.watchers = null
    }
    this.k.releaseQuota(key)
  }
}

/** A choice of leaving the other watched keys to a later pass, in words. */
function splitLabel(reaped: Key, rest: readonly Key[]): string {
  return `after reaping key ${reaped.serial}, the gc leaves keys ${rest.map((k) => k.serial).join(', ')} to a later pass`
}

/** A choice of which watched key is reaped next, in words: the candidates by serial. */
function orderLabel(keys: readonly Key[]): string {
  return `reap first of keys ${keys.map((k) => k.serial).join(', ')}`
}
