// Options and arguments of every public entry point are checked the same way (src/options.ts): a
// hostile value (a prototype key, a wrong type, NaN, negative, huge) is a TypeError or RangeError
// naming the option and the value, never another kind of exception and never a silent default.
// Seeded property tests over arbitrary values, and the ring's own checks (mask, head and tail
// inside the header, start, slots).
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  DecodeError,
  decode,
  decodeFilter,
  decodeRing,
  decodeStream,
  EncodeError,
  encode,
  encodeFilter,
  encodeRing,
  openWalker,
  revision,
  StreamDecoder,
} from '../src/index.js'
import { SEED, seedBanner } from './support/arbitraries.js'

beforeAll(seedBanner)

const KEY = { kind: 'key', event: 'updated', watchId: 1, keyId: 582343121, aux: 0 } as const
const BYTES = encode([KEY], { endian: 'little' })
const RING = encodeRing([KEY], { revision: 'mmap-v8', endian: 'little', slots: 16 })
const FILTER = encodeFilter([{ type: 1, subtypes: [2] }], { endian: 'little' })

type Options = Record<string, unknown>

/**
 * Every public entry point: its options, a call with valid arguments and `o` over its options, and
 * (`bare`) one with `o` as the options argument, as is.
 */
const ENTRIES: readonly {
  name: string
  options: readonly string[]
  call: (o: Options) => unknown
  bare?: (o: Options) => unknown
}[] = [
  { name: 'decode', options: ['revision', 'endian', 'strict'], call: (o) => decode(BYTES, o) },
  { name: 'StreamDecoder', options: ['revision', 'endian', 'strict'], call: (o) => new StreamDecoder(o).push(BYTES) },
  {
    name: 'decodeStream',
    options: ['revision', 'endian', 'strict'],
    call: (o) => decodeStream([BYTES] as unknown as AsyncIterable<Uint8Array>, o),
  },
  { name: 'openWalker', options: ['revision', 'endian', 'strict'], call: (o) => openWalker(BYTES, o).first() },
  { name: 'encode', options: ['revision', 'endian'], call: (o) => encode([KEY], o) },
  {
    name: 'decodeRing',
    options: ['revision', 'endian', 'strict', 'mask'],
    call: (o) => decodeRing(RING, { revision: 'mmap-v8', ...o }),
    bare: (o) => decodeRing(RING, o),
  },
  {
    name: 'encodeRing',
    options: ['revision', 'endian', 'slots', 'start', 'lost'],
    call: (o) => encodeRing([KEY], { revision: 'mmap-v8', slots: 16, ...o }),
    bare: (o) => encodeRing([KEY], o as unknown as { slots: number }),
  },
  {
    name: 'encodeFilter',
    options: ['endian', 'nrFilters', 'reserved'],
    call: (o) => encodeFilter([{ type: 1 }], o),
  },
  { name: 'decodeFilter', options: ['endian'], call: (o) => decodeFilter(FILTER, o) },
]

const CASES = ENTRIES.flatMap((e) => e.options.map((option) => ({ ...e, option })))

/** Objects whose every conversion throws: an option must never be converted to be checked. */
const booby = {
  toString() {
    throw new Error('toString called')
  },
  valueOf() {
    throw new Error('valueOf called')
  },
  [Symbol.toPrimitive]() {
    throw new Error('toPrimitive called')
  },
}

/** Values no option accepts. */
const HOSTILE: readonly unknown[] = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  '',
  'bogus',
  'LITTLE',
  '1',
  'x'.repeat(100_000),
  Number.NaN,
  -1,
  1.5,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 32,
  2 ** 53,
  Number.MAX_VALUE,
  -(2 ** 31),
  null,
  {},
  [],
  [16],
  Object.create(null),
  booby,
  Symbol('x'),
  10n,
  () => 1,
  new Date(0),
]
/** Values the boolean options (strict, lost) refuse, and the others refuse too. */
const NOT_BOOLEAN = [0, 1, 'true']
const BOOLEAN_OPTIONS = new Set(['strict', 'lost'])

/** The error `f` threw, or undefined. */
function thrown(f: () => unknown): unknown {
  try {
    f()
    return undefined
  } catch (e) {
    return e
  }
}

function expectOptionError(e: unknown, option: string, value: unknown) {
  expect(e, `${option} = ${String(typeof value === 'symbol' ? value.toString() : typeof value)}`).toBeInstanceOf(Error)
  const err = e as Error
  expect([TypeError.name, RangeError.name], err.stack).toContain(err.constructor.name)
  expect(err.message).toContain(option)
  if (typeof value === 'string') expect(err.message).toContain(JSON.stringify(value.slice(0, 40)).slice(0, -1))
  if (typeof value === 'number') expect(err.message).toContain(`not ${Object.is(value, -0) ? '-0' : value}`)
}

