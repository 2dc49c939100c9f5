// The one error type the decoder throws for bad input: a code and the byte offset it concerns.

export type DecodeErrorCode =
  /** Fewer than 8 bytes left where a record header should start. */
  | 'short-header'
  /** The header's length field says less than 8 bytes (0 included: never an endless loop). */
  | 'length-too-small'
  /** The record's length runs past the end of the input. */
  | 'truncated'
  /** A known record type, but shorter than its struct (strict mode; else decoded as unknown). */
  | 'record-too-short'
  /** A type or subtype the revision does not define (strict mode; else decoded as unknown). */
  | 'unknown-type'
  /** A ring snapshot whose size or header is inconsistent (head too far ahead, head or tail inside the header). */
  | 'bad-ring'
  /** A filter buffer that does not hold what its header says. */
  | 'bad-filter'

export class DecodeError extends Error {
  override readonly name = 'DecodeError'
  constructor(
    readonly code: DecodeErrorCode,
    /** Byte offset in the input (in the whole stream for the streaming decoder). */
    readonly offset: number,
    message: string,
  ) {
    super(`${message} (at byte offset ${offset})`)
  }
}

/** Thrown by the encoders for records that cannot be represented in the chosen revision. */
export class EncodeError extends Error {
  override readonly name = 'EncodeError'
  constructor(
    message: string,
    /** Index of the offending record in the input array. */
    readonly index: number,
  ) {
    super(`record ${index}: ${message}`)
  }
}
