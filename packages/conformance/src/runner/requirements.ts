// Whether an implementation can run a case: its hello against the case's `requires` and the ops
// the case uses. A case for another platform (revision, kernel, arch, byte order, page size) is
// not applicable: it could never apply. A case needing a feature or op the implementation lacks is
// unsupported: a gap, unexpected unless allowed. Platform comes first: a big-endian case is not
// applicable on x86_64 whatever features it needs. `compat-32` is platform too: it says what the
// implementation is (a 32-bit task on a 64-bit kernel), not something a 64-bit one lacks.
import type { Case, ImplementationInfo } from '@watchq/spec'
import { inRange, showRange } from './kernel-range.js'

export type Unmet =
  | { readonly status: 'not-applicable'; readonly reason: string }
  /** `lacks`: the missing features by name, then the missing ops as op:NAME. */
  | { readonly status: 'unsupported'; readonly reason: string; readonly lacks: readonly string[] }

/** Features that describe what an implementation is rather than what it can do. */
export const PLATFORM_FEATURES = ['compat-32'] as const
const PLATFORM_WHAT: Record<(typeof PLATFORM_FEATURES)[number], string> = {
  'compat-32': 'a 32-bit task on a 64-bit kernel',
}

export function unmetRequirement(c: Case, impl: ImplementationInfo): Unmet | null {
  const na = (reason: string): Unmet => ({ status: 'not-applicable', reason })
  const r = c.requires ?? {}
  const revision = impl.revision ?? 'mainline'
  const wanted = r.revision ?? ['mainline']
  if (!wanted.includes(revision)) return na(`needs revision ${wanted.join(' or ')}; implementation is ${revision}`)
  if (r.kernel !== undefined) {
    if (impl.kernel === undefined) return na(`needs kernel ${showRange(r.kernel)}; implementation names no kernel`)
    if (!inRange(impl.kernel, r.kernel))
      return na(`needs kernel ${showRange(r.kernel)}; implementation runs ${impl.kernel}`)
  }
  if (r.arch && !r.arch.includes(impl.arch))
    return na(`needs arch ${r.arch.join(' or ')}; implementation is ${impl.arch}`)
  if (r.endian && r.endian !== impl.endian)
    return na(`needs ${r.endian}-endian; implementation is ${impl.endian}-endian`)
  if (r.pageSize && r.pageSize !== impl.pageSize)
    return na(`needs page size ${r.pageSize}; implementation has ${impl.pageSize}`)
  const have = new Set<string>((impl.features ?? []) as string[])
  for (const f of PLATFORM_FEATURES)
    if (r.features?.includes(f) && !have.has(f)) return na(`needs ${f}; implementation is not (${PLATFORM_WHAT[f]})`)
  const missing = (r.features ?? []).filter((f) => !have.has(f))
  const ops = new Set<string>(impl.ops)
  const lacking = [...new Set(c.steps.map((s) => s.op))].filter((o) => !ops.has(o))
  const parts: string[] = []
  if (missing.length) parts.push(`feature${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
  if (lacking.length) parts.push(`op${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}`)
  if (!parts.length) return null
  return {
    status: 'unsupported',
    reason: `implementation lacks ${parts.join(' and ')}`,
    lacks: [...missing, ...lacking.map((o) => `op:${o}`)],
  }
}
