// What a dynamically linked ELF program needs at run time: its program interpreter (PT_INTERP,
// the dynamic loader's path) and the libraries it names (DT_NEEDED). Enough of the format to put a
// program of the build machine's distribution into the guest with its libraries; 32- and 64-bit,
// either byte order (s390x is big-endian).

export interface ElfNeeds {
  /** The absolute path of the dynamic loader, or undefined for a static program. */
  readonly interpreter?: string
  /** Library names (sonames) in the order the program lists them. */
  readonly needed: readonly string[]
}

const PT_LOAD = 1
const PT_DYNAMIC = 2
const PT_INTERP = 3
const DT_NULL = 0
const DT_NEEDED = 1
const DT_STRTAB = 5

export class ElfError extends Error {}

export function elfNeeds(bytes: Uint8Array): ElfNeeds {
  if (bytes.length < 52 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
    throw new ElfError('not an ELF file')
  const is64 = bytes[4] === 2
  if (bytes[4] !== 1 && !is64) throw new ElfError(`unknown ELF class ${bytes[4]}`)
  if (bytes[5] !== 1 && bytes[5] !== 2) throw new ElfError(`unknown ELF byte order ${bytes[5]}`)
  const little = bytes[5] === 1
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  /** `offset`, once `size` bytes there are known to be inside the file. */
  const at = (offset: number, size: number): number => {
    if (offset < 0 || offset + size > bytes.length) throw new ElfError(`truncated at byte ${offset}`)
    return offset
  }
  const u16 = (o: number) => view.getUint16(at(o, 2), little)
  const u32 = (o: number) => view.getUint32(at(o, 4), little)
  const addr = (o: number) => (is64 ? Number(view.getBigUint64(at(o, 8), little)) : u32(o))
  const cstr = (o: number): string => {
    at(o, 1)
    const end = bytes.indexOf(0, o)
    if (end < 0) throw new ElfError(`unterminated string at byte ${o}`)
    return Buffer.from(bytes.subarray(o, end)).toString('utf8')
  }

  const phoff = addr(is64 ? 0x20 : 0x1c)
  const phentsize = u16(is64 ? 0x36 : 0x2a)
  const phnum = u16(is64 ? 0x38 : 0x2c)
  interface Segment {
    type: number
    offset: number
    vaddr: number
    filesz: number
  }
  const segments: Segment[] = []
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize
    segments.push(
      is64
        ? { type: u32(p), offset: addr(p + 8), vaddr: addr(p + 16), filesz: addr(p + 32) }
        : { type: u32(p), offset: u32(p + 4), vaddr: u32(p + 8), filesz: u32(p + 16) },
    )
  }

  const interp = segments.find((s) => s.type === PT_INTERP)
  const dynamic = segments.find((s) => s.type === PT_DYNAMIC)
  const needed: string[] = []
  if (dynamic) {
    const entry = is64 ? 16 : 8
    const offsets: number[] = []
    let strtab: number | undefined
    for (let o = dynamic.offset; o + entry <= dynamic.offset + dynamic.filesz; o += entry) {
      const tag = is64 ? Number(view.getBigInt64(at(o, 8), little)) : u32(o)
      const value = addr(o + entry / 2)
      if (tag === DT_NULL) break
      if (tag === DT_NEEDED) offsets.push(value)
      if (tag === DT_STRTAB) strtab = value
    }
    if (offsets.length > 0) {
      if (strtab === undefined) throw new ElfError('DT_NEEDED without DT_STRTAB')
      // DT_STRTAB is an address: find the loaded segment that holds it.
      const load = segments.find((s) => s.type === PT_LOAD && strtab! >= s.vaddr && strtab! < s.vaddr + s.filesz)
      if (!load) throw new ElfError('DT_STRTAB outside every loaded segment')
      const base = load.offset + (strtab - load.vaddr)
      for (const o of offsets) needed.push(cstr(base + o))
    }
  }
  return interp ? { interpreter: cstr(interp.offset), needed } : { needed }
}
