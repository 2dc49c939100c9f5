// The initramfs writer: the newc format byte for byte, and what GNU cpio lists in our archive.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensurePackages } from '../../src/debian/apt.js'
import { cachedInitramfs, cpioNewc, type GuestFile, initramfsEntries, makeInitramfs } from '../../src/vm/initramfs.js'

interface Member {
  name: string
  mode: number
  uid: number
  nlink: number
  size: number
  rdevMajor: number
  rdevMinor: number
  data: Buffer
}

/** An independent newc reader: enough to check every field we write and the 4-byte alignment. */
function readNewc(archive: Buffer): Member[] {
  const members: Member[] = []
  let at = 0
  for (;;) {
    expect(at % 4).toBe(0)
    const header = archive.subarray(at, at + 110).toString('ascii')
    expect(header.slice(0, 6)).toBe('070701')
    const field = (i: number): number => Number.parseInt(header.slice(6 + i * 8, 14 + i * 8), 16)
    const nameSize = field(11)
    const name = archive.subarray(at + 110, at + 110 + nameSize - 1).toString('utf8')
    expect(archive[at + 110 + nameSize - 1]).toBe(0)
    const dataAt = align(at + 110 + nameSize)
    const size = field(6)
    if (name === 'TRAILER!!!') {
      expect(dataAt).toBe(archive.length)
      return members
    }
    members.push({
      name,
      mode: field(1),
      uid: field(2),
      nlink: field(4),
      size,
      rdevMajor: field(9),
      rdevMinor: field(10),
      data: archive.subarray(dataAt, dataAt + size),
    })
    at = align(dataAt + size)
  }
}

const align = (n: number): number => (n + 3) & ~3

