/* SPDX-License-Identifier: MIT */
/* Ops on the case process itself: sleep and setrlimit (they last until the case ends). */
#include <errno.h>
#include <sys/resource.h>
#include <time.h>

#include "args.h"

op_fn op_sleep, op_setrlimit;

void op_sleep(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	int64_t ms;
	if (!arg_int(step, "ms", false, 0, &ms, r))
		return;
	if (ms < 0 || ms > 3600000) {
		result_error(r, "argument ms: expected 0 to 3600000");
		return;
	}
	struct timespec start, left = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (nanosleep(&left, &left) != 0 && errno == EINTR)
		;
	r->kind = R_RET;
	r->ret = 0;
	r->has_elapsed = true;
	r->elapsed_ms = ms_since(&start);
}

void op_setrlimit(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	int64_t soft, hard;
	if (!json_is_str(json_get(step, "resource"), "RLIMIT_NOFILE")) {
		result_skip(r, "setrlimit: only RLIMIT_NOFILE is known");
		return;
	}
	struct rlimit lim;
	if (getrlimit(RLIMIT_NOFILE, &lim) != 0) {
		result_sys(r, -1);
		return;
	}
	if (!arg_int(step, "soft", false, 0, &soft, r) || !arg_int(step, "hard", true, -1, &hard, r))
		return;
	if (soft < 0 || (json_get(step, "hard") && hard < 0)) {
		result_error(r, "arguments soft and hard: expected non-negative integers");
		return;
	}
	lim.rlim_cur = (rlim_t)soft;
	if (json_get(step, "hard"))
		lim.rlim_max = (rlim_t)hard;
	result_sys(r, setrlimit(RLIMIT_NOFILE, &lim));
}
