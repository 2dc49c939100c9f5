// A private apt state under watchq's cache: its own package lists, an empty dpkg status and its
// own cache, read through `apt-get -c <dir>/apt.conf` after the host's configuration (which is
// only read). Used for another architecture's packages (vm/guest-programs.ts) and another
// release's (release-apt.ts); each adds its own settings to the same frame.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readText, writeAtomic } from '../cache/cache.js'

/**
 * The apt.conf of a private state in `dir`: `heading` as a comment, the update hooks cleared
 * (they act on the host's own state, which this update does not change), `clear` lists cleared
 * too, the state directories, then `settings`.
 */
export function privateStateConfig(
  dir: string,
  heading: string,
  { clear = [], settings = [] }: { readonly clear?: readonly string[]; readonly settings?: readonly string[] } = {},
): string {
  if (/["\n;{}]/.test(dir)) throw new Error(`apt cannot be given the directory ${JSON.stringify(dir)}`)
  return [
    `// ${heading}`,
    ...['APT::Update::Pre-Invoke', 'APT::Update::Post-Invoke', 'APT::Update::Post-Invoke-Success', ...clear].map(
      (list) => `#clear ${list};`,
    ),
    `Dir::State "${join(dir, 'state')}";`,
    `Dir::State::Status "${join(dir, 'status')}";`,
    `Dir::Cache "${join(dir, 'cache')}";`,
    ...settings,
    '',
  ].join('\n')
}

/** The directories and empty status of a private state in `dir`, and its apt.conf (`config`) when that changed. */
export function preparePrivateState(dir: string, config: string): void {
  mkdirSync(join(dir, 'state', 'lists', 'partial'), { recursive: true })
  mkdirSync(join(dir, 'cache', 'archives', 'partial'), { recursive: true })
  if (!existsSync(join(dir, 'status'))) writeFileSync(join(dir, 'status'), '')
  if (readText(join(dir, 'apt.conf')) !== config) writeAtomic(join(dir, 'apt.conf'), config)
}
