/* SPDX-License-Identifier: MIT */
/* Filling in a step's result. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "agent.h"

void result_sys(struct result *r, long ret)
{
	if (ret == -1) {
		r->kind = R_ERRNO;
		r->err = errno;
	} else {
		r->kind = R_RET;
		r->ret = ret;
	}
}

void result_skip(struct result *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	va_end(ap);
	r->kind = R_SKIP;
}

void result_error(struct result *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	va_end(ap);
	r->kind = R_ERROR;
}

double ms_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) * 1e3 + (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}
