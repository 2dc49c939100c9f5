// The package's own files at run time (the agent's and the C decoder's C sources, the kernel
// config fragments): found upwards from this module, which runs from src/ in development and
// from dist/ once installed.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let found: string | undefined

/** The root of @watchq/kernel (where agent/, c/, decoder-c/ and vm/ are). */
export function packageDir(): string {
  if (found) return found
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'agent', 'main.c')) && existsSync(join(dir, 'package.json'))) {
      found = dir
      return dir
    }
    dir = dirname(dir)
  }
  throw new Error('cannot find the C sources of @watchq/kernel (agent/main.c) above this module')
}

/** Every *.c and *.h of the given folders of the package, by path relative to it, sorted. */
export async function cSources(folders: readonly string[]): Promise<{ path: string; text: string }[]> {
  const root = packageDir()
  const paths: string[] = []
  for (const folder of folders) {
    for (const name of await readdir(join(root, folder))) if (/\.[ch]$/.test(name)) paths.push(`${folder}/${name}`)
  }
  paths.sort()
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })))
}
