// Vitest globalSetup for the browser tests: makes sure Debian's Chromium is installed (the
// script is idempotent and exits at once when it is), so the tests never download a browser.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const CHROMIUM = '/usr/bin/chromium'

export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/install-chromium.sh', import.meta.url))
  // The script explains a failure on stderr; a throw here stops the run before any test starts.
  execFileSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000 })
}
