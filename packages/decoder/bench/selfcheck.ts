// A differential check run before any timing: on random and malformed record streams, for every
// revision, both byte orders and aligned and unaligned inputs, `scan`, `decodeColumns` and the cursors and walkers must see
// exactly the records `decode` sees, and fail with the same DecodeError code at the same offset.
// (The bulk path has a fast path of its own; this keeps it honest.)
import {
  DecodeError,
  decode,
  decodeColumns,
  openCursor,
  openWalker,
  REVISION_IDS,
  revision,
  scan,
  type WatchRecord,
} from '../src/index.js'
import { prng } from './data.js'

type Outcome<T> = { ok: T } | { error: string }

function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: f() }
  } catch (e) {
    return { error: e instanceof DecodeError ? `DecodeError ${e.code} @${e.offset}` : `other: ${String(e)}` }
  }
}

function makeStream(next: () => number, rev: ReturnType<typeof revision>, little: boolean, pad: number): Uint8Array {
  const unit = rev.lengthUnit
  const count = next() % 10
  const lengths: number[] = []
  for (let i = 0; i < count; i++) {
    const units = Math.floor(rev.maxLength / unit)
    const min = Math.ceil(8 / unit)
    lengths.push(next() % 3 === 0 ? 16 : unit * (min + (next() % (units - min + 1))))
  }
  let total = lengths.reduce((a, b) => a + b, 0)
  const buf = new Uint8Array(pad + total + 8)
  const bytes = buf.subarray(pad, pad + total)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 0
  for (const len of lengths) {
    for (let i = 0; i < len; i++) bytes[at + i] = next() & 0xff
    const w0 = next() % 2 ? next() : next() & (little ? 0x0700000f : 0x00000f07)
    const info = ((next() & ~rev.lengthMask) | (((len / unit) << rev.lengthShift) & rev.lengthMask)) >>> 0
    view.setUint32(at, w0 >>> 0, little)
    view.setUint32(at + 4, info, little)
    at += len
  }
  // Malformed variants: cut short, a length below the header, trailing bytes, or plain noise.
  switch (next() % 6) {
    case 0:
      total = next() % (total + 1)
      break
    case 1:
      if (lengths.length) {
        const k = next() % lengths.length
        const off = lengths.slice(0, k).reduce((a, b) => a + b, 0)
        const info = view.getUint32(off + 4, little)
        view.setUint32(
          off + 4,
          ((info & ~rev.lengthMask) | ((next() % Math.ceil(8 / unit)) << rev.lengthShift)) >>> 0,
          little,
        )
      }
      break
    case 2:
      total += 1 + (next() % 7)
      for (let i = bytes.length; i < total; i++) buf[pad + i] = next() & 0xff
      break
    case 3:
      for (let i = 0; i < total; i++) bytes[i] = next() & 0xff
      break
    default:
      break
  }
  return buf.subarray(pad, pad + total)
}

function expectColumns(recs: WatchRecord[], bytes: Uint8Array, little: boolean) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return {
    count: recs.length,
    offset: recs.map((r) => r.offset),
    length: recs.map((r) => r.length),
    type: recs.map((r) => r.type),
    subtype: recs.map((r) => r.subtype),
    info: recs.map((r) => r.info),
    watchId: recs.map((r) => r.watchId),
    word2: recs.map((r) => (r.length >= 12 ? view.getUint32(r.offset + 8, little) : 0)),
    word3: recs.map((r) => (r.length >= 16 ? view.getUint32(r.offset + 12, little) : 0)),
  }
}

/** Throws describing the first disagreement; returns the number of streams checked. */
export function checkBulkAgainstDecode(seed: number, perRevision = 48): number {
  const next = prng(seed)
  let checked = 0
  for (const id of REVISION_IDS) {
    const rev = revision(id)
    for (const endian of ['little', 'big'] as const) {
      for (let c = 0; c < perRevision; c++) {
        const bytes = makeStream(next, rev, endian === 'little', c % 4)
        const opts = { revision: id, endian }
        const want = attempt(() => decode(bytes, opts))
        const calls: number[][] = []
        const scanned = attempt(() => scan(bytes, opts, (...a) => calls.push(a)))
        const cols = attempt(() => {
          const x = decodeColumns(bytes, opts)
          return {
            count: x.count,
            offset: [...x.offset],
            length: [...x.length],
            type: [...x.type],
            subtype: [...x.subtype],
            info: [...x.info],
            watchId: [...x.watchId],
            word2: [...x.word2],
            word3: [...x.word3],
          }
        })
        const cursorCalls: number[][] = []
        const cursored = attempt(() => {
          const cur = openCursor(bytes, opts)
          while (cur.next()) cursorCalls.push([cur.offset, cur.length, cur.type, cur.subtype, cur.info])
          return cursorCalls.length
        })
        const walkerCalls: number[][] = []
        const walked = attempt(() => {
          const w = openWalker(bytes, opts)
          for (let at = w.first(); at !== -1; at = w.next(at))
            walkerCalls.push([at, w.length(at), w.type(at), w.subtype(at), w.info(at)])
          return walkerCalls.length
        })
        const where = `revision ${id}, ${endian}-endian, byteOffset ${bytes.byteOffset}, ${bytes.length} bytes (case ${c})`
        if ('error' in want) {
          if (!('error' in scanned) || scanned.error !== want.error)
            throw new Error(`scan disagrees with decode (${want.error}) on ${where}: ${JSON.stringify(scanned)}`)
          if (!('error' in cursored) || cursored.error !== want.error)
            throw new Error(
              `RecordCursor disagrees with decode (${want.error}) on ${where}: ${JSON.stringify(cursored)}`,
            )
          if (!('error' in walked) || walked.error !== want.error)
            throw new Error(`openWalker disagrees with decode (${want.error}) on ${where}: ${JSON.stringify(walked)}`)
          if (!('error' in cols) || cols.error !== want.error)
            throw new Error(`decodeColumns disagrees with decode (${want.error}) on ${where}: ${JSON.stringify(cols)}`)
        } else {
          const expectCalls = want.ok.map((r) => [r.offset, r.length, r.type, r.subtype, r.info])
          const gotScan = 'ok' in scanned ? { count: scanned.ok, calls } : scanned
          if (JSON.stringify(gotScan) !== JSON.stringify({ count: want.ok.length, calls: expectCalls }))
            throw new Error(`scan disagrees with decode on ${where}: ${JSON.stringify(gotScan)}`)
          const gotCursor = 'ok' in cursored ? { count: cursored.ok, calls: cursorCalls } : cursored
          if (JSON.stringify(gotCursor) !== JSON.stringify({ count: want.ok.length, calls: expectCalls }))
            throw new Error(`RecordCursor disagrees with decode on ${where}: ${JSON.stringify(gotCursor)}`)
          const gotWalker = 'ok' in walked ? { count: walked.ok, calls: walkerCalls } : walked
          if (JSON.stringify(gotWalker) !== JSON.stringify({ count: want.ok.length, calls: expectCalls }))
            throw new Error(`openWalker disagrees with decode on ${where}: ${JSON.stringify(gotWalker)}`)
          const expectCols = expectColumns(want.ok, bytes, endian === 'little')
          if (!('ok' in cols) || JSON.stringify(cols.ok) !== JSON.stringify(expectCols))
            throw new Error(`decodeColumns disagrees with decode on ${where}: ${JSON.stringify(cols)}`)
        }
        checked++
      }
    }
  }
  return checked
}
