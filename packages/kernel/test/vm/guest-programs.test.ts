// Programs for the guest: what apt-cache says is read right, a program is taken with its loader
// and every library it needs (transitively, where Debian's loader looks, links kept as links),
// nothing outside the unpacked tree can be reached, and another architecture's (or release's)
// packages come through a private apt state, whose lists are fetched only when needed. The real downloads of
// keyutils (amd64 and s390x) are in the kernel tier (test/kernel/keyutils.kernel.test.ts), which boots them.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseStanzas } from '../../src/debian/stanzas.js'
import { debianPrograms, privateAptConfig, programFiles } from '../../src/vm/guest-programs.js'
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

  it('links a classic path the packages lack to its merged-/usr twin (sid ships /usr/bin, /usr/lib64)', () => {
    const merged = mkdtempSync(join(tmpdir(), 'watchq-guest-merged-'))
    try {
      const putIn = (guest: string, host: string) => {
        mkdirSync(dirname(join(merged, guest)), { recursive: true })
        copyFileSync(host, join(merged, guest))
      }
      putIn('/usr/bin/true', '/usr/bin/true')
      putIn('/usr/lib/x86_64-linux-gnu/libc.so.6', `${HOST_LIBS}/libc.so.6`)
      putIn('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', `${HOST_LIBS}/ld-linux-x86-64.so.2`)
      mkdirSync(join(merged, 'usr/lib64'))
      symlinkSync('../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', join(merged, 'usr/lib64/ld-linux-x86-64.so.2'))
      expect(describeFiles(programFiles(merged, ['/bin/true'], 'x86_64-linux-gnu'))).toEqual([
        '/bin/true -> /usr/bin/true',
        '/lib64/ld-linux-x86-64.so.2 -> /usr/lib64/ld-linux-x86-64.so.2',
        '/usr/bin/true 755',
        '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 755',
        '/usr/lib/x86_64-linux-gnu/libc.so.6 755',
        '/usr/lib64/ld-linux-x86-64.so.2 -> ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      ])
      // Only those directories: a missing /etc/x is not looked for under /usr.
      expect(() => programFiles(merged, ['/etc/true'], 'x86_64-linux-gnu')).toThrow(/ENOENT/)
    } finally {
      rmSync(merged, { recursive: true, force: true })
    }
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

// Another architecture's packages come through a private apt state. Here apt-get, apt-cache and
// dpkg are fakes on PATH (a mirror directory instead of the network, every call logged), so that
// when the private lists are fetched, and how the state is passed, can be seen; dpkg-deb is real.
const FAKE_APT = `#!/usr/bin/env node
const fs = require('node:fs')
const path = require('node:path')
const root = process.env.FAKE_APT_ROOT
const command = path.basename(process.argv[1])
const args = process.argv.slice(2)
fs.appendFileSync(path.join(root, 'log'), [command, ...args].join(' ') + '\\n')
if (command === 'dpkg') {
  process.stdout.write('amd64\\n')
  process.exit(0)
}
const fail = (line) => {
  process.stderr.write(line + '\\n')
  process.exit(100)
}
const c = args.indexOf('-c')
if (c < 0) fail('E: the fake knows only private states (-c)')
const state = /^Dir::State "([^"]+)";$/m.exec(fs.readFileSync(args[c + 1], 'utf8'))[1]
const lists = path.join(state, 'lists', 'deb.example_dists_bookworm_main_binary-s390x_Packages')
const rest = args.filter((a, i) => a !== '-q' && i !== c && i !== c + 1)
const stanzas = (text) => text.split('\\n\\n').filter((s) => s.trim() !== '')
if (command === 'apt-cache') {
  if (!fs.existsSync(lists)) fail('E: No packages found')
  const known = stanzas(fs.readFileSync(lists, 'utf8'))
  const out = []
  for (const spec of rest.slice(2)) {
    const hit = known.find((s) => s.startsWith('Package: ' + spec.split(':')[0] + '\\n'))
    if (hit) out.push(hit + '\\n\\n')
    else process.stderr.write('N: Unable to locate package ' + spec + '\\n')
  }
  process.stdout.write(out.join(''))
  if (out.length === 0) fail('E: No packages found')
} else if (rest[0] === 'update') {
  if (fs.existsSync(path.join(root, 'update-fails')))
    fail("E: Failed to fetch http://deb.example/dists/bookworm/InRelease  Could not resolve 'deb.example'")
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200) // slow enough to overlap
  fs.copyFileSync(path.join(root, 'mirror', 'Packages'), lists)
} else if (rest[0] === 'download') {
  for (const spec of rest.slice(1)) {
    const [, name, arch, version] = /^([^:]+):([^=]+)=(.+)$/.exec(spec)
    const deb = name + '_' + version + '_' + arch + '.deb'
    if (!fs.existsSync(path.join(root, 'mirror', deb)))
      fail('E: Failed to fetch http://deb.example/pool/main/' + deb + '  404  Not Found [IP: 192.0.2.1 80]')
    fs.copyFileSync(path.join(root, 'mirror', deb), path.join(process.cwd(), deb))
  }
} else fail('E: the fake does not do ' + rest.join(' '))
`

// Each test runs apt-get against a local mirror: seconds, more on a loaded machine.
describe('debianPrograms of another architecture, through a private apt state', { timeout: 30_000 }, () => {
  let fake: string
  let cacheDir: string
  let aptDir: string
  const savedPath = process.env['PATH']
  let progress: string[] = []

  beforeAll(() => {
    fake = mkdtempSync(join(tmpdir(), 'watchq-fake-apt-'))
    mkdirSync(join(fake, 'bin'))
    writeFileSync(join(fake, 'bin', 'apt-get'), FAKE_APT, { mode: 0o755 })
    for (const alias of ['apt-cache', 'dpkg']) symlinkSync('apt-get', join(fake, 'bin', alias))
    process.env['PATH'] = `${join(fake, 'bin')}:${savedPath}`
    process.env['FAKE_APT_ROOT'] = fake
  })
  afterAll(() => {
    process.env['PATH'] = savedPath
    delete process.env['FAKE_APT_ROOT']
    rmSync(fake, { recursive: true, force: true })
  })
  beforeEach(() => {
    for (const f of ['mirror', 'log', 'update-fails', 'cache', 'apt'])
      rmSync(join(fake, f), { recursive: true, force: true })
    mkdirSync(join(fake, 'mirror'))
    cacheDir = join(fake, 'cache')
    aptDir = join(fake, 'apt')
    progress = []
  })

  /** Builds `name` `version` for s390x into the mirror: one file, /usr/share/fake/<name>, saying the version. */
  function deb(name: string, version: string): string {
    const tree = join(fake, 'tree')
    rmSync(tree, { recursive: true, force: true })
    mkdirSync(join(tree, 'DEBIAN'), { recursive: true })
    mkdirSync(join(tree, 'usr/share/fake'), { recursive: true })
    writeFileSync(join(tree, 'usr/share/fake', name), `${version}\n`)
    writeFileSync(
      join(tree, 'DEBIAN/control'),
      `Package: ${name}\nVersion: ${version}\nArchitecture: s390x\nMaintainer: watchq <t@example.org>\nDescription: fake\n`,
    )
    const file = join(fake, 'mirror', `${name}_${version}_s390x.deb`)
    execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '-b', tree, file], { stdio: 'ignore' })
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex')
    return `Package: ${name}\nVersion: ${version}\nArchitecture: s390x\nSHA256: ${sha}\n`
  }
  /** What the mirror's lists say (what the next `apt-get update` fetches). */
  const publish = (...stanzas: string[]) => writeFileSync(join(fake, 'mirror', 'Packages'), stanzas.join('\n'))
  const log = () =>
    readFileSync(join(fake, 'log'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('dpkg '))
      .map((l) => l.replaceAll(aptDir, '<apt>'))
  const run = (packages = ['keyutils', 'libc6']) =>
    debianPrograms({ arch: 's390x', packages, programs: [], cacheDir, aptDir, onProgress: (l) => progress.push(l) })
  const installed = (dir: string, name: string) => readFileSync(join(dir, 'root/usr/share/fake', name), 'utf8').trim()

  it('fetches the private lists when there are none, then only reads them', async () => {
    publish(deb('keyutils', '1.6.3-2'), deb('libc6', '2.36-9'))
    const first = await run()
    expect(log()).toEqual([
      'apt-get -q -c <apt>/apt.conf update',
      'apt-cache -q -c <apt>/apt.conf show --no-all-versions keyutils:s390x libc6:s390x',
      'apt-get -q -c <apt>/apt.conf download keyutils:s390x=1.6.3-2 libc6:s390x=2.36-9',
    ])
    expect(progress).toEqual([
      `apt-get update of watchq's private s390x package lists in ${aptDir} (from this machine's apt sources): there are none yet`,
      `apt-get download keyutils:s390x=1.6.3-2 libc6:s390x=2.36-9 (with the private lists in ${aptDir})`,
    ])
    expect(first.packages.map((p) => `${p.name} ${p.arch} ${p.version}`)).toEqual([
      'keyutils s390x 1.6.3-2',
      'libc6 s390x 2.36-9',
    ])
    expect(installed(first.dir, 'keyutils')).toBe('1.6.3-2')
    expect(first.dir.startsWith(join(cacheDir, 's390x-'))).toBe(true)
    expect(readFileSync(join(aptDir, 'apt.conf'), 'utf8')).toBe(privateAptConfig(aptDir, 's390x'))
    expect(readFileSync(join(aptDir, 'status'), 'utf8')).toBe('')

    const again = await run()
    expect(again.dir).toBe(first.dir)
    expect(log().slice(3)).toEqual(['apt-cache -q -c <apt>/apt.conf show --no-all-versions keyutils:s390x libc6:s390x'])
  })

  it('fetches them again, once, when a download is gone from the mirror', async () => {
    publish(deb('keyutils', '1.6.3-2'), deb('libc6', '2.36-9'))
    await run(['libc6'])
    rmSync(join(fake, 'mirror'), { recursive: true })
    mkdirSync(join(fake, 'mirror'))
    publish(deb('keyutils', '1.6.3-2'), deb('libc6', '2.36-10'))
    const r = await run()
    expect(log().filter((l) => l.endsWith(' update'))).toHaveLength(2)
    expect(log().slice(3)).toEqual([
      'apt-cache -q -c <apt>/apt.conf show --no-all-versions keyutils:s390x libc6:s390x',
      'apt-get -q -c <apt>/apt.conf download keyutils:s390x=1.6.3-2 libc6:s390x=2.36-9',
      'apt-get -q -c <apt>/apt.conf update',
      'apt-cache -q -c <apt>/apt.conf show --no-all-versions keyutils:s390x libc6:s390x',
      'apt-get -q -c <apt>/apt.conf download keyutils:s390x=1.6.3-2 libc6:s390x=2.36-10',
    ])
    expect(progress).toContain(
      `apt-get update of watchq's private s390x package lists in ${aptDir} (from this machine's apt sources): a download failed for want of current lists`,
    )
    expect(installed(r.dir, 'libc6')).toBe('2.36-10')

    // Gone again, and the fresh lists do not help: the download's failure, not another update.
    rmSync(join(cacheDir), { recursive: true })
    rmSync(join(fake, 'mirror', 'libc6_2.36-10_s390x.deb'))
    const before = log().length
    await expect(run()).rejects.toThrow(
      /^apt-get download keyutils:s390x=1\.6\.3-2 libc6:s390x=2\.36-10 \(with the private lists in .*\) failed \(exit 100\): E: Failed to fetch .*404 {2}Not Found/,
    )
    expect(
      log()
        .slice(before)
        .filter((l) => l.endsWith(' update')),
    ).toHaveLength(1)
  })

  it('fetches them when they lack a package, and names one nobody has', async () => {
    publish(deb('libc6', '2.36-9'))
    await run(['libc6'])
    publish(deb('libc6', '2.36-9'), deb('keyutils', '1.6.3-2'))
    await run()
    expect(log().filter((l) => l.endsWith(' update'))).toHaveLength(2)
    const before = log().length
    await expect(run(['keyutils', 'nosuch'])).rejects.toThrow(
      `apt knows no nosuch:s390x in watchq's private s390x package lists in ${aptDir} (from this machine's apt sources), fetched afresh (apt-cache show: N: Unable to locate package nosuch:s390x); check the package's name, and that the sources in /etc/apt carry s390x packages.`,
    )
    expect(
      log()
        .slice(before)
        .filter((l) => l.endsWith(' update')),
    ).toHaveLength(1)
  })

  it('fetches them once for callers at the same time', async () => {
    publish(deb('keyutils', '1.6.3-2'), deb('libc6', '2.36-9'))
    const [a, b] = await Promise.all([run(), run()])
    expect(a.dir).toBe(b.dir)
    expect(log().filter((l) => l.endsWith(' update'))).toHaveLength(1)
    expect(log().filter((l) => l.includes(' download '))).toHaveLength(1)
  })

  it('says in one paragraph what failed when the lists cannot be fetched', async () => {
    writeFileSync(join(fake, 'update-fails'), '')
    const e = await run().then(
      () => undefined,
      (e: Error) => e,
    )
    expect(e?.message).toBe(
      `watchq needs Debian's s390x packages keyutils, libc6 for the guest, but apt-get update of watchq's private s390x package lists in ${aptDir} (from this machine's apt sources) failed (exit 100): E: Failed to fetch http://deb.example/dists/bookworm/InRelease  Could not resolve 'deb.example'. The host's own apt state is not used or changed; check the network and the sources in /etc/apt, then try again (\`apt-get -c ${aptDir}/apt.conf update\` does the same by hand).`,
    )
  })

  it('takes another release’s packages through that release’s state, cached apart', async () => {
    publish(deb('keyutils', '1.6.1-2'), deb('libc6', '2.31-13'))
    const old = await debianPrograms({
      arch: 's390x',
      release: 'bullseye',
      packages: ['keyutils', 'libc6'],
      programs: [],
      cacheDir,
      aptDir,
      onProgress: (l) => progress.push(l),
    })
    expect(log()[0]).toBe('apt-get -q -c <apt>/apt.conf update')
    expect(progress[0]).toBe(
      `apt-get update of watchq's private Debian bullseye s390x package lists in ${aptDir}: there are none yet`,
    )
    const conf = readFileSync(join(aptDir, 'apt.conf'), 'utf8')
    expect(conf).toContain(`Dir::Etc::sourceparts "${join(aptDir, 'sources.list.d')}";`)
    expect(conf).toContain('APT::Architecture "s390x";')
    expect(readFileSync(join(aptDir, 'sources.list.d', 'debian.sources'), 'utf8')).toContain(
      'Suites: bullseye bullseye-updates\n',
    )
    expect(old.dir).toMatch(/\/bullseye-s390x-[0-9a-f]{16}$/)
    expect(installed(old.dir, 'keyutils')).toBe('1.6.1-2')
    await expect(
      debianPrograms({ arch: 's390x', release: 'potato', packages: [], programs: [], cacheDir, aptDir }),
    ).rejects.toThrow(/knows no Debian release "potato" \(known: bullseye, sid\)/)
  })

  it('checks the SHA256 apt gives', async () => {
    publish(deb('keyutils', '1.6.3-2').replace(/SHA256: \w+/, `SHA256: ${'0'.repeat(64)}`))
    await expect(run(['keyutils'])).rejects.toThrow(
      /^keyutils_1\.6\.3-2_s390x\.deb: SHA256 [0-9a-f]{64}, but apt says 0{64}$/,
    )
  })
})

describe.runIf(existsSync('/usr/bin/apt-config'))('privateAptConfig, as the host’s apt reads it', () => {
  it('moves the state and the architecture, and keeps the host’s sources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchq-apt-conf-'))
    try {
      writeFileSync(join(dir, 'apt.conf'), privateAptConfig(dir, 's390x'))
      const dump = execFileSync('apt-config', ['-c', join(dir, 'apt.conf'), 'dump'], { encoding: 'utf8' })
      const host = execFileSync('apt-config', ['dump'], { encoding: 'utf8' })
      const value = (text: string, name: string) =>
        [...text.matchAll(new RegExp(`^${name} "(.*)";$`, 'gm'))].map((m) => m[1])
      expect(value(dump, 'Dir::State')).toEqual([join(dir, 'state')])
      expect(value(dump, 'Dir::State::Status')).toEqual([join(dir, 'status')])
      expect(value(dump, 'Dir::Cache')).toEqual([join(dir, 'cache')])
      expect(value(dump, 'APT::Architecture')).toEqual(['s390x'])
      expect(value(dump, 'APT::Architectures::')).toEqual(['s390x'])
      expect(value(dump, 'APT::Update::Post-Invoke-Success::')).toEqual([])
      for (const name of ['Dir', 'Dir::Etc', 'Dir::Etc::sourcelist', 'Dir::Etc::sourceparts', 'Dir::Etc::trustedparts'])
        expect(value(dump, name), name).toEqual(value(host, name))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it('refuses a directory apt could not be told', () => {
    expect(() => privateAptConfig('/tmp/a"b', 's390x')).toThrow(/cannot be given/)
  })
})
