// Record bytes as an implementation would observe them, built with the decoder's encoder.
import { encode, type RecordInput } from '@watchq/decoder'

export const hexOf = (records: RecordInput[], endian: 'little' | 'big' = 'little') =>
  Array.from(encode(records, { endian }), (b) => b.toString(16).padStart(2, '0')).join('')

export const key = (event: string, keyId: number, aux = 0, watchId = 1): RecordInput =>
  ({ kind: 'key', event, keyId, aux, watchId }) as RecordInput

export const removal = (id: bigint, watchId = 1): RecordInput => ({ kind: 'removal', id, watchId }) as RecordInput

export const loss = (): RecordInput => ({ kind: 'loss' }) as RecordInput
