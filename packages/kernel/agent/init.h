/* SPDX-License-Identifier: MIT */
/* Running as /init (PID 1) in a VM, and opening the protocol channel. */
#ifndef WATCHQ_AGENT_INIT_H
#define WATCHQ_AGENT_INIT_H

struct options {
	const char *channel; /* --channel PATH ("-": stdin/stdout) */
	const char *console; /* --console PATH (PID 1 diagnostics) */
};

/* Opens a channel device or file O_RDWR|O_NOCTTY, raw when it is a terminal; -1 on failure. */
int channel_open(const char *path);
/* PID 1: mounts, channel from the kernel command line, serve, power off. Never returns. */
_Noreturn void init_main(const struct options *o);

#endif
