// Debian packages the VM tier needs (kernel sources, a compiler, QEMU), installed on demand with
// apt-get. The package lists are refreshed at most once per process, and only when an install
// fails for the want of them.
import { serialized } from '../cache/cache.js'
import { type ExecResult, exec, lastLines } from '../process/exec.js'

export interface AptOptions {
  /** One line per step (what is being installed). */
  readonly onProgress?: (line: string) => void
}

/** Set once `apt-get update` has run in this process (it is slow and needs the network). */
let updated = false
/** Installs whichever of `packages` are missing; rejects with one paragraph naming what failed. */
export function ensurePackages(packages: readonly string[], options: AptOptions = {}): Promise<void> {
  // One at a time: two apt-get runs at once would fight over dpkg's lock.
  return serialized('apt-get install', () => install(packages, options))
}

/** The installed version of a Debian package, or undefined. */
export async function installedVersion(name: string): Promise<string | undefined> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const r = await exec('dpkg-query', ['-W', '-f=${Status}\t${Version}', name])
  if (r.code !== 0) return undefined
  const [status, version] = r.stdout.split('\t')
  return status?.endsWith(' installed') ? version : undefined
}

async function install(packages: readonly string[], options: AptOptions): Promise<void> {
  const missing: string[] = []
  for (const name of packages) if ((await installedVersion(name)) === undefined) missing.push(name)
  if (missing.length === 0) return
  options.onProgress?.(`apt-get install ${missing.join(' ')}`)
  let r = await aptGet(['install', '-y', '--no-install-recommends', ...missing])
  if (r.code !== 0 && !updated && lacksLists(r.stderr + r.stdout)) {
    updated = true
    options.onProgress?.('apt-get update (the package lists do not know some of them)')
    const u = await aptGet(['update'])
    if (u.code !== 0) throw new Error(failure(missing, 'apt-get update', u))
    r = await aptGet(['install', '-y', '--no-install-recommends', ...missing])
  }
  if (r.code !== 0) throw new Error(failure(missing, 'apt-get install', r))
}

/**
 * What apt says when its lists are missing or stale rather than when a package does not exist at
 * all (also for guest-programs.ts's private lists of another architecture).
 */
export function lacksLists(output: string): boolean {
  return /Unable to locate package|has no installation candidate|Failed to fetch|404\s+Not Found/i.test(output)
}

function failure(packages: readonly string[], what: string, r: ExecResult): string {
  const names =
    packages.length === 1 ? `the Debian package ${packages[0]}` : `the Debian packages ${packages.join(', ')}`
  const last = lastLines(r)
  const sudo = process.getuid?.() === 0 ? '' : ' (as root, or through sudo without a password)'
  return (
    `watchq needs ${names} to build and boot test kernels, but ${what} failed (exit ${r.code}): ${last}. ` +
    `Install it yourself${sudo} with \`apt-get install --no-install-recommends ${packages.join(' ')}\` and try again.`
  )
}

function aptGet(args: readonly string[]): Promise<ExecResult> {
  // A lock held by another apt run is waited for, not failed on.
  const full = ['-o', 'DPkg::Lock::Timeout=300', '-q', ...args]
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if (process.getuid?.() === 0) return exec('apt-get', full, { env })
  // -n: a password prompt would hang with nobody to answer it.
  return exec('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...full], { env })
}