describe('every option of every entry point', () => {
  it.each(CASES)('$name: $option refuses hostile values with an error naming it', ({ call, option }) => {
    const values = [...HOSTILE, ...(BOOLEAN_OPTIONS.has(option) ? NOT_BOOLEAN : [true, false])]
    for (const value of values)
      expectOptionError(
        thrown(() => call({ [option]: value })),
        option,
        value,
      )
  })

  it.each(CASES)(
    '$name: $option, any value: it works, or fails on the data (DecodeError, EncodeError), or names it',
    ({ call, option }) => {
      const anything = fc.oneof(
        fc.anything({
          withBigInt: true,
          withNullPrototype: true,
          withBoxedValues: true,
          withMap: true,
          withDate: true,
        }),
        fc.double(),
        fc.integer({ min: -(2 ** 33), max: 2 ** 33 }),
        fc.constantFrom('little', 'big', 'mmap-v8', 'mainline', 7, 15, 3, 0),
      )
      fc.assert(
        fc.property(anything, (value) => {
          const e = thrown(() => call({ [option]: value }))
          if (e === undefined || e instanceof DecodeError || e instanceof EncodeError) return
          expectOptionError(e, option, value)
        }),
        { seed: SEED, numRuns: 300 },
      )
    },
  )

  it.each(ENTRIES)('$name: options that are not an object are refused as such', ({ call, bare }) => {
    for (const opts of [null, 'little', 42, true, Symbol('o'), () => ({})]) {
      const e = thrown(() => (bare ?? call)(opts as unknown as Options)) as Error
      expect(e).toBeInstanceOf(TypeError)
      expect(e.message).toMatch(/^options must be an object, not /)
    }
  })

  it('the byte, record, entry and source arguments are checked too', () => {
    for (const bad of [null, 'bytes', [1, 2], new Uint16Array(4), new ArrayBuffer(8), booby] as unknown[]) {
      for (const f of [
        () => decode(bad as Uint8Array),
        () => openWalker(bad as Uint8Array),
        () => decodeRing(bad as Uint8Array, { revision: 'mmap-v8' }),
        () => decodeFilter(bad as Uint8Array),
      ])
        expect(thrown(f)).toMatchObject({
          name: 'TypeError',
          message: expect.stringMatching(/^bytes must be a Uint8Array, not /),
        })
      expect(thrown(() => new StreamDecoder().push(bad as Uint8Array))).toMatchObject({
        message: expect.stringMatching(/^chunk must be a Uint8Array, not /),
      })
      // [1, 2] is an array, of bad records or entries.
      expect(thrown(() => encode(bad as []))).toMatchObject({
        name: 'TypeError',
        message: expect.stringMatching(/^records(\[0\])? must be an (array|object), not /),
      })
      expect(thrown(() => encodeFilter(bad as []))).toMatchObject({
        name: 'TypeError',
        message: expect.stringMatching(/^entries(\[0\])? must be an (array|object), not /),
      })
    }
    expect(thrown(() => decodeStream(42 as unknown as AsyncIterable<Uint8Array>))).toMatchObject({
      name: 'TypeError',
      message: 'source must be an async iterable of Uint8Array chunks, not 42',
    })
    expect(thrown(() => encode([null as unknown as typeof KEY]))).toMatchObject({
      message: 'records[0] must be an object, not null',
    })
    expect(thrown(() => encodeFilter([{ type: -1 }]))).toMatchObject({
      name: 'RangeError',
      message: 'entries[0].type must be an integer from 0 to 4294967295, not -1',
    })
    expect(thrown(() => encodeFilter([{ type: 1, subtypeFilter: [Number.NaN] }]))).toMatchObject({
      message: 'entries[0].subtypeFilter[0] must be an integer from 0 to 4294967295, not NaN',
    })
  })

  it('revision(id) refuses what the revision option refuses', () => {
    for (const id of HOSTILE)
      expectOptionError(
        thrown(() => revision(id as string)),
        'revision',
        id,
      )
    expect(revision('mmap-v8').id).toBe('mmap-v8')
  })

  it('says what it wants, and what it got', () => {
    expect(thrown(() => openWalker(BYTES, { endian: 'constructor' as 'big' }))).toMatchObject({
      name: 'RangeError',
      message: 'endian must be "little" or "big", not "constructor"',
    })
    expect(thrown(() => decodeFilter(FILTER, { endian: 'bogus' as 'big' }))).toMatchObject({
      name: 'RangeError',
      message: 'endian must be "little" or "big", not "bogus"',
    })
    expect(thrown(() => decode(BYTES, { strict: 'yes' as unknown as boolean }))).toMatchObject({
      name: 'TypeError',
      message: 'strict must be true or false, not "yes"',
    })
    expect(thrown(() => encodeFilter([], { nrFilters: -1 }))).toMatchObject({
      name: 'RangeError',
      message: 'nrFilters must be an integer from 0 to 4294967295, not -1',
    })
    expect(thrown(() => decode(BYTES, { revision: '__proto__' }))).toMatchObject({
      name: 'RangeError',
      message: expect.stringMatching(/^unknown revision "__proto__"; known: pre-v1, /),
    })
  })
})

