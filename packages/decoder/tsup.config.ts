import { defineConfig } from 'tsup'

/**
 * es2022 keeps class private fields (#x) native: below it esbuild lowers them to WeakMap lookups,
 * which made the record cursor of the time (since removed) ~50x slower; StreamDecoder has #fields.
 * Node >= 18 (engines) runs es2022. The benchmark bundles with this same target.
 */
export const TARGET = 'es2022'

// The decoder ships with zero runtime dependencies: everything it knows of the spec is in
// src/generated/, produced from @watchq/spec by scripts/generate.ts.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: TARGET,
})
