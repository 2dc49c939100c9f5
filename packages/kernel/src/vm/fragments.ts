// The Kconfig fragments in the package's vm/ folder: what they ask for, the hash that names a
// kernel build, and the check that the final .config really has every option as asked (Kconfig
// silently drops an option whose dependencies are missing).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageDir } from '../package-dir.js'
import type { KernelVersion, VmArch } from './kernel-image.js'

/** The fragments for `arch`, in merge order (later ones win). */
export function fragmentPaths(arch: VmArch): string[] {
  const dir = fragmentsDir()
  return [join(dir, 'common.fragment'), join(dir, `${arch}.fragment`)]
}

/** The package's vm/ folder, where the config fragments are. */
export function fragmentsDir(): string {
  return join(packageDir(), 'vm')
}

/** An option as a fragment or a .config sets it: `y`, `m`, a value, or `n` for "is not set". */
export type ConfigOptions = Map<string, string>

/** Parses `CONFIG_X=v` and `# CONFIG_X is not set` lines (the latter as `n`). */
export function parseConfig(text: string): ConfigOptions {
  const options: ConfigOptions = new Map()
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    const set = /^(CONFIG_\w+)=(.*)$/.exec(line)
    if (set) {
      options.set(set[1]!, set[2]!)
      continue
    }
    const unset = /^# (CONFIG_\w+) is not set$/.exec(line)
    if (unset) options.set(unset[1]!, 'n')
  }
  return options
}

/** Every option the fragments ask for; a later fragment overrides an earlier one. */
export function wantedOptions(paths: readonly string[]): ConfigOptions {
  const wanted: ConfigOptions = new Map()
  for (const path of paths) for (const [k, v] of parseConfig(readFileSync(path, 'utf8'))) wanted.set(k, v)
  return wanted
}

/** The options of `wanted` that `config` does not have as asked, as `CONFIG_X=y (got n)`. */
export function unmetOptions(wanted: ConfigOptions, config: ConfigOptions): string[] {
  const unmet: string[] = []
  for (const [name, value] of wanted) {
    const got = config.get(name) ?? 'n'
    if (got !== value) unmet.push(`${name}=${value} (got ${got === 'n' ? 'not set' : got})`)
  }
  return unmet
}

/**
 * Names a build: the options the fragments ask for (not their comments, so documenting an option
 * rebuilds nothing), the version and the arch. The Debian patch level is not in it.
 */
export function configHash(
  version: KernelVersion,
  arch: VmArch,
  paths: readonly string[] = fragmentPaths(arch),
): string {
  const h = createHash('sha256')
  h.update(`watchq-kernel v1\0${version}\0${arch}\0`)
  for (const [name, value] of wantedOptions(paths)) h.update(`${name}=${value}\n`)
  return h.digest('hex').slice(0, 12)
}
