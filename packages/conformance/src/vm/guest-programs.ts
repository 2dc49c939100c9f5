// Debian's programs for the guest (e.g. keyutils' keyctl, which cases run through `spawn`): the
// packages are fetched with `apt-get download` (no root needed), unpacked with `dpkg-deb -x` into
// the cache, and each program is taken with its dynamic loader and every library it needs, read
// from the ELF files themselves (elf.ts), at the paths Debian installs them — so the guest's
// loader finds them the way it would on Debian, without an ld.so.cache.
// Cached at ${XDG_CACHE_HOME:-~/.cache}/watchq/guest-programs/<deb arch>-<hash>/, the hash over
// each package's name, architecture, version and .deb SHA256 as apt knows them.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join, posix } from 'node:path'
import { cacheRoot, withLock } from './cache.js'
import { elfNeeds } from './elf.js'
import type { GuestFile } from './initramfs.js'
import type { VmArch } from './kernel-image.js'

export interface GuestProgramsOptions {
  readonly arch: VmArch
  /** Debian packages that hold the programs and every library they need. */
  readonly packages: readonly string[]
  /** Absolute paths of the programs, as the packages install them. */
  readonly programs: readonly string[]
  /** Default ${XDG_CACHE_HOME:-~/.cache}/watchq/guest-programs. */
  readonly cacheDir?: string
  readonly onProgress?: (line: string) => void
}

export interface DebianPackage {
  readonly name: string
  readonly arch: string
  readonly version: string
  readonly sha256: string
}

export interface GuestPrograms {
  /** The programs, their loader and libraries (symbolic links as links), for the initramfs. */
  readonly files: readonly GuestFile[]
  readonly packages: readonly DebianPackage[]
  /** Where the packages are unpacked (root/) and described (manifest.json). */
  readonly dir: string
}

/** keyutils' `keyctl` (1.6.3 on Debian 12) and what it links against. */
export const KEYUTILS = { packages: ['keyutils', 'libkeyutils1', 'libc6'], programs: ['/bin/keyctl'] } as const

/** Debian's names of the guest architectures, and their multiarch library directory. */
const DEBIAN: Record<VmArch, { arch: string; triplet: string }> = {
  x86_64: { arch: 'amd64', triplet: 'x86_64-linux-gnu' },
  s390x: { arch: 's390x', triplet: 's390x-linux-gnu' },
}

export function guestProgramsDir(): string {
  return join(cacheRoot(), 'guest-programs')
}

/** The programs of `packages` for `arch`, downloaded and unpacked once, with what they need. */
export async function debianPrograms(o: GuestProgramsOptions): Promise<GuestPrograms> {
  const { arch: debArch, triplet } = DEBIAN[o.arch]
  await checkArchitecture(debArch)
  const packages = await candidates(o.packages, debArch)
  const key = createHash('sha256')
    .update(packages.map((p) => `${p.name} ${p.arch} ${p.version} ${p.sha256}\n`).join(''))
    .digest('hex')
    .slice(0, 16)
  const base = o.cacheDir ?? guestProgramsDir()
  const dir = join(base, `${debArch}-${key}`)
  if (!existsSync(join(dir, 'manifest.json'))) {
    await withLock(`${dir}.lock`, async () => {
      if (!existsSync(join(dir, 'manifest.json'))) await unpack(packages, base, dir, o.onProgress ?? (() => {}))
    })
  }
  return { files: programFiles(join(dir, 'root'), o.programs, triplet), packages, dir }
}

/** Fails with what to do when this machine's apt cannot fetch packages of `debArch`. */
async function checkArchitecture(debArch: string): Promise<void> {
  const native = (await exec('dpkg', ['--print-architecture'])).stdout.trim()
  if (native === debArch) return
  const foreign = (await exec('dpkg', ['--print-foreign-architectures'])).stdout.split(/\s+/)
  if (!foreign.includes(debArch))
    throw new Error(
      `Debian's ${debArch} packages are unknown to apt on this ${native} machine; ` +
        `\`dpkg --add-architecture ${debArch} && apt-get update\` (as root) makes them available`,
    )
}

/** The versions apt would install (`apt-cache show --no-all-versions`), one per package. */
async function candidates(names: readonly string[], debArch: string): Promise<DebianPackage[]> {
  const r = await exec('apt-cache', ['show', '--no-all-versions', ...names.map((n) => `${n}:${debArch}`)])
  const found = parseStanzas(r.stdout)
  const out: DebianPackage[] = []
  for (const name of names) {
    const p = found.find((s) => s.name === name && (s.arch === debArch || s.arch === 'all'))
    if (!p)
      throw new Error(
        `apt knows no ${name}:${debArch} (apt-cache show: ${r.stderr.trim() || `exit ${r.code}`}); ` +
          'run `apt-get update` (as root) and try again',
      )
    out.push(p)
  }
  return out
}

