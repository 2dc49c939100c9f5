// Packages of another Debian release than this machine's (bullseye's linux-source-5.10, sid's
// linux-source-7.2): apt runs with a private state of that release under
// ${XDG_CACHE_HOME:-~/.cache}/watchq/apt-release-<release>/ — its own package lists, an empty dpkg
// status, its own cache, and a sources file naming the host's own mirrors and keys with that
// release's suites. The host's apt configuration is only read, never changed. Packages are only
// downloaded (never installed), checked against the SHA256 apt knows, and unpacked into the cache.
// Guest programs of such a release (bullseye's keyctl for the 5.10 guest, vm/guest-programs.ts) use
// the same state, or apt-release-<release>-<deb arch>/ for another architecture's.
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { cacheRoot, readText, serialized, withLock, writeAtomic } from '../cache/cache.js'
import { exec, lastLines } from '../process/exec.js'
import { preparePrivateState, privateStateConfig } from './private-state.js'
import { parseStanzas } from './stanzas.js'

/** A Debian release by its code name: its suites, from the archive and the security archive. */
export interface DebianRelease {
  readonly name: string
  /** Suites of the main archive (`bullseye`, `bullseye-updates`; `sid`). */
  readonly suites: readonly string[]
  /** Suites of the security archive (none for sid). */
  readonly securitySuites: readonly string[]
}

export const DEBIAN_RELEASES: Readonly<Record<string, DebianRelease>> = {
  bullseye: { name: 'bullseye', suites: ['bullseye', 'bullseye-updates'], securitySuites: ['bullseye-security'] },
  sid: { name: 'sid', suites: ['sid'], securitySuites: [] },
}

/** The host's Debian mirrors and keyring, from its deb822 sources: the first entry of each archive. */
export function hostDebianSources(etc = '/etc/apt/sources.list.d'): {
  main: string
  security?: string
  keyring: string
} {
  let main: string | undefined
  let security: string | undefined
  let keyring = '/usr/share/keyrings/debian-archive-keyring.gpg'
  const files = existsSync(etc) ? readdirSync(etc).filter((f) => f.endsWith('.sources')) : []
  for (const f of files) {
    for (const stanza of readFileSync(join(etc, f), 'utf8').split(/\n\s*\n/)) {
      const field = (n: string) => new RegExp(`^${n}:\\s*(.+)$`, 'm').exec(stanza)?.[1]?.trim()
      const uri = field('URIs')?.split(/\s+/)[0]
      const suites = field('Suites') ?? ''
      if (!uri || field('Types')?.split(/\s+/).includes('deb') !== true) continue
      if (/-security\b/.test(suites)) security ??= uri
      else if (/\/debian\/?$/.test(uri)) main ??= uri
      keyring = field('Signed-By') ?? keyring
    }
  }
  // A machine with only a one-line sources.list: Debian's own mirror, by name.
  return { main: main ?? 'http://deb.debian.org/debian', ...(security ? { security } : {}), keyring }
}

/** The deb822 sources file of a private state for `release`, over the host's mirrors. */
export function releaseSources(release: DebianRelease, host = hostDebianSources()): string {
  const entry = (uri: string, suites: readonly string[]) =>
    [
      'Types: deb',
      `URIs: ${uri}`,
      `Suites: ${suites.join(' ')}`,
      'Components: main',
      `Signed-By: ${host.keyring}`,
    ].join('\n')
  const parts = [entry(host.main, release.suites)]
  if (release.securitySuites.length && host.security) parts.push(entry(host.security, release.securitySuites))
  return `${parts.join('\n\n')}\n`
}

export interface FetchedPackage {
  readonly name: string
  readonly version: string
  readonly sha256: string
  /** Where it is unpacked (dpkg-deb -x). */
  readonly root: string
}

/**
 * `name` (an architecture-independent or amd64 package) from `release`, downloaded once and
 * unpacked under ${XDG_CACHE_HOME:-~/.cache}/watchq/release-packages/<name>_<version>/root.
 */
