// Debian's programs for the guest (e.g. keyutils' keyctl, which cases run through `spawn`): the
// packages are fetched with `apt-get download` (no root needed), unpacked with `dpkg-deb -x` into
// the cache, and each program is taken with its dynamic loader and every library it needs, read
// from the ELF files themselves (elf.ts), at the paths Debian installs them — so the guest's
// loader finds them the way it would on Debian, without an ld.so.cache.
// Cached at ${XDG_CACHE_HOME:-~/.cache}/watchq/guest-programs/<deb arch>-<hash>/ (the host's
// release) or <release>-<deb arch>-<hash>/, the hash over each package's name, architecture,
// version and .deb SHA256 as apt knows them.
//
// The host's own architecture and release use the host's apt as it is. Another architecture (s390x
// on an amd64 machine) would need `dpkg --add-architecture` and an update of the host's lists;
// instead apt runs with a private state of that architecture only, under
// ${XDG_CACHE_HOME:-~/.cache}/watchq/apt-<deb arch>/: its own package lists, an empty dpkg status
// and its own cache, read through `apt-get -c <that dir>/apt.conf`, over the host's sources, keys
// and apt configuration (which are only read). Another Debian release (bullseye's keyutils for the
// 5.10 guest, sid's for 7.2) uses that release's private state of debian/release-apt.ts
// (apt-release-<release>/, or apt-release-<release>-<deb arch>/ for another architecture), whose
// sources name the host's mirrors with the release's suites. Those lists are fetched (`apt-get
// update`, a few seconds) when they are missing, or when a package or download is not found in
// them; one process at a time. Each release's programs are cached apart
// (guest-programs/<release>-<deb arch>-<hash>/).
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
import { AGENT_TARGETS } from '../agent/build.js'
import { cacheRoot, readText, serialized, withLock, writeAtomic } from '../cache/cache.js'
import { lacksLists } from '../debian/apt.js'
import { preparePrivateState, privateStateConfig } from '../debian/private-state.js'
import { archSettings, debianRelease, prepareReleaseState, releaseAptDir } from '../debian/release-apt.js'
import { type DebianPackage, parseStanzas } from '../debian/stanzas.js'
import { type ExecResult, exec, lastLines } from '../process/exec.js'
import { elfNeeds } from './elf.js'
import { byPath, type GuestFile } from './initramfs.js'
import type { VmArch } from './kernel-image.js'

export interface GuestProgramsOptions {
  readonly arch: VmArch
  /**
   * The Debian release the packages come from: 'host' (default) for this machine's, or one of
   * DEBIAN_RELEASES (debian/release-apt.ts) through its private apt state.
   */
  readonly release?: string
  /** Debian packages that hold the programs and every library they need. */
  readonly packages: readonly string[]
  /** Absolute paths of the programs, as the packages install them. */
  readonly programs: readonly string[]
  /** Default ${XDG_CACHE_HOME:-~/.cache}/watchq/guest-programs. */
  readonly cacheDir?: string
  /**
   * apt's private state when `arch` or `release` is not the host's. Default
   * ${XDG_CACHE_HOME:-~/.cache}/watchq/apt-<deb arch> for the host's release, else release-apt.ts's.
   */
  readonly aptDir?: string
  readonly onProgress?: (line: string) => void
}

export interface GuestPrograms {
  /** The programs, their loader and libraries (symbolic links as links), for the initramfs. */
  readonly files: readonly GuestFile[]
  readonly packages: readonly DebianPackage[]
  /** Where the packages are unpacked (root/) and described (manifest.json). */
  readonly dir: string
}

/** keyutils' `keyctl` (1.6.1 in Debian 11, 1.6.3 in 12 and sid) and what it links against. */
export const KEYUTILS = { packages: ['keyutils', 'libkeyutils1', 'libc6'], programs: ['/bin/keyctl'] } as const

/** Debian's name of a guest architecture, and its multiarch library directory (the GNU triple). */
const debianOf = (arch: VmArch): { arch: string; triplet: string } => {
  const { debian, triple } = AGENT_TARGETS[arch]
  return { arch: debian, triplet: triple }
}

export function guestProgramsDir(): string {
  return join(cacheRoot(), 'guest-programs')
}

/** Where apt keeps its private state for the Debian architecture `debArch`. */
export function privateAptDir(debArch: string): string {
  return join(cacheRoot(), `apt-${debArch}`)
}

/**
 * The apt.conf of a private state in `dir` for `debArch`, given to apt-get and apt-cache with
 * `-c` (read after the host's configuration, so it wins). Only the state moves: Dir::Etc stays,
 * so the host's sources, keys, pinning and proxies serve. The update hooks are cleared: they act
 * on the host's own state (PackageKit, AppStream), which this update does not change.
 */
