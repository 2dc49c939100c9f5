// Headless Debian Chromium through playwright-core, with a fresh profile and no network beyond
// file:// pages, for the tests that need a real browser.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'
import { CHROMIUM } from '../support/browser-setup.js'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface Chromium {
  readonly context: BrowserContext
  /** Every URL a page of this browser requested (for asserting that nothing went out). */
  readonly requests: string[]
  close(): Promise<void>
}

export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'watchq-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  })
  const requests: string[] = []
  context.on('request', (r) => {
    requests.push(r.url())
  })
  // Anything but a local file is refused outright, so a test can never reach the network.
  await context.route(/^(?!file:)/, (route) => route.abort())
  return {
    context,
    requests,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
