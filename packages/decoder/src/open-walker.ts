// The one bulk API: `openWalker` returns the walker class generated for the revision's layout and
// byte order (src/generated/walkers.ts), reading words from a Uint32Array where the input allows it.
import { WALKERS } from './generated/walkers.js'
import { bytesArgument, type DecodeOptions, resolve } from './options.js'
import { hostWords, type Walker, type WalkerClass } from './walker.js'

/**
 * A walker over the records of `bytes`, specialised for the revision's layout and byte order. The
 * caller keeps the offset:
 *
 *     const w = openWalker(bytes, { endian: 'little' })
 *     for (let at = w.first(); at !== -1; at = w.next(at))
 *       if (w.type(at) === 1) use(w.subtype(at), w.u32(at, 8), w.u32(at, 12)) // key: keyId, aux
 *
 * `word(at, rel)` reads like `u32` without checking `rel` against the record's length, for loops
 * that check `length(at)` themselves (the fastest way to the payload). Options are checked as
 * `decode` checks them (src/options.ts).
 */
export function openWalker(bytes: Uint8Array, opts: DecodeOptions = {}): Walker {
  const r = resolve(opts)
  bytesArgument(bytes, 'bytes')
  const pair = WALKERS[r.rev.id]?.[r.little ? 'little' : 'big']
  if (!pair)
    throw new Error(`internal: no walker generated for ${r.rev.id}; run \`npm run generate -w @watchq/decoder\``)
  const words = hostWords(bytes, r.little)
  const Class = words !== null ? pair.words : pair.view
  if (!keptAlive.has(Class)) keptAlive.set(Class, new Class(EMPTY, r, words && new Uint32Array(0)))
  return new Class(bytes, r, words)
}

/**
 * One walker of every class used so far, over empty input, kept for the life of the module. V8
 * reaches a walker's hidden class (map) from its constructor only through weak transitions: once
 * the last walker of a class dies, a full GC frees the map, V8 deoptimises every function it had
 * inlined the walker's methods into, and the next walker gets a new map and a recompile. A consumer
 * that opens a walker per read() paid that after every full GC (measured: a walker per 64 KiB with
 * a full GC per 4 MiB, 17–19 ns/record without this, 9–11 with it). A live instance keeps the map.
 */
const keptAlive = new Map<WalkerClass, Walker>()
const EMPTY = new Uint8Array(0)
