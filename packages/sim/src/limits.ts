// Bounds on what one simulated machine holds. A real kernel runs out of memory, file table slots
// or quota somewhere too; the simulator runs out earlier, on purpose, with the errno the kernel
// would give at that point — so that no client can make it grow without bound.

export const LIMITS = {
  /** Keys alive at once (EDQUOT beyond, as a full quota). */
  keys: 20_000,
  /** Pipes alive at once (ENFILE beyond). */
  pipes: 4_096,
  /** Regular files alive at once (ENFILE beyond). */
  files: 4_096,
  /** Bytes in one regular file (EFBIG beyond). */
  fileBytes: 4 << 20,
  /** Bytes held in pipe buffers and regular files together (ENOMEM / ENOSPC beyond). */
  memory: 256 << 20,
  /** One write's or iovec's total (the agent could not allocate more either). */
  buffer: 64 << 20,
} as const

/** Bytes the machine holds in pipe pages and file contents. */
export class MemoryBudget {
  used = 0

  constructor(readonly limit: number = LIMITS.memory) {}

  /** Takes `n` bytes if they are there. */
  charge(n: number): boolean {
    if (this.used + n > this.limit) return false
    this.used += n
    return true
  }

  uncharge(n: number): void {
    this.used = Math.max(0, this.used - n)
  }
}