describe('the ring options and header', () => {
  const opts = { revision: 'mmap-v8', endian: 'little' } as const

  it('mask: one less than a power of two, above the header, within the buffer', () => {
    for (const mask of [-1, 0, 1, 2, 5, 16, 31, 2 ** 31 - 1, -672, 0.5]) {
      expect(thrown(() => decodeRing(RING, { ...opts, mask }))).toMatchObject({
        name: 'RangeError',
        message: `mask must be one less than a power of two, from 3 to 15 (the buffer's 16 slots), not ${mask}`,
      })
    }
    // May 2019: a 2-slot header, so a ring of at least 4 slots.
    expect(thrown(() => decodeRing(new Uint8Array(128), { revision: 'mmap-v1', mask: 1 }))).toMatchObject({
      message: "mask must be one less than a power of two, from 3 to 15 (the buffer's 16 slots), not 1",
    })
    // A ring of 8 slots at the start of a 16-slot buffer.
    const small = new Uint8Array(128)
    small.set(encodeRing([KEY], { ...opts, slots: 8 }))
    expect(decodeRing(small, { ...opts, mask: 7 })).toMatchObject({
      mask: 7,
      slots: 16,
      records: [{ keyId: 582343121 }],
    })
  })

  /** RING (ver #8: a 3-slot header, the key record in slots 3-4) with other head and tail words. */
  function ring(head: number, tail: number): Uint8Array {
    const buf = RING.slice()
    const view = new DataView(buf.buffer)
    view.setUint32(8, head, true)
    view.setUint32(12, tail, true)
    return buf
  }

  it('a tail or a head inside the ring header is a bad ring, named as such', () => {
    for (const tail of [1, 2, 17, 18])
      expect(thrown(() => decodeRing(ring(tail + 4, tail), opts))).toMatchObject({
        name: 'DecodeError',
        code: 'bad-ring',
        message: `tail ${tail} points inside the ring header (slot ${tail & 15} of its 3) (at byte offset 12)`,
      })
    for (const head of [17, 18])
      expect(thrown(() => decodeRing(ring(head, 3), opts))).toMatchObject({
        name: 'DecodeError',
        code: 'bad-ring',
        message: `head ${head} points inside the ring header (slot ${head & 15} of its 3) (at byte offset 8)`,
      })
    // Slot 0 of a lap is the header record itself, which the walk steps over.
    expect(decodeRing(ring(16 + 5, 16), opts).records.map((r) => r.kind)).toEqual(['skip', 'key'])
  })

  it('a header record whose length ends inside the header is a bad ring', () => {
    const buf = ring(16 + 5, 16)
    buf.set(encode([{ kind: 'skip', length: 8 }], opts), 0) // the header record, 1 slot long instead of 3
    expect(thrown(() => decodeRing(buf, opts))).toMatchObject({
      code: 'bad-ring',
      message: 'record of 1 slots ends inside the ring header (at byte offset 0)',
    })
  })

  it('encodeRing: slots, start and lost are checked', () => {
    for (const slots of [2 ** 40, 2 ** 25, 3, 2, 24, 0, -16]) {
      expect(thrown(() => encodeRing([], { ...opts, slots }))).toMatchObject({
        name: 'RangeError',
        message: `slots must be a power of two from 4 to 16777216, not ${slots}`,
      })
    }
    for (const start of [1, 2, 17, 2 ** 32 - 15]) {
      expect(thrown(() => encodeRing([], { ...opts, slots: 16, start }))).toMatchObject({
        name: 'RangeError',
        message: `start must be a slot outside the ring header (slots 1 to 2 of every 16), not ${start}`,
      })
    }
    expect(thrown(() => encodeRing([], { ...opts, slots: 16, lost: 1 as unknown as boolean }))).toMatchObject({
      name: 'TypeError',
      message: 'lost must be true or false, not 1',
    })
  })
})