export function privateAptConfig(dir: string, debArch: string): string {
  return privateStateConfig(
    dir,
    `watchq's private apt state for Debian's ${debArch} packages (guest-programs.ts); the sources are the host's`,
    {
      clear: ['APT::Architectures'],
      settings: archSettings(debArch),
    },
  )
}

/** The programs of `packages` for `arch`, downloaded and unpacked once, with what they need. */
export async function debianPrograms(o: GuestProgramsOptions): Promise<GuestPrograms> {
  const { arch: debArch, triplet } = debianOf(o.arch)
  const onProgress = o.onProgress ?? (() => {})
  const release = o.release ?? 'host'
  const apt = await aptFor(debArch, release, o.aptDir)
  const base = o.cacheDir ?? guestProgramsDir()
  // A private state's lists are fetched at most once per call: when missing, or when they lack
  // a package or a download (a newer version has replaced it on the mirror).
  let refreshed = false
  const refresh = async (seen: string, why: string) => {
    refreshed = true
    await apt.update(o.packages, seen, why, onProgress)
  }
  for (;;) {
    const seen = apt.stamp()
    if (!refreshed && !apt.hasLists()) {
      await refresh(seen, 'there are none yet')
      continue
    }
    const found = await candidates(apt, o.packages)
    if (!Array.isArray(found)) {
      if (apt.dir !== undefined && !refreshed) {
        await refresh(seen, `they know no ${found.name}:${debArch}`)
        continue
      }
      throw new Error(apt.unknown(found))
    }
    const packages = found
    const key = createHash('sha256')
      .update(packages.map((p) => `${p.name} ${p.arch} ${p.version} ${p.sha256}\n`).join(''))
      .digest('hex')
      .slice(0, 16)
    const dir = join(base, `${release === 'host' ? '' : `${release}-`}${debArch}-${key}`)
    try {
      if (!existsSync(join(dir, 'manifest.json'))) {
        await serialized(dir, () =>
          withLock(`${dir}.lock`, async () => {
            if (!existsSync(join(dir, 'manifest.json'))) await unpack(apt, packages, base, dir, onProgress)
          }),
        )
      }
    } catch (e) {
      if (e instanceof DownloadError && apt.dir !== undefined && !refreshed && lacksLists(e.output)) {
        await refresh(seen, 'a download failed for want of current lists')
        continue
      }
      throw e
    }
    return { files: programFiles(join(dir, 'root'), o.programs, triplet), packages, dir }
  }
}

/** How apt-get and apt-cache run for one Debian architecture. */
interface Apt {
  readonly debArch: string
  /** The private state, for an architecture not the host's. */
  readonly dir?: string
  /** Runs `command` (apt-get or apt-cache) on this state. */
  run(command: string, args: readonly string[], cwd?: string): Promise<ExecResult>
  /** Whether there are package lists (always, as far as this module knows, on the host). */
  hasLists(): boolean
  /** Marks the last update of the private lists ('' before the first, and on the host). */
  stamp(): string
  /** Fetches the private lists unless they changed since `seen`; fails with one paragraph. */
  update(packages: readonly string[], seen: string, why: string, onProgress: (line: string) => void): Promise<void>
  /** The error for a package apt does not know. */
  unknown(r: Unknown): string
}

interface Unknown {
  readonly name: string
  readonly result: ExecResult
}

async function aptFor(debArch: string, releaseName: string, aptDir: string | undefined): Promise<Apt> {
  const native = (await exec('dpkg', ['--print-architecture'])).stdout.trim()
  if (releaseName !== 'host') {
    const release = debianRelease(releaseName)
    const dir = aptDir ?? releaseAptDir(release, native === debArch ? undefined : debArch)
    prepareReleaseState(dir, release, native === debArch ? undefined : debArch)
    return privateApt(debArch, dir, `watchq's private Debian ${release.name} ${debArch} package lists in ${dir}`)
  }
  if (native === debArch)
    return {
      debArch,
      run: (command, args, cwd) => exec(command, ['-q', ...args], { cwd }),
      hasLists: () => true,
      stamp: () => '',
      update: async () => {},
      unknown: ({ name, result: r }) =>
        `apt knows no ${name}:${debArch} (apt-cache show: ${r.stderr.trim() || `exit ${r.code}`}); ` +
        'run `apt-get update` (as root) and try again',
    }
  const dir = aptDir ?? privateAptDir(debArch)
  preparePrivateState(dir, privateAptConfig(dir, debArch))
  return privateApt(
    debArch,
    dir,
    `watchq's private ${debArch} package lists in ${dir} (from this machine's apt sources)`,
  )
}

