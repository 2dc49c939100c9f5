// BENCHMARKS.md is shared by every package's benchmark: each rewrites only its own section.

/** `doc` with its `heading` section replaced by `section` (appended if absent); other sections are kept. */
export function upsertMarkdownSection(doc: string, heading: string, section: string): string {
  const lines = doc.split('\n')
  let start = -1
  let end = lines.length
  let fence = false
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (/^\s*(```|~~~)/.test(l)) fence = !fence
    if (fence) continue
    if (start < 0 && l.trim() === heading) start = i
    else if (start >= 0 && /^#{1,2} /.test(l)) {
      end = i
      break
    }
  }
  const body = section.trimEnd()
  if (start < 0) {
    const head = doc.trim() ? doc.trimEnd() : '# Benchmarks'
    return `${head}\n\n${body}\n`
  }
  const before = lines.slice(0, start).join('\n').trimEnd()
  const after = lines.slice(end).join('\n').trim()
  return `${before ? `${before}\n\n` : ''}${body}\n${after ? `\n${after}\n` : ''}`
}
