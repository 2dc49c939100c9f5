// `mkdir -p` for paths the user gives. Node's recursive mkdirSync never returns for a path under
// /proc (it retries forever when mkdir keeps answering ENOENT), so the ancestors are made one by
// one from the nearest that exists, and the first failure is thrown as it is.
import { mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

export function makeDirs(path: string): void {
  const missing: string[] = []
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      if (statSync(p).isDirectory()) break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(p) === p) throw e
      missing.push(p)
      continue
    }
    // A file where a directory should be: what mkdir -p says there.
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), {
      code: 'ENOTDIR',
      syscall: 'mkdir',
      path: p,
    })
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(p).isDirectory()) throw e
    }
  }
}
