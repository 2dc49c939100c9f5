// @watchq/conformance: the runner and CLI. Only the CLI exists so far.

export type { Io } from './cli/io.js'
export { HELP, main, VERSION } from './cli/main.js'
