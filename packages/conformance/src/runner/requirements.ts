// Whether an implementation can run a case: its hello against the case's `requires` and the ops
// the case uses. The answer is a skip reason, or null.
import type { Case, ImplementationInfo } from '@watchq/spec'
import { inRange, showRange } from './kernel-range.js'

export function unmetRequirement(c: Case, impl: ImplementationInfo): string | null {
  const r = c.requires ?? {}
  const revision = impl.revision ?? 'mainline'
  const wanted = r.revision ?? ['mainline']
  if (!wanted.includes(revision)) return `needs revision ${wanted.join(' or ')}; implementation is ${revision}`
  if (r.kernel !== undefined) {
    if (impl.kernel === undefined) return `needs kernel ${showRange(r.kernel)}; implementation names no kernel`
    if (!inRange(impl.kernel, r.kernel))
      return `needs kernel ${showRange(r.kernel)}; implementation runs ${impl.kernel}`
  }
  if (r.arch && !r.arch.includes(impl.arch)) return `needs arch ${r.arch.join(' or ')}; implementation is ${impl.arch}`
  if (r.endian && r.endian !== impl.endian) return `needs ${r.endian}-endian; implementation is ${impl.endian}-endian`
  if (r.pageSize && r.pageSize !== impl.pageSize)
    return `needs page size ${r.pageSize}; implementation has ${impl.pageSize}`
  const have = new Set<string>((impl.features ?? []) as string[])
  const missing = (r.features ?? []).filter((f) => !have.has(f))
  if (missing.length) return `implementation lacks feature${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`
  const ops = new Set<string>(impl.ops)
  const lacking = [...new Set(c.steps.map((s) => s.op))].filter((o) => !ops.has(o))
  if (lacking.length) return `implementation lacks op${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}`
  return null
}
