// Key serial numbers. The kernel draws a random 31-bit number, >= 3, and steps up past serials in
// use; the model draws from a seeded generator, so the same sequence of cases on a fresh simulator
// gives the same serials (cases bind them by handle and never depend on the values).

/** Serials below this are never handed out (the kernel keeps 1 and 2 out of the way). */
const MIN_SERIAL = 3
const SERIAL_LIMIT = 0x8000_0000

export class SerialSource {
  private state: number

  constructor(seed = 0x7761_7463) {
    this.state = seed >>> 0
  }

  /** mulberry32: small, fast, and good enough to look random. */
  private next32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** A fresh serial: random, positive, not in use (as key_alloc_serial: on a clash, the next free one up). */
  allocate(inUse: (serial: number) => boolean): number {
    let serial = this.next32() >>> 1
    if (serial < MIN_SERIAL) serial = MIN_SERIAL
    while (inUse(serial)) {
      serial++
      if (serial >= SERIAL_LIMIT) serial = MIN_SERIAL
    }
    return serial
  }
}
