// Captures: what an implementation did for a case, one JSON line per step. Written by `watchq run
// --capture DIR`; replayed as a case whose expectations are the captured observations. Values that
// differ per run (fds, key serials) are bound by position: every serial becomes a handle, bound
// where the capture bound it or, for serials it never bound (special keyrings), on first sight.
import {
  CaptureHeader,
  CaptureLine,
  type Case,
  type Expectation,
  type ImplementationInfo,
  type Observation,
  OPS,
  type RecordPattern,
  type WireStep,
} from '@watchq/spec'
import { decodeObserved } from './observed.js'
import { explainErrors, jsonErrorPosition, schemaValidator } from './validate.js'

export interface CaptureMeta {
  readonly id: string
  readonly provenance?: CaptureHeader['provenance']
  readonly case: Case
  readonly implementation: ImplementationInfo
  readonly recorded: string
  readonly watchq: string
}

/** The capture file's lines for one run of a case. */
export function captureLines(
  meta: CaptureMeta,
  steps: readonly WireStep[],
  observations: readonly Observation[],
): string {
  const header: CaptureHeader = {
    capture: 1,
    case: meta.id,
    description: meta.case.description,
    ...(meta.case.reference ? { reference: meta.case.reference } : {}),
    ...(meta.case.requires ? { requires: meta.case.requires } : {}),
    implementation: meta.implementation,
    recorded: meta.recorded,
    watchq: meta.watchq,
    ...(meta.provenance ? { provenance: meta.provenance } : {}),
  }
  const lines = [JSON.stringify(header)]
  for (const [i, observation] of observations.entries()) lines.push(JSON.stringify({ step: steps[i], observation }))
  return `${lines.join('\n')}\n`
}

/**
 * Why a case is not captured, or undefined when it is: a case that admits several outcomes of a step
 * (`anyOf`, where the kernel may do either) would have its capture fix the one this run showed, and
 * the capture would then fail on a run that shows the other.
 */
export function uncapturable(c: Case): string | undefined {
  const open = c.steps.findIndex((s) => (s as { expect?: Expectation }).expect?.anyOf !== undefined)
  return open < 0 ? undefined : `step ${open + 1} admits several outcomes (anyOf); a capture would fix one of them`
}

/** Fields of a decoded record that hold key serials. */
const SERIAL_FIELDS = new Set(['keyId', 'id'])
/** Ops whose results belong to one run (how many lines a program had written, how often a probe ran, its output). */
const UNREPEATABLE = new Set(['wait_output', 'output'])
const SERIAL_AUX_EVENTS = new Set(['linked', 'unlinked'])

export function captureToCase(text: string): { case: Case } | { problems: string[] } {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  if (lines.length === 0) return { problems: ['line 1: empty capture (a header line is required)'] }
  const parsed: unknown[] = []
  for (const [i, line] of lines.entries()) {
    try {
      parsed.push(JSON.parse(line))
    } catch (e) {
      return { problems: [`line ${i + 1}: ${jsonErrorPosition(line, e as Error)}`] }
    }
  }
  const vh = schemaValidator(CaptureHeader)
  if (!vh(parsed[0])) return { problems: explainErrors(vh.errors ?? [], parsed[0]).map((p) => `line 1 ${p}`) }
  const header = parsed[0] as CaptureHeader
  const vl = schemaValidator(CaptureLine)
  const problems: string[] = []
  const steps: Case['steps'] = []
  // Serial value → handle, from the capture's own binds, then invented for serials seen unbound.
  const names = new Map<string, string>()
  let invented = 0
  const handleFor = (v: string | number) => {
    const k = String(v)
    let n = names.get(k)
    if (!n) {
      n = `$serial_${++invented}`
      names.set(k, n)
    }
    return n
  }
  const ctx = { endian: header.implementation.endian, revision: header.implementation.revision ?? 'mainline' }
  for (let i = 1; i < parsed.length; i++) {
    if (!vl(parsed[i])) {
      problems.push(...explainErrors(vl.errors ?? [], parsed[i]).map((p) => `line ${i + 1} ${p}`))
      continue
    }
    const { step, observation: o } = parsed[i] as { step: WireStep; observation: Observation }
    if (o.skipped !== undefined || o.error !== undefined) {
      problems.push(
        `line ${i + 1}: the captured step was not performed (${o.skipped ?? o.error}); it cannot be replayed`,
      )
      continue
    }
    const bind = (step as { bind?: string | string[] }).bind
    const binds = OPS.get(step.op)?.binds
    if (bind !== undefined && binds === 'ret' && o.ret !== undefined)
      names.set(String(o.ret), Array.isArray(bind) ? bind[0]! : bind)
    if (o.errno === undefined && UNREPEATABLE.has(step.op)) {
      steps.push({ ...step } as Case['steps'][number])
      continue
    }
    const expect: Expectation = {}
    if (o.errno !== undefined) expect.errno = o.errno
    else if (o.ret !== undefined) {
      // Ops that return a serial or an fd return other numbers on another run: expect the handle
      // the capture bound, or the handle of a serial seen before (add_key finding an existing
      // key returns its serial), or a new handle bound on first sight.
      if (binds !== 'ret') expect.ret = o.ret
      else if (bind !== undefined) expect.ret = Array.isArray(bind) ? bind[0]! : bind
      else expect.ret = handleFor(o.ret)
    }
    if (o.value !== undefined) expect.value = o.value
    if (o.revents !== undefined) expect.revents = o.revents
    if (o.flags !== undefined) expect.flags = o.flags
    if (o.bytes !== undefined && step.op === 'wait_exit') {
      // A program's output holds serials and timing of this run; its exit status is what repeats.
    } else if (o.bytes !== undefined) {
      const d = decodeObserved(o.bytes, ctx)
      if ('error' in d) expect.bytes = o.bytes
      else {
        expect.records = d.records.map((rec) => {
          const r = rec as Record<string, unknown>
          const p: Record<string, unknown> = {}
          for (const f of ['kind', 'event', 'type', 'subtype', 'length', 'watchId', 'typeInfo', 'keyId', 'aux', 'id']) {
            const v = r[f]
            if (v === undefined || v === null) continue
            const serial = SERIAL_FIELDS.has(f) || (f === 'aux' && SERIAL_AUX_EVENTS.has(String(r.event)))
            p[f] = serial && v !== 0 && v !== '0' ? handleFor(v as number | string) : v
          }
          return p as RecordPattern
        })
      }
    }
    steps.push({ ...step, expect } as Case['steps'][number])
  }
  if (problems.length) return { problems }
  if (steps.length === 0) return { problems: ['line 2: a capture needs at least one step line'] }
  return {
    case: {
      description:
        `${header.description} (as captured on ${header.implementation.name} ${header.implementation.kernel ?? ''} ${header.implementation.arch}, ${header.recorded})`.replace(
          / +/g,
          ' ',
        ),
      ...(header.reference ? { reference: header.reference } : {}),
      ...(header.requires ? { requires: header.requires } : {}),
      steps,
    },
  }
}
