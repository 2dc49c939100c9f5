// Bytes as the lower-case hex our formats carry (observations, protocol requests, record JSON): the one hex codec.

export const toHex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')
