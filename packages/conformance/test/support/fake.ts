// The scriptable fake implementation as tests start it: its path, the small suite it is tested
// with, and a `cmd:` spec for a script written to a temporary directory.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const FAKE = join(import.meta.dirname, '../fake-adapter/fake.mjs')
export const SUITE = join(import.meta.dirname, '../runner/fixtures/suite/cases')

/** What the fake says in its hello when a test does not care: a 6.12 x86_64 kernel with the queue and keys. */
export const FAKE_IMPLEMENTATION = {
  name: 'fake',
  version: '0.0.0',
  kernel: '6.12.117',
  arch: 'x86_64',
  endian: 'little',
  pageSize: 4096,
  features: ['notification-pipe', 'key-notifications'],
  ops: ['close', 'pipe2', 'add_key', 'watch', 'read'],
} as const

/** Writes `script` as `<dir>/<name>.json` and returns the --impl spec that runs the fake with it. */
export function fakeImpl(dir: string, script: object, name = 'script', extra = ''): string {
  const path = join(dir, `${name}.json`)
  writeFileSync(path, JSON.stringify(script))
  return `cmd:node ${FAKE} ${path}${extra ? ` ${extra}` : ''}`
}
