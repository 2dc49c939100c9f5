// The decoder benchmark: `npm run bench -w @watchq/decoder`. Options (after `--`): --records N,
// --object-records N, --batch-bytes N, --rounds N, --warmup N, --c-reps N, --seed N,
// --dry (do not write BENCHMARKS.md), --keep (keep the temp dir).
//
// 1. checks openWalker against decode on random and malformed streams;
// 2. makes the data (mainline key records from a seeded PRNG), checks a sample against encode and
//    decode, and writes it to a temp file for the C walker;
// 3. compiles bench/c/walk.c with gcc -O2 and bundles bench/worker.ts like tsup builds the package;
// 4. runs the worker in a plain `node --expose-gc` (interleaved rounds, C included, checksums checked);
// 5. prints the table and ratios and rewrites the "Decoder" section of the repo-root BENCHMARKS.md.
// Any checksum mismatch fails the run (exit 1) before anything is written.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { TARGET } from '../tsup.config.js'
import { hex } from './checksum.js'
import { makeData, verifyData } from './data.js'
import {
  consoleTable,
  markdownSection,
  type Ratio,
  rows,
  SECTION_HEADING,
  speedRatio,
  upsertSection,
} from './report.js'
import { checkWalkerAgainstDecode } from './selfcheck.js'
import type { VariantId, WorkerConfig, WorkerResult } from './worker.js'

const BENCH = path.dirname(fileURLToPath(import.meta.url))
const REPO = path.resolve(BENCH, '../../..')
const BENCHMARKS_MD = path.join(REPO, 'BENCHMARKS.md')
const BULK_TARGET = 0.5
const OBJECT_TARGET = 5

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: String(4 << 20) },
    'object-records': { type: 'string', default: String(1 << 18) },
    'batch-bytes': { type: 'string', default: String(64 << 10) },
    rounds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    'c-reps': { type: 'string', default: '5' },
    seed: { type: 'string', default: String(0xc0ffee) },
    dry: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})

