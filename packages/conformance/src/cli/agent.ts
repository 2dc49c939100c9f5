// `watchq agent`: the kernel agent as a file, for any arch it builds for, to copy to a machine of
// that arch or to run under an emulator behind `watchq run --impl cmd:…`.
import { chmod, copyFile, rename, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { AGENT_ARCHES, AGENT_TARGETS, type AgentArch, buildAgent, hostAgentArch, parseAgentArch } from '@watchq/kernel'
import { type Cli, declared } from './command.js'
import { EXIT, type Io, UsageError } from './io.js'

const archList = AGENT_ARCHES.map((a) => {
  const t = AGENT_TARGETS[a]
  const notes = [
    t.endian === 'big' ? 'big-endian' : '',
    a === 'mips' ? 'o32' : '',
    a === 'ppc64' ? 'ELFv1' : '',
    `${t.triple}-gcc`,
  ].filter(Boolean)
  return `  ${a.padEnd(9)} ${notes.join(', ')}`
}).join('\n')

export function defineAgent(cli: Cli) {
  const cmd = cli
    .command('agent')
    .summary('Build the static kernel agent for an arch (x86_64, i386, aarch64, s390x, ppc64, …)')
    .description(
      `Builds watchq's kernel agent for one architecture and writes it to FILE. The agent is a small
static C program (no shared libraries, no loader): it performs each step of a conformance case
with the real system calls (pipe2(O_NOTIFICATION_PIPE), ioctl(IOC_WATCH_QUEUE_SET_SIZE and
SET_FILTER), read, keyctl(KEYCTL_WATCH_KEY), …) and speaks watchq's adapter protocol (JSON lines)
on stdin and stdout. The interface values it uses are those of the spec for that arch (checked
against the cross toolchain's UAPI headers when it is compiled).`,
    )
    .option(
      '--arch <ARCH>',
      `The architecture (see below; default: this machine's, ${hostAgentArch() ?? `none: ${process.arch} is not one of them`})`,
      archOf,
    )
    .option('-o, --output <FILE>', 'Where to write it (default ./watchq-agent-<arch>); an existing file is replaced')
    // Any argument is refused below, with a message that says so.
    .allowExcessArguments()
    .addHelpText(
      'after',
      `
Run it wherever a Linux kernel of that arch is, with the runner on this machine:
  watchq agent --arch aarch64                            # writes ./watchq-agent-aarch64
  watchq run --impl cmd:"qemu-aarch64 ./watchq-agent-aarch64"
  watchq run --impl cmd:"qemu-aarch64-static ./watchq-agent-aarch64"   # Debian's qemu-user-static
  watchq run --impl cmd:"my-emulator ./agent"            # any command whose stdin/stdout are the agent's
  watchq run --impl cmd:"ssh board ./watchq-agent-aarch64"
Under qemu-user the system calls are the host kernel's, translated: a host without
CONFIG_WATCH_QUEUE has no notification pipes and qemu-user has no keyctl, so most cases are unsupported
(the run exits 1 and names what is lacking; --allow-unsupported all accepts that). To run
Debian's qemu-user on a kernel that has watch_queue, inside the test VM: watchq run --impl
vm:6.12/qemu-aarch64 (findings in docs/findings/qemu-user.md). On a machine that is not a test VM the agent refuses keys outside each case's own session keyring.

Architectures (--arch; uname -m and Debian names work too: amd64, i686, arm64, …):
${archList}

The host's gcc builds for the host's arch; other arches need Debian's gcc-<triple> and
libc6-dev-<arch>-cross, installed with apt-get (as root, or through sudo) when missing. Builds are
cached in \${XDG_CACHE_HOME:-~/.cache}/watchq/agent/.
Prints the file's path on stdout (one line); progress goes to stderr.

Exit codes: 0 written, 1 the build failed (a compiler that cannot be installed, a compile error)
or the file could not be written, 2 usage error (an unknown arch, extra arguments).`,
    )
    .action(
      cli.exits((options, self) => {
        if (self.args.length) throw new UsageError(`agent takes no arguments, got: ${self.args.join(' ')}`)
        return writeAgent(options, cli.io)
      }),
    )
  return declared(cmd)
}

function archOf(value: string): AgentArch {
  const arch = parseAgentArch(value)
  if (!arch) throw new UsageError(`unknown --arch "${value}"; expected one of ${AGENT_ARCHES.join(', ')}`)
  return arch
}

function hostArch(): AgentArch {
  const host = hostAgentArch()
  if (!host) throw new UsageError(`the agent does not build for this machine (${process.arch}); give --arch`)
  return host
}

/** A message on one line: a compiler's complaint spans many. */
const oneLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' | ')

async function writeAgent(
  values: { arch?: AgentArch | undefined; output?: string | undefined },
  io: Io,
): Promise<number> {
  const arch = values.arch ?? hostArch()
  if (values.output === '') throw new UsageError('-o needs a file name')
  const output = resolve(values.output ?? `watchq-agent-${arch}`)
  let binary: string
  try {
    binary = await buildAgent({ arch, onProgress: (line) => io.err(`watchq agent: ${line}`) })
  } catch (e) {
    io.err(`watchq agent: ${oneLine((e as Error).message)}`)
    return EXIT.failed
  }
  // Beside the target and renamed into place: a running copy of the old file is not disturbed.
  const tmp = `${output}.${process.pid}.tmp`
  try {
    await copyFile(binary, tmp)
    await chmod(tmp, 0o755)
    await rename(tmp, output)
  } catch (e) {
    await rm(tmp, { force: true })
    io.err(`watchq agent: cannot write ${output}: ${oneLine((e as Error).message)}`)
    return EXIT.failed
  }
  io.out(output)
  return EXIT.ok
}
