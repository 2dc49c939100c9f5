/* SPDX-License-Identifier: MIT */
/* Hidden ops for the agent's own tests, accepted only with WATCHQ_AGENT_TEST_OPS=1 and never
 * listed in hello:
 *   __crash {signal?}       the case process kills itself with SIGSEGV (or signal N)
 *   __exit {status}         the case process exits at once, without an answer
 *   __encode_filter {filter} ret = size, bytes = the set_filter argument as it would be passed
 *   __describe {key}        KEYCTL_DESCRIBE of any serial, unguarded (read-only): ret, bytes */
#include <linux/keyctl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "args.h"
#include "filter.h"

op_fn op_test_crash, op_test_exit, op_test_encode_filter, op_test_describe;

void op_test_crash(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	int64_t sig;
	if (!arg_int(step, "signal", true, SIGSEGV, &sig, r))
		return;
	if (sig <= 0 || sig >= 65) {
		result_error(r, "argument signal: expected a signal number");
		return;
	}
	raise((int)sig);
	result_error(r, "signal %d did not end the case process", (int)sig);
}

void op_test_exit(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	int64_t status;
	if (!arg_int(step, "status", false, 0, &status, r))
		return;
	_exit((int)(status & 0xff));
}

void op_test_encode_filter(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	struct filter_arg f;
	if (!filter_build(json_get(step, "filter"), &f, r))
		return;
	r->kind = R_RET;
	r->ret = (int64_t)f.len;
	r->has_bytes = true;
	r->nbytes = f.len;
	r->bytes = malloc(f.len ? f.len : 1);
	if (!r->bytes)
		result_error(r, "out of memory");
	else if (f.len)
		memcpy(r->bytes, f.ptr, f.len);
	filter_release(&f);
}

void op_test_describe(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	int64_t key;
	if (!arg_int(step, "key", false, 0, &key, r))
		return;
	char text[4096];
	long n = syscall(__NR_keyctl, (long)KEYCTL_DESCRIBE, (long)key, (long)(uintptr_t)text, (long)sizeof text);
	result_sys(r, n);
	if (n > 0) {
		size_t len = (size_t)n < sizeof text ? (size_t)n - 1 : sizeof text - 1; /* without the NUL */
		r->has_bytes = true;
		r->bytes = malloc(len + 1);
		r->nbytes = len;
		if (r->bytes)
			memcpy(r->bytes, text, len);
		else
			result_error(r, "out of memory");
	}
}
