// Runs once before the spec tests: installs the cross compilers and headers if any are missing,
// so parallel test files never race each other into apt-get.
import { ensureToolchains } from './toolchain.js'

export default function setup(): void {
  ensureToolchains()
}
