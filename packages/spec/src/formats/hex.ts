// Bytes as the lower-case hex our formats carry (observations, protocol requests, record JSON):
// the one hex codec of the project.

export const toHex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')

/** Hex text as our formats write it: lower case, no white space (for comparing two hex texts). */
export const canonicalHex = (hex: string): string => hex.replace(/\s+/g, '').toLowerCase()

/**
 * Hex digit pairs (either case, white space ignored) as bytes. Throws on anything else: callers
 * have checked the text against the formats' hex pattern, so a bad digit here is a bug.
 */
export function fromHex(hex: string): Uint8Array {
  const h = canonicalHex(hex)
  if (h.length % 2 !== 0 || /[^0-9a-f]/.test(h))
    throw new Error(`not hex digit pairs: ${JSON.stringify(hex.slice(0, 40))}`)
  return Uint8Array.from(Buffer.from(h, 'hex'))
}
