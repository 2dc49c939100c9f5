// Programs for the guest: what apt-cache says is read right, a program is taken with its loader
// and every library it needs (transitively, where Debian's loader looks, links kept as links), and
// nothing outside the unpacked tree can be reached. The real download of keyutils is in the kernel
// tier (test/kernel/keyutils.kernel.test.ts), which boots it.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { debianPrograms, parseStanzas, programFiles } from '../../src/vm/guest-programs.js'
import type { GuestFile } from '../../src/vm/initramfs.js'

const HOST_LIBS = '/usr/lib/x86_64-linux-gnu'
const isX86 = process.arch === 'x64'

describe('parseStanzas', () => {
  it('reads name, architecture, version and SHA256 of each package apt-cache shows', () => {
    const text = [
      'Package: keyutils',
      'Version: 1.6.3-2',
      'Architecture: amd64',
      'Depends: libc6 (>= 2.34), libkeyutils1 (>= 1.6)',
      'SHA256: 5d601db221361b767869ff9d506fb6212c735d6ac16d8fd53c6538dc72cbed17',
      'Description-en: Linux Key Management Utilities',
      ' Keyutils is a set of utilities',
      '',
      'Package: libkeyutils1',
      'Architecture: amd64',
      'Version: 1.6.3-2',
      'SHA256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      '',
      'Package: broken',
      'Version: 1',
      '',
    ].join('\n')
    expect(parseStanzas(text)).toEqual([
      {
        name: 'keyutils',
        arch: 'amd64',
        version: '1.6.3-2',
        sha256: '5d601db221361b767869ff9d506fb6212c735d6ac16d8fd53c6538dc72cbed17',
      },
      {
        name: 'libkeyutils1',
        arch: 'amd64',
        version: '1.6.3-2',
        sha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      },
    ])
  })
})

describe.runIf(isX86)('programFiles, on a tree laid out like Debian packages', () => {
  let root: string
  const put = (guest: string, host: string) => {
    mkdirSync(dirname(join(root, guest)), { recursive: true })
    copyFileSync(host, join(root, guest))
  }

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'watchq-guest-'))
    put('/bin/ls', '/usr/bin/ls')
    put('/bin/true', '/usr/bin/true')
    put('/lib/x86_64-linux-gnu/libc.so.6', `${HOST_LIBS}/libc.so.6`)
    put('/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', `${HOST_LIBS}/ld-linux-x86-64.so.2`)
    // As libc6 ships it: an absolute link to the loader.
    mkdirSync(join(root, 'lib64'))
    symlinkSync('/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', join(root, 'lib64/ld-linux-x86-64.so.2'))
    // In the second directory the loader searches, behind a relative link as packages do.
    put('/usr/lib/x86_64-linux-gnu/libselinux.so.1.real', `${HOST_LIBS}/libselinux.so.1`)
    symlinkSync('libselinux.so.1.real', join(root, 'usr/lib/x86_64-linux-gnu/libselinux.so.1'))
    put('/usr/lib/x86_64-linux-gnu/libpcre2-8.so.0', `${HOST_LIBS}/libpcre2-8.so.0`)
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const describeFiles = (files: readonly GuestFile[]) =>
    files.map((f) => ('symlink' in f ? `${f.path} -> ${f.symlink}` : `${f.path} ${f.mode?.toString(8)}`))

  it('takes a program with its loader (the link and its target) and libc', () => {
    const files = programFiles(root, ['/bin/true'], 'x86_64-linux-gnu')
    expect(describeFiles(files)).toEqual([
      '/bin/true 755',
      '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 755',
      '/lib/x86_64-linux-gnu/libc.so.6 755',
      '/lib64/ld-linux-x86-64.so.2 -> /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
    ])
    const libc = files.find((f) => f.path.endsWith('libc.so.6')) as { data: Uint8Array }
    expect(Buffer.from(libc.data).equals(readFileSync(`${HOST_LIBS}/libc.so.6`))).toBe(true)
  })

  it('follows the libraries’ own needs, in every directory the loader searches', () => {
    const paths = programFiles(root, ['/bin/ls', '/bin/true'], 'x86_64-linux-gnu').map((f) => f.path)
    expect(paths).toEqual([
      '/bin/ls',
      '/bin/true',
      '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      '/lib/x86_64-linux-gnu/libc.so.6',
      '/lib64/ld-linux-x86-64.so.2',
      '/usr/lib/x86_64-linux-gnu/libpcre2-8.so.0',
      '/usr/lib/x86_64-linux-gnu/libselinux.so.1',
      '/usr/lib/x86_64-linux-gnu/libselinux.so.1.real',
    ])
  })

  it('names a library it cannot find, and refuses paths that leave the tree', () => {
    const sparse = mkdtempSync(join(tmpdir(), 'watchq-guest-sparse-'))
    try {
      mkdirSync(join(sparse, 'bin'))
      copyFileSync('/usr/bin/ls', join(sparse, 'bin/ls'))
      expect(() => programFiles(sparse, ['/bin/ls'], 'x86_64-linux-gnu')).toThrow(
        /libselinux\.so\.1, needed by \/bin\/ls, is in none of \/lib\/x86_64-linux-gnu, \/usr\/lib\/x86_64-linux-gnu, \/lib, \/usr\/lib/,
      )
      // A directory that is a link (here to the host's /usr) would read the build machine's files.
      symlinkSync('/usr', join(sparse, 'usr'))
      expect(() => programFiles(sparse, ['/usr/bin/true'], 'x86_64-linux-gnu')).toThrow(/\/usr is a symbolic link/)
      expect(() => programFiles(sparse, ['bin/ls'], 'x86_64-linux-gnu')).toThrow(/bad guest path/)
    } finally {
      rmSync(sparse, { recursive: true, force: true })
    }
  })
})

describe('debianPrograms', () => {
  const foreign = execFileSync('dpkg', ['--print-foreign-architectures'], { encoding: 'utf8' }).split(/\s+/)
  it.runIf(isX86 && !foreign.includes('s390x'))(
    'says how to make another architecture’s packages available, before fetching anything',
    async () => {
      const cacheDir = mkdtempSync(join(tmpdir(), 'watchq-guest-cache-'))
      try {
        await expect(
          debianPrograms({ arch: 's390x', packages: ['keyutils'], programs: ['/bin/keyctl'], cacheDir }),
        ).rejects.toThrow(/dpkg --add-architecture s390x && apt-get update/)
      } finally {
        rmSync(cacheDir, { recursive: true, force: true })
      }
    },
  )
})
