// What `apt-cache show` says of a package: its name, architecture, version and SHA256, the facts a
// download is checked against and a cache is keyed by.

export interface DebianPackage {
  readonly name: string
  readonly arch: string
  readonly version: string
  readonly sha256: string
}

/** Package, Architecture, Version and SHA256 of each stanza of `apt-cache show`. */
export function parseStanzas(text: string): DebianPackage[] {
  return text
    .split(/\n\s*\n/)
    .map((stanza) => {
      const field = (name: string) => new RegExp(`^${name}: *(.+)$`, 'm').exec(stanza)?.[1]?.trim()
      return { name: field('Package'), arch: field('Architecture'), version: field('Version'), sha256: field('SHA256') }
    })
    .filter((p): p is DebianPackage => !!(p.name && p.arch && p.version && p.sha256))
}
