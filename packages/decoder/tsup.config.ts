import { defineConfig } from 'tsup'

// The decoder ships with zero runtime dependencies: everything it knows of the spec is in
// src/generated/, produced from @watchq/spec by scripts/generate.ts.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2020',
})
