// Writes a report as it runs: the header first, each result as soon as it is known, the footer
// last. Lines are written synchronously, so a run that dies leaves every finished result and no
// footer — which `summary` reports as truncated. Only the path the user gave is ever written.
import { closeSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ReportFooter, ReportHeader, ReportResult } from '@watchq/spec'
import { asEnvironmentError } from '../errors/environment-error.js'
import { makeDirs } from '../files/make-dirs.js'

export interface ReportSink {
  header(h: ReportHeader): void
  result(r: ReportResult): void
  footer(f: ReportFooter): void
}

export class ReportFile implements ReportSink {
  private fd: number | null

  /** Opens (creates, truncates) the file at once, so that a place it cannot go stops a run before it starts. */
  constructor(readonly path: string) {
    try {
      makeDirs(dirname(path))
      this.fd = openSync(path, 'w')
    } catch (e) {
      throw asEnvironmentError(e, 'cannot write the report', path)
    }
  }

  private line(obj: object): void {
    if (this.fd === null) throw new Error(`report ${this.path} is already closed`)
    try {
      writeSync(this.fd, `${JSON.stringify(obj)}\n`)
    } catch (e) {
      throw asEnvironmentError(e, 'cannot write the report', this.path)
    }
  }

  header(h: ReportHeader): void {
    this.line(h)
  }

  result(r: ReportResult): void {
    this.line(r)
  }

  footer(f: ReportFooter): void {
    this.line(f)
    closeSync(this.fd!)
    this.fd = null
  }
}

/** Keeps the report in memory (tests, and runs without --report). */
export class ReportMemory implements ReportSink {
  headerLine: ReportHeader | null = null
  readonly results: ReportResult[] = []
  footerLine: ReportFooter | null = null

  header(h: ReportHeader): void {
    this.headerLine = h
  }

  result(r: ReportResult): void {
    this.results.push(r)
  }

  footer(f: ReportFooter): void {
    this.footerLine = f
  }

  /** The report as JSONL text. */
  text(): string {
    const lines: object[] = [
      ...(this.headerLine ? [this.headerLine] : []),
      ...this.results,
      ...(this.footerLine ? [this.footerLine] : []),
    ]
    return lines.map((l) => `${JSON.stringify(l)}\n`).join('')
  }
}

/** Fans every line out to several sinks. */
export class ReportTee implements ReportSink {
  constructor(private readonly sinks: readonly ReportSink[]) {}
  header(h: ReportHeader): void {
    for (const s of this.sinks) s.header(h)
  }
  result(r: ReportResult): void {
    for (const s of this.sinks) s.result(r)
  }
  footer(f: ReportFooter): void {
    for (const s of this.sinks) s.footer(f)
  }
}

/** A report written a line at a time through a function (standard output: --report -, --reporter jsonl). */
export class ReportLines implements ReportSink {
  constructor(private readonly write: (line: string) => void) {}
  header(h: ReportHeader): void {
    this.write(JSON.stringify(h))
  }
  result(r: ReportResult): void {
    this.write(JSON.stringify(r))
  }
  footer(f: ReportFooter): void {
    this.write(JSON.stringify(f))
  }
}
