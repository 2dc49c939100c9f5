// The timing half of the benchmark. run.ts bundles this file (with the decoder's sources) the way
// tsup builds the package and runs it in a plain `node --expose-gc` child, so what is timed is the
// code users get, not tsx's development transform. Every round runs every variant once, in an order
// rotated from round to round, with a forced full GC before each so no variant pays for another's
// garbage. The C walker is re-run each round too, so JS and C see the same machine noise.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { type Checked, hex } from './checksum.js'
import { handWritten, inBatches, jsLoop, naive, objectApi, type Variant, walkerApi, walkerU32Api } from './variants.js'

export interface WorkerConfig {
  readonly dataPath: string
  readonly walkPath: string
  readonly resultPath: string
  readonly records: number
  readonly checksum: number
  /** The object variants decode only this many leading records (they allocate per record). */
  readonly prefixRecords: number
  readonly prefixChecksum: number
  /** Bytes per call for the batched object variants. */
  readonly batchBytes: number
  readonly rounds: number
  readonly warmup: number
  /**
   * Timed walks per mode in each run of the C program, and timed calls per round of each bulk
   * variant; the median of each is that round's sample.
   */
  readonly cReps: number
}

export type VariantId =
  | 'c'
  | 'c-copy'
  | 'js-loop'
  | 'walker'
  | 'walker-u32'
  | 'decode'
  | 'naive'
  | 'hand'
  | 'decode-batch'
  | 'naive-batch'
  | 'hand-batch'

export interface VariantResult {
  readonly id: VariantId
  readonly records: number
  readonly checksum: number
  /** ns per record, one per round, in round order. */
  readonly samples: number[]
}

export interface WorkerResult {
  readonly variants: VariantResult[]
  readonly failures: string[]
}

interface JsVariant {
  readonly id: VariantId
  readonly run: Variant
  /** Decodes the prefix (object variants) rather than all records. */
  readonly prefix: boolean
  /**
   * One untimed call between the forced GC and the timed one. In V8 11 a full GC often drops the
   * optimised code of these short (tens of ms) loops; without it the sample would mostly time the
   * interpreter and an on-stack-replacement compile. The long object variants do not need it.
   */
  readonly rewarm: boolean
}

function jsVariants(cfg: WorkerConfig): JsVariant[] {
  const bulk = (id: VariantId, run: Variant) => ({ id, run, prefix: false, rewarm: true })
  const object = (id: VariantId, run: Variant) => ({ id, run, prefix: true, rewarm: false })
  return [
    bulk('js-loop', jsLoop),
    bulk('walker', walkerApi),
    bulk('walker-u32', walkerU32Api),
    object('decode', objectApi),
    object('naive', naive),
    object('hand', handWritten),
    object('decode-batch', inBatches(objectApi, cfg.batchBytes)),
    object('naive-batch', inBatches(naive, cfg.batchBytes)),
    object('hand-batch', inBatches(handWritten, cfg.batchBytes)),
  ]
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {})

interface CMode {
  readonly mode: 'direct' | 'copy'
  readonly records: number
  readonly checksum: number
  readonly badOffset: number
  readonly medianNs: number
}

function runC(cfg: WorkerConfig): CMode[] {
  const p = spawnSync(cfg.walkPath, [cfg.dataPath, String(cfg.cReps), 'both'], { encoding: 'utf8' })
  if (p.status !== 0) throw new Error(`${cfg.walkPath} exited with ${p.status}: ${p.stderr}`)
  return p.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CMode)
}

function main(): void {
  const cfg = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WorkerConfig
  const file = readFileSync(cfg.dataPath)
  const full = new Uint8Array(file.byteLength) // a fresh, 4-byte aligned copy
  full.set(file)
  const prefix = full.subarray(0, cfg.prefixRecords * 16)
  const variants = jsVariants(cfg)
  const results = new Map<VariantId, VariantResult>()
  const failures: string[] = []
  const record = (id: VariantId, got: Checked, prefixOnly: boolean) => {
    const want = prefixOnly
      ? { records: cfg.prefixRecords, checksum: cfg.prefixChecksum }
      : { records: cfg.records, checksum: cfg.checksum }
    if (got.records !== want.records || got.checksum !== want.checksum) {
      failures.push(
        `${id}: ${got.records} records, checksum ${hex(got.checksum)}; expected ${want.records}, ${hex(want.checksum)}`,
      )
    }
    let r = results.get(id)
    if (!r) {
      r = { id, records: got.records, checksum: got.checksum, samples: [] }
      results.set(id, r)
    }
    return r
  }

  for (let w = 0; w < cfg.warmup; w++) {
    for (const v of variants) record(v.id, v.run(v.prefix ? prefix : full), v.prefix)
  }
  if (failures.length) {
    finish(cfg, results, failures)
    return
  }

  const steps: (() => void)[] = [
    () => {
      for (const m of runC(cfg)) {
        const id: VariantId = m.mode === 'direct' ? 'c' : 'c-copy'
        if (m.badOffset >= 0) failures.push(`${id}: the C walker found a malformed record at byte ${m.badOffset}`)
        record(id, m, false).samples.push(m.medianNs)
      }
    },
    ...variants.map((v) => () => {
      const input = v.prefix ? prefix : full
      gc()
      if (v.rewarm) v.run(input)
      // The short bulk calls are timed cReps times, like the C walk, and their median kept.
      const times: number[] = []
      let got: Checked | undefined
      for (let k = 0; k < (v.rewarm ? cfg.cReps : 1); k++) {
        const t0 = performance.now()
        got = v.run(input)
        times.push(((performance.now() - t0) * 1e6) / got.records)
      }
      record(v.id, got!, v.prefix).samples.push(median(times))
    }),
  ]
  for (let round = 0; round < cfg.rounds; round++) {
    const t0 = performance.now()
    for (let k = 0; k < steps.length; k++) steps[(round + k) % steps.length]!()
    process.stderr.write(`  round ${round + 1}/${cfg.rounds}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
    if (failures.length) break
  }
  finish(cfg, results, failures)
}

function finish(cfg: WorkerConfig, results: Map<VariantId, VariantResult>, failures: string[]): void {
  const out: WorkerResult = { variants: [...results.values()], failures }
  writeFileSync(cfg.resultPath, JSON.stringify(out))
}

main()
