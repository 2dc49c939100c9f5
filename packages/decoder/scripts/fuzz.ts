// Long fuzz run (default 10^7 inputs): random and mutated byte streams through decode(), the
// stream decoder and openWalker, in every revision and byte order. Only DecodeError may be
// thrown, and all three must agree. Usage: npm run fuzz -w @watchq/decoder -- [count] [seed]
import { DecodeError, decode, encode, openWalker, REVISION_IDS, StreamDecoder, type WatchRecord } from '../src/index.js'

const count = Number(process.argv[2] ?? 10_000_000)
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31)
console.log(`fuzz: ${count} inputs, seed ${seed} (reproduce: npm run fuzz -w @watchq/decoder -- ${count} ${seed})`)

let x = seed | 1
const next = () => {
  x ^= x << 13
  x ^= x >>> 17
  x ^= x << 5
  return x >>> 0
}

const combos = REVISION_IDS.flatMap((revision) => (['little', 'big'] as const).map((endian) => ({ revision, endian })))
// A valid stream per combination to mutate: meta, key and removal records where the revision has them.
const valid = combos.map((opts) => {
  try {
    return encode(
      [
        { kind: 'key', subtype: 1, watchId: 1, keyId: 5, aux: 6 },
        { kind: 'removal', watchId: 2 },
      ],
      opts,
    )
  } catch {
    return encode([{ kind: 'removal', watchId: 2 }], opts)
  }
})

function outcome(f: () => readonly WatchRecord[] | number): string {
  try {
    const r = f()
    return typeof r === 'number' ? `ok:${r}` : `ok:${r.length}`
  } catch (e) {
    if (e instanceof DecodeError) return `${e.code}@${e.offset}`
    console.error(`fuzz: non-DecodeError thrown (seed ${seed}):`, e)
    process.exit(1)
  }
}

Error.stackTraceLimit = 0
const started = Date.now()
const buf = new Uint8Array(96)
for (let i = 1; i <= count; i++) {
  const k = next() % combos.length
  const opts = combos[k]!
  let bytes: Uint8Array
  if (i & 1) {
    bytes = buf.subarray(0, next() % 97)
    for (let j = 0; j < bytes.length; j++) bytes[j] = next() & 0xff
  } else {
    bytes = valid[k]!.slice()
    for (let m = next() % 4; m >= 0; m--) bytes[next() % bytes.length] = next() & 0xff
  }
  const a = outcome(() => decode(bytes, opts))
  if (i % 16 === 0) {
    const b = outcome(() => {
      const w = openWalker(bytes, opts)
      let n = 0
      for (let at = w.first(); at !== -1; at = w.next(at)) n++
      return n
    })
    const d = new StreamDecoder(opts)
    const c = outcome(() => {
      const out: WatchRecord[] = []
      for (let at = 0; at < bytes.length; at += 5) out.push(...d.push(bytes.subarray(at, at + 5)))
      d.end()
      return out
    })
    const streamOk = a.startsWith('ok') ? c === a : !c.startsWith('ok')
    if (b !== a || !streamOk) {
      console.error(
        `fuzz: disagreement at input ${i} (seed ${seed}): decode ${a}, walker ${b}, stream ${c}; bytes ${Buffer.from(bytes).toString('hex')} ${JSON.stringify(opts)}`,
      )
      process.exit(1)
    }
  }
  if (i % 1_000_000 === 0) console.log(`fuzz: ${i} inputs, ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
console.log(`fuzz: done, ${count} inputs without a non-DecodeError or a disagreement`)
