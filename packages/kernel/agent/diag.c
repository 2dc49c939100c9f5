/* SPDX-License-Identifier: MIT */
/* Diagnostics go to one fd: stderr on a host (the runner attaches it to results), the console
 * as PID 1. The protocol channel never carries them. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"

static int fd = 2;

void diag_set_fd(int f)
{
	fd = f;
}

int diag_fd(void)
{
	return fd;
}

void diag(const char *fmt, ...)
{
	char line[1024];
	int saved = errno;
	int n = snprintf(line, sizeof line, "%s[%d]: ", AGENT_NAME, (int)getpid());
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof line)
		vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
	va_end(ap);
	size_t len = strnlen(line, sizeof line - 2);
	line[len++] = '\n';
	/* One write per line, so lines from the case processes do not interleave mid-line. */
	while (write(fd, line, len) < 0 && errno == EINTR)
		;
	errno = saved;
}