/** apt on the private state prepared in `dir` (its apt.conf), described to the user as `where`. */
function privateApt(debArch: string, dir: string, where: string): Apt {
  const lists = join(dir, 'state', 'lists')
  const conf = join(dir, 'apt.conf')
  const stampFile = join(dir, 'updated')
  // One apt at a time on this state: in this process (the lock file names the process), and
  // between processes (an update replaces the lists the others read).
  const locked = <T>(work: () => Promise<T>) => serialized(dir, () => withLock(join(dir, 'watchq.lock'), work))
  return {
    debArch,
    dir,
    run: (command, args, cwd) => locked(() => exec(command, ['-q', '-c', conf, ...args], { cwd })),
    hasLists: () => readdirSync(lists).some((f) => /_Packages(\.[a-z0-9]+)?$/.test(f)),
    stamp: () => readText(stampFile),
    update: (packages, seen, why, onProgress) =>
      locked(async () => {
        if (readText(stampFile) !== seen) return // another run has just fetched them
        onProgress(`apt-get update of ${where}: ${why}`)
        const r = await exec('apt-get', ['-q', '-c', conf, 'update'])
        if (r.code !== 0)
          throw new Error(
            `watchq needs Debian's ${debArch} packages ${packages.join(', ')} for the guest, but apt-get update ` +
              `of ${where} failed (exit ${r.code}): ${lastLines(r)}. The host's own apt state is not used or changed; ` +
              `check the network and the sources in /etc/apt, then try again (\`apt-get -c ${conf} update\` ` +
              'does the same by hand).',
          )
        writeAtomic(stampFile, `${new Date().toISOString()} ${process.pid}\n`)
      }),
    unknown: ({ name, result: r }) =>
      `apt knows no ${name}:${debArch} in ${where}, fetched afresh (apt-cache show: ` +
      `${r.stderr.trim().split('\n').join(' / ') || `exit ${r.code}`}); check the package's name, and that ` +
      `the sources in /etc/apt carry ${debArch} packages.`,
  }
}

/** The versions apt would install (`apt-cache show --no-all-versions`), one per package. */
async function candidates(apt: Apt, names: readonly string[]): Promise<DebianPackage[] | Unknown> {
  const r = await apt.run('apt-cache', ['show', '--no-all-versions', ...names.map((n) => `${n}:${apt.debArch}`)])
  const found = parseStanzas(r.stdout)
  const out: DebianPackage[] = []
  for (const name of names) {
    const p = found.find((s) => s.name === name && (s.arch === apt.debArch || s.arch === 'all'))
    if (!p) return { name, result: r }
    out.push(p)
  }
  return out
}

/** A failed `apt-get download`, with what apt said. */
class DownloadError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message)
  }
}

/** Downloads the exact versions, checks their SHA256, unpacks them; the directory appears by rename. */
async function unpack(
  apt: Apt,
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
    const via = apt.dir === undefined ? '' : ` (with the private lists in ${apt.dir})`
    onProgress(`apt-get download ${specs.join(' ')}${via}`)
    const r = await apt.run('apt-get', ['download', ...specs], debs)
    if (r.code !== 0)
      throw new DownloadError(
        `apt-get download ${specs.join(' ')}${via} failed (exit ${r.code}): ${lastLines(r)}`,
        r.stderr + r.stdout,
      )
    const files = readdirSync(debs).filter((f) => f.endsWith('.deb'))
    for (const p of packages) {
      const file = files.find((f) => f.startsWith(`${p.name}_`))
      if (!file) throw new Error(`apt-get download left no .deb of ${p.name} in ${debs}`)
      const sha = createHash('sha256')
        .update(readFileSync(join(debs, file)))
        .digest('hex')
      if (sha !== p.sha256) throw new Error(`${file}: SHA256 ${sha}, but apt says ${p.sha256}`)
      const x = await exec('dpkg-deb', ['-x', join(debs, file), join(tmp, 'root')])
      if (x.code !== 0) throw new Error(`dpkg-deb -x ${file} failed (exit ${x.code}): ${lastLines(x)}`)
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
      // Merged /usr (sid's packages ship /usr/bin/keyctl, /usr/lib64/ld-linux-x86-64.so.2): a
      // program's or loader's classic path that the packages lack is a link to its /usr twin, as
      // base-files' /bin -> usr/bin would make it on Debian.
      if (MERGED_USR.test(p) && !exists(root, p) && exists(root, `/usr${p}`)) {
        files.set(p, { path: p, symlink: `/usr${p}` })
        p = `/usr${p}`
        continue
      }
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
  return [...files.values()].sort(byPath)
}

/** Directories that merged /usr makes links to their /usr twins. */
const MERGED_USR = /^\/(bin|sbin|lib|lib32|lib64|libx32)\//

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
