/* SPDX-License-Identifier: MIT */
/* watchq-agent: performs conformance steps with real system calls. On a host it speaks the
 * protocol on stdin/stdout (or --channel); as PID 1 it is a VM's /init (see init.c). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"
#include "case.h"
#include "hello.h"
#include "init.h"
#include "protocol.h"
#include "watchq-build.h"

struct agent agent;

static const char USAGE[] =
	"usage: watchq-agent [--channel PATH|-] [--console PATH]\n"
	"Speaks watchq's adapter protocol v1 (JSON lines) and runs each case's steps as real\n"
	"system calls in a fresh process.\n"
	"  --channel PATH  the protocol channel (a tty is made raw); default stdin/stdout,\n"
	"                  or as PID 1 the kernel command line's watchq.channel=PATH\n"
	"  --console PATH  as PID 1, where diagnostics go (default /dev/console)\n"
	"  --version       print the version\n";

int main(int argc, char **argv)
{
	struct options o = { 0 };
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--channel") == 0 && i + 1 < argc)
			o.channel = argv[++i];
		else if (strcmp(argv[i], "--console") == 0 && i + 1 < argc)
			o.console = argv[++i];
		else if (strcmp(argv[i], "--version") == 0) {
			printf("%s %s (revision %s)\n", AGENT_NAME, WATCHQ_AGENT_VERSION, WATCHQ_REVISION);
			return 0;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(USAGE, stdout);
			return 0;
		} else if (getpid() != 1) {
			fprintf(stderr, "watchq-agent: unknown argument %s\n%s", argv[i], USAGE);
			return 2;
		}
		/* As PID 1, unknown arguments (the kernel passes some) are ignored. */
	}
	/* A write to a pipe without readers is an EPIPE observation, not the end of the agent. */
	signal(SIGPIPE, SIG_IGN);
	const char *test = getenv("WATCHQ_AGENT_TEST_OPS");
	agent.test_ops = test && strcmp(test, "1") == 0;
	agent.host = getpid() != 1;
	const char *grace = getenv("WATCHQ_AGENT_CASE_GRACE_MS");
	long long g = grace ? strtoll(grace, NULL, 10) : 0;
	agent.case_grace_ms = g > 0 && g <= 86400000 ? g : CASE_GRACE_MS;
	if (!agent.host)
		init_main(&o);

	int in = 0, out = 1;
	if (o.channel && strcmp(o.channel, "-") != 0) {
		in = out = channel_open(o.channel);
		if (in < 0) {
			perror(o.channel);
			return 1;
		}
	}
	hello_probe();
	enum serve_end end = serve(in, out);
	return end == SERVE_IO_ERROR ? 1 : 0;
}
