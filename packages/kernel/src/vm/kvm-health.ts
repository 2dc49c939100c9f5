// /dev/kvm being there does not make KVM usable: under nested virtualization it can run a guest
// a thousand times slower than TCG, or fail on an instruction it cannot emulate (both seen on
// this project's machines). A KVM boot that is not ready in a few seconds is taken as such a
// case: the connector falls back to TCG, and the verdict is remembered for this host kernel.
import { existsSync, readFileSync } from 'node:fs'
import { release } from 'node:os'
import { join } from 'node:path'
import { cacheRoot, writeAtomic } from '../cache/cache.js'

/** A healthy KVM boots our kernels in well under a second. */
export const KVM_BOOT_BUDGET_MS = 10_000

let brokenHere: string | undefined

function marker(): string {
  return join(cacheRoot(), `kvm-unusable-${release().replace(/[^\w.-]/g, '_')}`)
}

/** Why KVM is known not to work on this host kernel, or undefined. */
export function kvmUnusable(): string | undefined {
  if (brokenHere !== undefined) return brokenHere
  const path = marker()
  if (!existsSync(path)) return undefined
  try {
    brokenHere = readFileSync(path, 'utf8').trim() || 'a KVM boot failed here before'
  } catch {
    return undefined
  }
  return brokenHere
}

export function markKvmUnusable(why: string): void {
  brokenHere = why
  try {
    writeAtomic(marker(), `${why}\n`)
  } catch {
    // Remembered for this process at least.
  }
}
