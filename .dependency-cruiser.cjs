// The architecture's arrows, checked in `npm test` (npm run lint:deps). Data flows one way:
// spec → decoder → sim, kernel → conformance. The runner meets implementations only through the
// protocol: it knows no simulator and no kernel; neither of those knows the runner.
const pkg = (name) => `^packages/${name}/`
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module cycle: one of the two sides belongs below the other.',
      from: {},
      // Type-only edges are left out: a model's types may name each other (a key and its keyring).
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'spec-imports-nothing-of-ours',
      severity: 'error',
      from: { path: pkg('spec') },
      to: { path: '^packages/(?!spec/)' },
    },
    {
      name: 'decoder-knows-only-spec',
      severity: 'error',
      comment: 'The published decoder: zero runtime dependencies; the spec only in its build scripts and tests.',
      from: { path: `${pkg('decoder')}src/` },
      to: { path: '^packages/(?!decoder/)' },
    },
    {
      name: 'decoder-knows-no-runner',
      severity: 'error',
      from: { path: pkg('decoder') },
      to: { path: '^packages/(conformance|sim|kernel|fixtures)/' },
    },
    {
      name: 'sim-knows-no-runner-or-kernel',
      severity: 'error',
      from: { path: pkg('sim') },
      to: { path: '^packages/(conformance|kernel)/' },
    },
    {
      name: 'kernel-knows-no-runner-or-sim',
      severity: 'error',
      from: { path: pkg('kernel') },
      to: { path: '^packages/(conformance|sim)/' },
    },
    {
      name: 'runner-knows-no-implementation',
      severity: 'error',
      comment: 'Only transport/connect.ts (and what it builds on) maps --impl forms to implementations.',
      from: { path: '^packages/conformance/src/(runner|cases|report)/' },
      to: { path: ['^packages/(sim|kernel)/', '^packages/conformance/src/transport/(?!in-process)'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '/generated/golden/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      conditionNames: ['@watchq/source', 'import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
}