describe('initramfs', () => {
  let dir: string
  let init: string
  const program = Buffer.from('\x7fELF not really, but 37 bytes long..')

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'watchq-initramfs-'))
    init = join(dir, 'agent')
    writeFileSync(init, program)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('holds the mount points, /dev/console and /init, in newc format', () => {
    const out = join(dir, 'initrd.cpio')
    makeInitramfs(init, out)
    const members = readNewc(readFileSync(out))
    expect(members.map((m) => m.name)).toEqual(['dev', 'dev/console', 'proc', 'sys', 'tmp', 'init'])
    const byName = new Map(members.map((m) => [m.name, m]))
    expect(byName.get('init')).toMatchObject({ mode: 0o100755, size: program.length, uid: 0, nlink: 1 })
    expect(byName.get('init')!.data.equals(program)).toBe(true)
    expect(byName.get('dev')).toMatchObject({ mode: 0o040755, size: 0, nlink: 2 })
    expect(byName.get('tmp')!.mode).toBe(0o041777)
    expect(byName.get('dev/console')).toMatchObject({ mode: 0o020600, rdevMajor: 5, rdevMinor: 1 })
  })

  it('pads names and data of every length to 4 bytes', () => {
    for (let n = 1; n <= 8; n++) {
      const archive = cpioNewc([
        { name: 'x'.repeat(n), mode: 0o100644, data: Buffer.alloc(n, 0x61) },
        { name: 'y', mode: 0o040755 },
      ])
      const members = readNewc(archive)
      expect(members.map((m) => [m.name, m.size])).toEqual([
        ['x'.repeat(n), n],
        ['y', 0],
      ])
      expect(members[0]!.data.equals(Buffer.alloc(n, 0x61))).toBe(true)
    }
  })

  it('is the same for the same binary (the cache key is its content)', () => {
    const a = cachedInitramfs(init, join(dir, 'cache'))
    const b = cachedInitramfs(init, join(dir, 'cache'))
    expect(a).toBe(b)
    const other = join(dir, 'other')
    writeFileSync(other, Buffer.concat([program, Buffer.from('!')]))
    expect(cachedInitramfs(other, join(dir, 'cache'))).not.toBe(a)
    expect(readFileSync(a).equals(cpioNewc(readNewcEntries(readFileSync(a))))).toBe(true)
  })

  const loader = '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'
  const extras: GuestFile[] = [
    { path: '/lib64/ld-linux-x86-64.so.2', symlink: loader },
    { path: '/bin/keyctl', data: Buffer.from('keyctl bytes') },
    { path: '/lib/x86_64-linux-gnu/libc.so.6', data: Buffer.from('libc'), mode: 0o644 },
    { path: loader, data: Buffer.from('ld.so') },
  ]

  it('adds extra files after /init, each after the directories that hold it, links as links', () => {
    const members = readNewc(cpioNewc(initramfsEntries(program, extras)))
    expect(members.map((m) => `${m.mode.toString(8)} ${m.name}`)).toEqual([
      '40755 dev',
      '20600 dev/console',
      '40555 proc',
      '40555 sys',
      '41777 tmp',
      '100755 init',
      '40755 bin',
      '100755 bin/keyctl',
      '40755 lib',
      '40755 lib/x86_64-linux-gnu',
      '100755 lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      '100644 lib/x86_64-linux-gnu/libc.so.6',
      '40755 lib64',
      '120777 lib64/ld-linux-x86-64.so.2',
    ])
    const byName = new Map(members.map((m) => [m.name, m]))
    expect(byName.get('lib64/ld-linux-x86-64.so.2')!.data.toString()).toBe(loader)
    expect(byName.get('bin/keyctl')!.data.toString()).toBe('keyctl bytes')
  })

  it.each([
    ['a relative path', 'bin/keyctl'],
    ['a path with ..', '/bin/../init'],
    ['an empty part', '/bin//keyctl'],
    ['a member it already has', '/init'],
    ['a file below one it has as a file', '/init/x'],
  ])('refuses %s', (_what, path) => {
    expect(() => initramfsEntries(program, [{ path, data: Buffer.from('x') }])).toThrow()
  })

  it('keys the cache by the extras too; without them the archive is the minimal one, as before', () => {
    const cache = join(dir, 'extras-cache')
    const minimal = cachedInitramfs(init, cache)
    const hash = createHash('sha256').update(program).digest('hex').slice(0, 16)
    expect(minimal).toBe(join(cache, `${hash}.cpio`))
    expect(cachedInitramfs(init, cache, [])).toBe(minimal)
    const full = cachedInitramfs(init, cache, extras)
    expect(full).not.toBe(minimal)
    // The order of the extras does not matter; their content, mode and link target do.
    expect(cachedInitramfs(init, cache, [...extras].reverse())).toBe(full)
    const changed = (i: number, file: GuestFile) => extras.map((f, j) => (j === i ? file : f))
    const variants = [
      changed(1, { path: '/bin/keyctl', data: Buffer.from('keyctl bytez') }),
      changed(1, { path: '/bin/keyctl', data: Buffer.from('keyctl bytes'), mode: 0o700 }),
      changed(1, { path: '/usr/bin/keyctl', data: Buffer.from('keyctl bytes') }),
      changed(0, { path: '/lib64/ld-linux-x86-64.so.2', symlink: '/lib/ld.so' }),
    ]
    const names = new Set([minimal, full, ...variants.map((v) => cachedInitramfs(init, cache, v))])
    expect(names.size).toBe(2 + variants.length)
    expect(readNewc(readFileSync(full)).map((m) => m.name)).toContain('bin/keyctl')
  })

  describe('as GNU cpio reads it', () => {
    beforeAll(async () => {
      await ensurePackages(['cpio'])
    }, 600_000)

    it('lists every member with its type and mode', () => {
      const out = join(dir, 'listed.cpio')
      makeInitramfs(init, out)
      const listing = execFileSync('cpio', ['-itv', '--quiet', '-F', out], { encoding: 'utf8' })
      const rows = listing
        .trim()
        .split('\n')
        .map((line) => {
          const cols = line.trim().split(/\s+/)
          return `${cols[0]} ${cols.at(-1)}`
        })
      expect(rows).toEqual([
        'drwxr-xr-x dev',
        'crw------- dev/console',
        'dr-xr-xr-x proc',
        'dr-xr-xr-x sys',
        'drwxrwxrwt tmp',
        '-rwxr-xr-x init',
      ])
    })

    it('extracts extra files and links as they were given', () => {
      const out = join(dir, 'extras.cpio')
      makeInitramfs(init, out, extras)
      const target = join(dir, 'extracted-extras')
      mkdirSync(target)
      execFileSync('cpio', ['-id', '--quiet', '-F', out], { cwd: target })
      expect(readFileSync(join(target, 'bin/keyctl'), 'utf8')).toBe('keyctl bytes')
      expect(readFileSync(join(target, loader), 'utf8')).toBe('ld.so')
      expect(readlinkSync(join(target, 'lib64/ld-linux-x86-64.so.2'))).toBe(loader)
      const listing = execFileSync('cpio', ['-itv', '--quiet', '-F', out], { encoding: 'utf8' })
      expect(listing).toMatch(
        /^lrwxrwxrwx .* lib64\/ld-linux-x86-64\.so\.2 -> \/lib\/x86_64-linux-gnu\/ld-linux-x86-64\.so\.2$/m,
      )
      expect(listing).toMatch(/^-rw-r--r-- .* lib\/x86_64-linux-gnu\/libc\.so\.6$/m)
    })

    it('extracts /init with its bytes', () => {
      const out = join(dir, 'extract.cpio')
      makeInitramfs(init, out)
      const target = join(dir, 'extracted')
      mkdirSync(target)
      execFileSync('cpio', ['-id', '--quiet', '-F', out, 'init'], { cwd: target })
      expect(readFileSync(join(target, 'init')).equals(program)).toBe(true)
    })
  })
})

/** Back from an archive to entries, to check that writing them again gives the same bytes. */
function readNewcEntries(archive: Buffer) {
  return readNewc(archive).map((m) => ({
    name: m.name,
    mode: m.mode,
    ...(m.size > 0 ? { data: m.data } : {}),
    ...(m.rdevMajor || m.rdevMinor ? { rdevMajor: m.rdevMajor, rdevMinor: m.rdevMinor } : {}),
  }))
}
