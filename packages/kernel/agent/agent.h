/* SPDX-License-Identifier: MIT */
/* What the whole agent shares: its settings, and how a step's outcome is represented. */
#ifndef WATCHQ_AGENT_AGENT_H
#define WATCHQ_AGENT_AGENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "handles.h"
#include "json.h"

#define AGENT_NAME "watchq-agent"

/* Settings fixed at startup. */
struct agent {
	/* Not PID 1: keys outside the case's own session are off limits. */
	bool host;
	/* WATCHQ_AGENT_TEST_OPS=1: the hidden __* ops for the agent's own tests are accepted. */
	bool test_ops;
	/* How long a case may run beyond the waits its steps ask for (WATCHQ_AGENT_CASE_GRACE_MS). */
	int64_t case_grace_ms;
};
extern struct agent agent;

/* Diagnostics: stderr on a host, the console as PID 1. Never the protocol channel. */
void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_set_fd(int fd);
int diag_fd(void);

/* What one step observed. The dispatcher turns it into an observation object. */
struct result {
	enum { R_RET, R_ERRNO, R_SKIP, R_ERROR } kind;
	int64_t ret;
	int err;
	char msg[512]; /* R_SKIP / R_ERROR: why */
	bool has_fds;
	int fds[2];
	bool has_bytes;
	unsigned char *bytes; /* owned; freed after the observation is written */
	size_t nbytes;
	bool has_value;
	int64_t value;
	bool has_revents;
	unsigned revents;
	bool has_flags; /* fcntl F_GETFL: `ret` observed as names */
	bool has_elapsed;
	double elapsed_ms;
};

/* The state of one case, in its own process. */
struct ctx {
	struct handles handles;
	/* The fresh anonymous session keyring this case joined (0 if that failed). */
	int32_t session;
	int session_errno;
	/* keyctl and add_key are ENOSYS (no CONFIG_KEYS, an emulator): @s is safe, as nothing is. */
	bool keys_absent;
	const char *op; /* the op of the step being run, for messages */
	size_t step;    /* its index */
};

typedef void op_fn(struct ctx *c, const struct jval *step, struct result *r);

/* Syscall outcome into a result: ret, or the errno when ret is -1. */
void result_sys(struct result *r, long ret);
void result_skip(struct result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void result_error(struct result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Milliseconds since an earlier monotonic reading. */
double ms_since(const struct timespec *start);

#endif