const int = (name: keyof typeof args, min: number) => {
  const v = Number(args[name])
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min}, not ${args[name]}`)
  return v
}

const sh = (cmd: string, argv: string[]) => {
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8' }).split('\n')[0]!.trim()
  } catch {
    return `(${cmd} unavailable)`
  }
}

const step = (what: string) => process.stdout.write(`• ${what}\n`)

async function main(): Promise<number> {
  const records = int('records', 1)
  const prefixRecords = Math.min(int('object-records', 1), records)
  const batchBytes = int('batch-bytes', 16)
  if (batchBytes % 16) throw new Error('--batch-bytes must be a multiple of 16 (the record size)')
  const rounds = int('rounds', 1)
  const warmup = int('warmup', 0)
  const cReps = int('c-reps', 1)
  const seed = int('seed', 0)
  const extra = process.argv.slice(2)
  const command = `npm run bench -w @watchq/decoder${extra.length ? ` -- ${extra.join(' ')}` : ''}`
  const gcc = sh('gcc', ['--version'])
  const machine = [
    `CPU: ${os.cpus()[0]?.model ?? 'unknown'}, nproc ${sh('nproc', [])}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `Node ${process.version} (V8 ${process.versions.v8})`,
    `gcc: ${gcc}`,
  ]
  console.log(`decoder benchmark: ${command}`)
  for (const m of machine) console.log(`  ${m}`)

  const t0 = performance.now()
  step('checking openWalker against decode on random and malformed streams')
  const streams = checkWalkerAgainstDecode(seed)
  console.log(`  ${streams} streams agree`)

  step(`making ${records} mainline key records (seed ${seed})`)
  const data = makeData(records, prefixRecords, seed)
  verifyData(data)
  console.log(
    `  ${(data.bytes.length / 2 ** 20).toFixed(1)} MiB, sample verified against encode() and decode(); ` +
      `checksum ${hex(data.checksum)}, first ${prefixRecords}: ${hex(data.prefixChecksum)}`,
  )

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'watchq-bench-'))
  try {
    const dataPath = path.join(tmp, 'records.bin')
    writeFileSync(dataPath, data.bytes)

    step('compiling bench/c/walk.c with gcc -O2')
    const walkPath = path.join(tmp, 'walk')
    const cc = spawnSync('gcc', ['-O2', '-Wall', '-Wextra', '-o', walkPath, path.join(BENCH, 'c/walk.c')], {
      encoding: 'utf8',
    })
    if (cc.status !== 0) throw new Error(`gcc failed:\n${cc.stderr}`)
    if (cc.stderr.trim()) console.log(cc.stderr.trim())

    step(`bundling bench/worker.ts as tsup builds the package (esbuild, esm, ${TARGET}, no keepNames)`)
    const workerPath = path.join(tmp, 'worker.mjs')
    await build({
      entryPoints: [path.join(BENCH, 'worker.ts')],
      outfile: workerPath,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: TARGET,
      logLevel: 'warning',
    })

    const cfg: WorkerConfig = {
      dataPath,
      walkPath,
      resultPath: path.join(tmp, 'result.json'),
      records,
      checksum: data.checksum,
      prefixRecords,
      prefixChecksum: data.prefixChecksum,
      batchBytes,
      rounds,
      warmup,
      cReps,
    }
    const cfgPath = path.join(tmp, 'config.json')
    writeFileSync(cfgPath, JSON.stringify(cfg))
    step(`timing: ${warmup} warm-up pass(es), then ${rounds} interleaved rounds (node --expose-gc)`)
    const w = spawnSync(process.execPath, ['--expose-gc', workerPath, cfgPath], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 10 * 60_000,
    })
    if (w.status !== 0 || !existsSync(cfg.resultPath)) throw new Error(`the worker failed (status ${w.status})`)
    const result = JSON.parse(readFileSync(cfg.resultPath, 'utf8')) as WorkerResult
    if (result.failures.length) {
      console.error('\n✖ CHECKSUM MISMATCH: the variants do not agree; nothing is written.')
      for (const f of result.failures) console.error(`  ${f}`)
      return 1
    }
    console.log(
      `  all variants agree: checksum ${hex(data.checksum)} (${records} records), ${hex(data.prefixChecksum)} (${prefixRecords})`,
    )

    const size = (bytes: number) =>
      bytes >= 2 ** 20 ? `${+(bytes / 2 ** 20).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`
    const recs = (n: number) => `${n} records (${size(n * 16)})`
    const table = rows(result.variants, {
      full: recs(records),
      prefix: recs(prefixRecords),
      batch: `${size(batchBytes)} per call`,
    })
    const r = (fast: VariantId, slow: VariantId, label: string, reads: (x: string) => string, target?: number) =>
      speedRatio(table, fast, slow, label, reads, target)
    const ratios = [
      r('walker', 'c', 'openWalker vs C', (x) => `openWalker, word() reads: ${x} the speed of C`, BULK_TARGET),
      r(
        'walker-u32',
        'c',
        'openWalker, u32 reads vs C',
        (x) => `openWalker, u32() reads (checked): ${x} the speed of C`,
      ),
      r('js-loop', 'c', 'reference: C walk in JS vs C', (x) => `the C walk ported to JS: ${x} the speed of C`),
      r(
        'walker',
        'js-loop',
        'openWalker vs C walk in JS',
        (x) => `openWalker: ${x} the speed of the C walk ported to JS`,
      ),
      r('walker', 'c-copy', 'openWalker vs C+memcpy', (x) => `openWalker: ${x} the speed of C with memcpy per record`),
      r(
        'decode',
        'naive',
        'decode vs naive, one call',
        (x) => `decode vs naive, one ${size(prefixRecords * 16)} call: ${x} as fast`,
        OBJECT_TARGET,
      ),
      r(
        'decode-batch',
        'naive-batch',
        `decode vs naive, per ${size(batchBytes)}`,
        (x) => `decode vs naive, ${size(batchBytes)} calls: ${x} as fast`,
        OBJECT_TARGET,
      ),
      r('decode', 'hand', 'decode vs hand-written, one call', (x) => `decode vs hand-written, one call: ${x} as fast`),
      r(
        'decode-batch',
        'hand-batch',
        `decode vs hand-written, per ${size(batchBytes)}`,
        (x) => `decode vs hand-written, ${size(batchBytes)} calls: ${x} as fast`,
      ),
      r(
        'hand',
        'naive',
        'hand-written vs naive, one call',
        (x) => `hand-written vs naive, one call: ${x} as fast (what a plain object-per-record loop gets)`,
      ),
      r(
        'hand-batch',
        'naive-batch',
        `hand-written vs naive, per ${size(batchBytes)}`,
        (x) => `hand-written vs naive, ${size(batchBytes)} calls: ${x} as fast`,
      ),
    ].filter((x): x is Ratio => x !== undefined)

    console.log(`\n${consoleTable(table, ratios)}\n`)
    for (const [name, target] of [
      ['bulk', BULK_TARGET],
      ['object', OBJECT_TARGET],
    ] as const) {
      const judged = ratios.filter((x) => x.target === target)
      const met = judged.filter((x) => x.value >= target).map((x) => x.label)
      const missed = judged.filter((x) => x.value < target).map((x) => x.label)
      console.log(
        `${name} target (≥ ${target}×): ${met.length ? `met by ${met.join('; ')}` : 'met by none'}${missed.length ? `; NOT met by ${missed.join('; ')}` : ''}`,
      )
    }

    const section = markdownSection({
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      command,
      machine,
      data: [
        `${records} mainline key records of 16 bytes (${size(records * 16)}), little-endian (the host's order), written directly and checked against \`encode\`/\`decode\` on a sample; subtype (0–7), watch id (0–255), keyId and aux (full u32) drawn from a seeded PRNG (mulberry32), seed ${seed}.`,
        `C, the walker variants and the JS port of the C walk walk all ${records} records. The object-building variants (decode, naive, hand-written) decode the first ${prefixRecords} (${size(prefixRecords * 16)}): once as a single call, and once in ${size(batchBytes)} calls (about one read() of a notification pipe each) whose results are checksummed and dropped. They allocate an object per record (the naive loop a copy as well); a prefix keeps the rounds short and the heap small.`,
        `Checksum: the sum mod 2^32 of type + subtype·0x01000193 + keyId·0x9e3779b1 + aux·0x85ebca77 per record (keyId and aux for key records only): ${hex(data.checksum)} for all records, ${hex(data.prefixChecksum)} for the prefix. Every variant computes it from its own output (the C program from the raw bytes); the run fails if any disagrees.`,
      ],
      method: [
        'Before timing, `openWalker` is checked against `decode` on random and malformed streams of every revision, both byte orders, aligned and unaligned inputs (every field and payload read, same DecodeError code and offset).',
        `The JS variants run in a plain \`node --expose-gc\` child, from a bundle of the sources built as tsup builds the package (esbuild, esm, target ${TARGET} as in tsup.config.ts, no keepNames), so what is timed is what users run; tsx, which runs the script, forces keepNames (\`__name()\` wrappers around closures).`,
        `A sample is one call plus the checksum pass over its output, allocation and GC included. ${warmup} untimed warm-up pass(es) per variant, then ${rounds} rounds; each round runs every variant once, in an order rotated per round, each after a forced full GC so that no variant is charged for another's garbage. The walker variants and the JS port, which take tens of milliseconds, make one untimed call after that GC (in V8 11 a full GC often discards their optimised code, and the next call would time mostly the interpreter and a recompilation), then ${cReps} timed calls whose median is the round's sample.`,
        `The C program is re-run every round; its sample is likewise the median of ${cReps} timed walks after one untimed walk, timed with clock_gettime around the walk alone (not the file read).`,
        'Ratios are speed ratios of the medians (slower time / faster time); "per round" is the range of the same ratio within single rounds.',
      ],
      table,
      ratios,
      baselines: [
        "**C walk, gcc -O2 (fixed-size loads)** (`bench/c/walk.c`; the bulk target's reference): reads the file into memory, then per record copies the 8-byte header into a `struct { u32 type:24, subtype:8; u32 info; }` (a fixed-size memcpy, i.e. plain loads), takes length = info & 0x7f, checks 8 ≤ length ≤ bytes left, switches on the type and for key records reads key_id and aux into the checksum.",
        "**C walk, gcc -O2, memcpy of each record**: the same loop, but each record is first memcpy'd (its own length) into a local 128-byte union, as consumers that read notifications into a local buffer do. Information only.",
        "**naive JS baseline** (`bench/variants.ts`; the object target's reference): a direct port of that loop: per record `bytes.slice(off, off + Math.min(128, remaining))`, a DataView on the copy, the fields read, one plain object `{offset, length, type, subtype, info, watchId, kind, event, keyId, aux}` pushed.",
        "**hand-written JS baseline**: one DataView over the whole input, no copies, the same object per record: a plain, fast object-per-record loop, the yardstick for what the object API's generality costs.",
        '**decode()**: the object API with `{ endian: "little" }`, full record objects (with `typeInfo` too); the checksum reads keyId/aux of `kind: "key"` records. It checks each header with the same rule as the walker (`recordLengthAt`, src/header.ts, which the walker inlines with the layout\'s constants) and builds each record with the generated reader of its struct.',
        "**openWalker()**, the bulk API, with `{ endian: \"little\" }` (the class for mainline little-endian input over a `Uint32Array`): the caller's loop keeps the offset (`for (at = w.first(); at !== -1; at = w.next(at))`) and reads type and subtype; for key records keyId and aux, either with `word(at, 8)`/`word(at, 12)` after checking `length(at) >= 16` itself, as the C loop does (the target's row), or with `u32(at, 8)`/`u32(at, 12)`, which check `rel` against the record's length (information).",
        '**reference** (not an API, no target): the C walk ported to JS by hand (one loop over a `Uint32Array`, same checks and checksum): what V8 makes of the C loop, about as fast as a JS walk gets on this machine.',
      ],
    })
    if (args.dry) console.log(`--dry: ${BENCHMARKS_MD} not written`)
    else {
      const doc = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : ''
      writeFileSync(BENCHMARKS_MD, upsertSection(doc, section))
      console.log(
        `wrote the "${SECTION_HEADING.slice(3)}" section of ${path.relative(process.cwd(), BENCHMARKS_MD) || BENCHMARKS_MD}`,
      )
    }
    console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    return 0
  } finally {
    if (args.keep) console.log(`--keep: data, walker, worker bundle and config left in ${tmp}`)
    else rmSync(tmp, { recursive: true, force: true })
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(`\n✖ benchmark failed: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  },
)