/** Package, Architecture, Version and SHA256 of each stanza of `apt-cache show`. */
export function parseStanzas(text: string): DebianPackage[] {
  return text
    .split(/\n\s*\n/)
    .map((stanza) => {
      const field = (name: string) => new RegExp(`^${name}: *(.+)$`, 'm').exec(stanza)?.[1]?.trim()
      return { name: field('Package'), arch: field('Architecture'), version: field('Version'), sha256: field('SHA256') }
    })
    .filter((p): p is DebianPackage => !!(p.name && p.arch && p.version && p.sha256))
}

/** Downloads the exact versions, checks their SHA256, unpacks them; the directory appears by rename. */
async function unpack(
  packages: readonly DebianPackage[],
  base: string,
  dir: string,
  onProgress: (line: string) => void,
): Promise<void> {
  mkdirSync(base, { recursive: true })
  const tmp = mkdtempSync(join(base, '.unpack-'))
  try {
    const debs = join(tmp, 'debs')
    mkdirSync(debs)
    const specs = packages.map((p) => `${p.name}:${p.arch}=${p.version}`)
    onProgress(`apt-get download ${specs.join(' ')}`)
    const r = await exec('apt-get', ['-q', 'download', ...specs], debs)
    if (r.code !== 0) throw new Error(`apt-get download ${specs.join(' ')} failed (exit ${r.code}): ${tail(r)}`)
    const files = readdirSync(debs).filter((f) => f.endsWith('.deb'))
    for (const p of packages) {
      const file = files.find((f) => f.startsWith(`${p.name}_`))
      if (!file) throw new Error(`apt-get download left no .deb of ${p.name} in ${debs}`)
      const sha = createHash('sha256')
        .update(readFileSync(join(debs, file)))
        .digest('hex')
      if (sha !== p.sha256) throw new Error(`${file}: SHA256 ${sha}, but apt says ${p.sha256}`)
      const x = await exec('dpkg-deb', ['-x', join(debs, file), join(tmp, 'root')])
      if (x.code !== 0) throw new Error(`dpkg-deb -x ${file} failed (exit ${x.code}): ${tail(x)}`)
    }
    rmSync(debs, { recursive: true, force: true })
    writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify({ packages }, null, 2)}\n`)
    rmSync(dir, { recursive: true, force: true })
    renameSync(tmp, dir)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/**
 * The files `programs` need under the unpacked tree `root` (guest paths are paths below it): each
 * program, its ELF interpreter and every DT_NEEDED library, transitively, searched where Debian's
 * loader looks by default. Symbolic links are kept as links, with what they point to.
 */
export function programFiles(root: string, programs: readonly string[], triplet: string): GuestFile[] {
  const files = new Map<string, GuestFile>()
  const libDirs = [`/lib/${triplet}`, `/usr/lib/${triplet}`, '/lib', '/usr/lib']
  const examined = new Set<string>()
  const queue = [...programs]
  const add = (path: string): string => {
    let p = posix.normalize(path)
    for (let hops = 0; hops < 16; hops++) {
      const host = hostPath(root, p)
      const st = lstatSync(host)
      if (st.isSymbolicLink()) {
        const target = readlinkSync(host)
        files.set(p, { path: p, symlink: target })
        p = posix.normalize(target.startsWith('/') ? target : posix.join(posix.dirname(p), target))
        continue
      }
      if (!st.isFile()) throw new Error(`${p} in ${root} is not a regular file`)
      files.set(p, { path: p, data: readFileSync(host), mode: st.mode & 0o7777 })
      return p
    }
    throw new Error(`${path} in ${root}: too many symbolic links`)
  }
  while (queue.length > 0) {
    const wanted = queue.shift()!
    const real = add(wanted)
    if (examined.has(real)) continue
    examined.add(real)
    const needs = elfNeeds((files.get(real) as { data: Uint8Array }).data)
    if (needs.interpreter) queue.push(needs.interpreter)
    for (const lib of needs.needed) {
      const dir = libDirs.find((d) => exists(root, `${d}/${lib}`))
      if (!dir) throw new Error(`${lib}, needed by ${real}, is in none of ${libDirs.join(', ')} of ${root}`)
      queue.push(`${dir}/${lib}`)
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** `path` below `root`, refusing a way out: `..`, or a symbolic link among its directories. */
function hostPath(root: string, path: string): string {
  const parts = path.split('/').filter((p) => p !== '')
  if (!path.startsWith('/') || parts.some((p) => p === '..' || p === '.')) throw new Error(`bad guest path ${path}`)
  for (let i = 1; i < parts.length; i++) {
    const dir = join(root, ...parts.slice(0, i))
    if (lstatSync(dir).isSymbolicLink())
      throw new Error(`${path} in ${root}: /${parts.slice(0, i).join('/')} is a symbolic link`)
  }
  return join(root, ...parts)
}

function exists(root: string, path: string): boolean {
  try {
    hostPath(root, path)
    lstatSync(join(root, path))
    return true
  } catch {
    return false
  }
}

interface ExecResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const tail = (r: ExecResult) => (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' / ')

function exec(command: string, args: readonly string[], cwd?: string): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0
      const why = error && typeof error.code !== 'number' ? `${error.message}\n` : ''
      resolve({ code, stdout: String(stdout), stderr: why + String(stderr) })
    })
  })
}
