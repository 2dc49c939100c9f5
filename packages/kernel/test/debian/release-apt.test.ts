// Another Debian release's packages: the private state's sources name the host's own mirrors and
// keyring with that release's suites (the host's apt configuration is only read).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEBIAN_RELEASES, hostDebianSources, releaseSources } from '../../src/debian/release-apt.js'

describe('a private apt state for another release', () => {
  const etc = mkdtempSync(join(tmpdir(), 'watchq-sources-'))
  writeFileSync(
    join(etc, 'debian.sources'),
    [
      'Types: deb',
      'URIs: http://mirror.example/debian',
      'Suites: bookworm bookworm-updates',
      'Components: main',
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
      '',
      'Types: deb',
      'URIs: http://mirror.example/debian-security',
      'Suites: bookworm-security',
      'Components: main',
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
      '',
    ].join('\n'),
  )
  writeFileSync(
    join(etc, 'other.sources'),
    'Types: deb\nURIs: https://deb.nodesource.com/node_20.x\nSuites: nodistro\n',
  )

  it("finds the host's Debian mirrors, its security mirror and keyring, and nobody else's", () => {
    expect(hostDebianSources(etc)).toEqual({
      main: 'http://mirror.example/debian',
      security: 'http://mirror.example/debian-security',
      keyring: '/usr/share/keyrings/debian-archive-keyring.gpg',
    })
    // No deb822 sources at all: Debian's own mirror, by name.
    expect(hostDebianSources(join(etc, 'none')).main).toBe('http://deb.debian.org/debian')
  })

  it("names the release's suites on those mirrors: bullseye with its updates and security, sid alone", () => {
    const host = hostDebianSources(etc)
    expect(releaseSources(DEBIAN_RELEASES['bullseye']!, host)).toBe(
      [
        'Types: deb',
        'URIs: http://mirror.example/debian',
        'Suites: bullseye bullseye-updates',
        'Components: main',
        'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
        '',
        'Types: deb',
        'URIs: http://mirror.example/debian-security',
        'Suites: bullseye-security',
        'Components: main',
        'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
        '',
      ].join('\n'),
    )
    expect(releaseSources(DEBIAN_RELEASES['sid']!, host)).toContain('Suites: sid\n')
    expect(releaseSources(DEBIAN_RELEASES['sid']!, host)).not.toContain('debian-security')
  })
})