export async function releasePackage(
  releaseName: string,
  name: string,
  onProgress: (line: string) => void = () => {},
): Promise<FetchedPackage> {
  const release = debianRelease(releaseName)
  const dir = releaseAptDir(release)
  const conf = join(dir, 'apt.conf')
  return serialized(dir, () =>
    withLock(join(dir, 'watchq.lock'), async () => {
      prepareReleaseState(dir, release)
      const apt = (args: readonly string[], cwd?: string) =>
        exec(args[0]!, ['-q', '-c', conf, ...args.slice(1)], { cwd })
      const where = `watchq's private ${release.name} package lists in ${dir} (over this machine's Debian mirrors)`
      const fresh = readText(join(dir, 'updated'))
      const today = new Date().toISOString().slice(0, 10)
      // Lists at most a day old: a newer package may have replaced the one they name on the mirror.
      if (!fresh.startsWith(today)) {
        onProgress(`apt-get update of ${where}`)
        const u = await apt(['apt-get', 'update'])
        if (u.code !== 0)
          throw new Error(
            `watchq needs Debian ${release.name}'s ${name}, but apt-get update of ${where} failed (exit ${u.code}): ${lastLines(u)}`,
          )
        writeAtomic(join(dir, 'updated'), `${new Date().toISOString()}\n`)
      }
      const shown = await apt(['apt-cache', 'show', '--no-all-versions', name])
      const p = parseStanzas(shown.stdout).find((s) => s.name === name)
      if (!p) throw new Error(`Debian ${release.name} has no package ${name} (apt-cache show: ${lastLines(shown)})`)
      const base = join(cacheRoot(), 'release-packages')
      const target = join(base, `${name}_${p.version}`)
      if (existsSync(join(target, 'manifest.json'))) return { ...p, root: join(target, 'root') }
      mkdirSync(base, { recursive: true })
      const tmp = mkdtempSync(join(base, '.fetch-'))
      try {
        onProgress(`apt-get download ${name}=${p.version} (Debian ${release.name})`)
        const d = await apt(['apt-get', 'download', `${name}=${p.version}`], tmp)
        if (d.code !== 0)
          throw new Error(`apt-get download ${name}=${p.version} failed (exit ${d.code}): ${lastLines(d)}`)
        const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'))
        if (!deb) throw new Error(`apt-get download left no .deb of ${name} in ${tmp}`)
        const sha = createHash('sha256')
          .update(readFileSync(join(tmp, deb)))
          .digest('hex')
        if (sha !== p.sha256) throw new Error(`${deb}: SHA256 ${sha}, but apt says ${p.sha256}`)
        onProgress(`unpacking ${deb}`)
        const x = await exec('dpkg-deb', ['-x', join(tmp, deb), join(tmp, 'root')])
        if (x.code !== 0) throw new Error(`dpkg-deb -x ${deb} failed (exit ${x.code}): ${lastLines(x)}`)
        rmSync(join(tmp, deb))
        writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify({ ...p, release: release.name }, null, 2)}\n`)
        rmSync(target, { recursive: true, force: true })
        renameSync(tmp, target)
      } finally {
        rmSync(tmp, { recursive: true, force: true })
      }
      return { ...p, root: join(target, 'root') }
    }),
  )
}

/** A release by its code name; fails naming the known ones. */
export function debianRelease(name: string): DebianRelease {
  const release = DEBIAN_RELEASES[name]
  if (!release)
    throw new Error(`watchq knows no Debian release "${name}" (known: ${Object.keys(DEBIAN_RELEASES).join(', ')})`)
  return release
}

/**
 * Where the private state of `release` lives: apt-release-<release> for the host's architecture
 * (shared by the kernel sources and guest programs), apt-release-<release>-<debArch> for another.
 */
export function releaseAptDir(release: DebianRelease, debArch?: string): string {
  return join(cacheRoot(), `apt-release-${release.name}${debArch === undefined ? '' : `-${debArch}`}`)
}

/**
 * The sources file and apt.conf of the private state of `release` in `dir`; with `debArch`, of
 * that architecture's packages only (guest programs of another architecture, vm/guest-programs.ts).
 */
export function prepareReleaseState(dir: string, release: DebianRelease, debArch?: string): void {
  mkdirSync(join(dir, 'sources.list.d'), { recursive: true })
  const sources = releaseSources(release)
  if (readText(join(dir, 'sources.list.d', 'debian.sources')) !== sources)
    writeAtomic(join(dir, 'sources.list.d', 'debian.sources'), sources)
  const sourceSettings = [
    'Dir::Etc::sourcelist "/dev/null";',
    `Dir::Etc::sourceparts "${join(dir, 'sources.list.d')}";`,
  ]
  preparePrivateState(
    dir,
    debArch === undefined
      ? privateStateConfig(
          dir,
          `watchq's private apt state for Debian ${release.name} (release-apt.ts); mirrors and keys are the host's`,
          { settings: sourceSettings },
        )
      : privateStateConfig(
          dir,
          `watchq's private apt state for Debian ${release.name}'s ${debArch} packages (release-apt.ts); mirrors and keys are the host's`,
          { clear: ['APT::Architectures'], settings: [...sourceSettings, ...archSettings(debArch)] },
        ),
  )
}

/** apt settings that make a private state know one architecture's packages only. */
export function archSettings(debArch: string): string[] {
  return [`APT::Architecture "${debArch}";`, `APT::Architectures { "${debArch}"; };`]
}
