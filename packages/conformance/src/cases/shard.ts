// Splitting a run across machines (--shard i/n): each case goes to the shard its id hashes to, so
// n machines run disjoint parts that together are the whole selection, and adding a case moves
// no other case to another shard. The report of a shard says which it was and fingerprints the
// whole selection, so that `watchq merge` can prove its shards are one run's, none missing.
import { createHash } from 'node:crypto'

export interface Shard {
  /** 1 … count. */
  readonly index: number
  readonly count: number
}

/** The most shards a run may be split into. */
export const MAX_SHARDS = 1000

/** Where `--shard env/N` reads its index, in this order (the first set wins). */
export const SHARD_INDEX_VARIABLES = [
  { name: 'WATCHQ_SHARD_INDEX', base: 1 },
  // Kubernetes Indexed Jobs.
  { name: 'JOB_COMPLETION_INDEX', base: 0 },
  // GitLab's parallel jobs.
  { name: 'CI_NODE_INDEX', base: 1 },
] as const

/**
 * `i/n` (1 ≤ i ≤ n), or `env/n` with i from the environment (SHARD_INDEX_VARIABLES). Throws an
 * Error whose message says what was wrong.
 */
export function parseShard(text: string, env: Readonly<Record<string, string | undefined>> = process.env): Shard {
  const m = /^(\d+|env)\/(\d+)$/.exec(text.trim())
  if (!m) throw new Error(`--shard takes i/n (e.g. 2/4) or env/n, not "${text}"`)
  const count = Number(m[2])
  if (count < 1 || count > MAX_SHARDS) throw new Error(`--shard ${text}: n must be 1 to ${MAX_SHARDS}`)
  let index: number
  if (m[1] === 'env') {
    const found = SHARD_INDEX_VARIABLES.find((v) => env[v.name] !== undefined && env[v.name] !== '')
    if (!found)
      throw new Error(
        `--shard ${text}: none of ${SHARD_INDEX_VARIABLES.map((v) => v.name).join(', ')} is set in the environment`,
      )
    const raw = env[found.name]!
    if (!/^\d+$/.test(raw)) throw new Error(`--shard ${text}: ${found.name}="${raw}" is not a number`)
    index = Number(raw) + (1 - found.base)
    if (index < 1 || index > count)
      throw new Error(`--shard ${text}: ${found.name}=${raw} is out of range for ${count} shard(s)`)
  } else {
    index = Number(m[1])
    if (index < 1 || index > count) throw new Error(`--shard ${text}: i must be 1 to ${count}`)
  }
  return { index, count }
}

/** The shard (1 … count) a case id belongs to: the first 48 bits of its id's sha256, modulo count. */
export function shardOf(id: string, count: number): number {
  return (createHash('sha256').update(id).digest().readUIntBE(0, 6) % count) + 1
}

/** The ids of one shard, in their order. */
export function inShard<T extends { readonly id: string }>(cases: readonly T[], shard: Shard): T[] {
  return cases.filter((c) => shardOf(c.id, shard.count) === shard.index)
}

/** A fingerprint of the whole selection (its ids, in order), the same on every shard of one run. */
export function selectionDigest(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join('\n')).digest('hex')
}
