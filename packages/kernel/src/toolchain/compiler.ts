// The C compilers the agent and the C decoder are built with: who a compiler is (target and
// version, part of every build's cache key), and installing it from Debian's packages by name.
import { ensurePackages } from '../debian/apt.js'
import { exec } from '../process/exec.js'

/** The compiler's identity (target and version), or undefined when it is not installed. */
export async function compilerId(cc: string): Promise<string | undefined> {
  const [machine, version] = await Promise.all([exec(cc, ['-dumpmachine']), exec(cc, ['--version'])])
  if (machine.code !== 0 || version.code !== 0) return undefined
  return `${machine.stdout.trim()} ${version.stdout.split('\n')[0]?.trim() ?? ''}`
}

/** The compiler's identity, installing `packages` from Debian first when `cc` is missing. */
export async function ensureCompiler(
  cc: string,
  packages: readonly string[],
  onProgress: (line: string) => void,
): Promise<string> {
  let id = await compilerId(cc)
  if (id === undefined) {
    onProgress(`${cc} is not installed`)
    await ensurePackages(packages, { onProgress })
    id = await compilerId(cc)
    if (id === undefined) throw new Error(`${cc} is still missing after installing ${packages.join(' ')}`)
  }
  return id
}
