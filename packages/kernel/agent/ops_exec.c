/* SPDX-License-Identifier: MIT */
/* Ops on programs of the machine under test (feature `exec`): spawn, wait_output, wait_exit,
 * output, kill. A program is named by its pid, and only the case's own programs are accepted. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "children.h"
#include "errnames.h"
#include "steps.h"
#include "watchq-ops.h"

op_fn op_spawn, op_wait_output, op_wait_exit, op_output, op_kill;

/* What every wait sleeps at most between two looks, and wait_output's default probe interval. */
#define PAUSE_MS 50
#define PROBE_INTERVAL_MS 20
#define MAX_WAIT_MS 600000

static char *const DEFAULT_ENV[] = { "PATH=" CHILD_DEFAULT_PATH, NULL };

/* A NULL-terminated array of strings from a JSON array of strings; handles become decimal. */
static char **string_vector(struct ctx *c, const struct jval *arr, const char *name, bool handles, struct result *r)
{
	size_t n = arr->u.arr.n;
	char **v = calloc(n + 1, sizeof *v);
	if (!v) {
		result_error(r, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const struct jval *item = &arr->u.arr.items[i];
		if (item->type != J_STR || strlen(item->u.str.s) != item->u.str.len) {
			result_error(r, "argument %s: item %zu is not a string without NUL", name, i);
			goto fail;
		}
		int64_t value;
		if (handles && handle_name_ok(item->u.str.s, item->u.str.len)) {
			if (!handles_get(&c->handles, item->u.str.s, &value)) {
				result_error(r, "argument %s: handle %s is not bound", name, item->u.str.s);
				goto fail;
			}
			if (asprintf(&v[i], "%lld", (long long)value) < 0)
				v[i] = NULL;
		} else {
			v[i] = strdup(item->u.str.s);
		}
		if (!v[i]) {
			result_error(r, "out of memory");
			goto fail;
		}
	}
	return v;
fail:
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return NULL;
}

static void free_vector(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

void op_spawn(struct ctx *c, const struct jval *step, struct result *r)
{
	const struct jval *argv_j, *env_j;
	if (!arg_array(step, "argv", false, &argv_j, r) || !arg_array(step, "env", true, &env_j, r))
		return;
	if (argv_j->u.arr.n == 0) {
		result_error(r, "argument argv: expected at least the program");
		return;
	}
	char **argv = string_vector(c, argv_j, "argv", true, r);
	if (!argv)
		return;
	char **env = env_j ? string_vector(c, env_j, "env", false, r) : NULL;
	if (env_j && !env) {
		free_vector(argv);
		return;
	}
	struct child *ch = children_spawn(argv, env ? env : DEFAULT_ENV);
	if (ch) {
		r->kind = R_RET;
		r->ret = ch->pid;
	} else {
		result_sys(r, -1);
	}
	free_vector(argv);
	free_vector(env);
}

/* The `proc` argument: one of the case's programs. */
static struct child *arg_child(struct ctx *c, const struct jval *step, struct result *r)
{
	int pid;
	if (!arg_fd(c, step, "proc", &pid, r))
		return NULL;
	struct child *ch = children_find(pid);
	if (!ch)
		result_error(r, "argument proc: %d is not a program this case started", pid);
	return ch;
}

static bool arg_wait(const struct jval *step, const char *name, bool optional, int64_t def, int64_t min,
		     int64_t *out, struct result *r)
{
	if (!arg_int(step, name, optional, def, out, r))
		return false;
	if (*out < min || *out > MAX_WAIT_MS) {
		result_error(r, "argument %s: expected %lld to %d", name, (long long)min, MAX_WAIT_MS);
		return false;
	}
	return true;
}

static int pause_for(const struct timespec *start, int64_t limit_ms, int64_t most)
{
	double left = (double)limit_ms - ms_since(start);
	if (left <= 0)
		return 0;
	return left < (double)most ? (int)left + 1 : (int)most;
}

/* Runs the probe; false (with `r` filled) when it did not succeed. */
static bool probe(struct ctx *c, const struct jval *step, struct result *r)
{
	struct result p;
	memset(&p, 0, sizeof p);
	steps_run_nested(c, step, &p);
	free(p.bytes);
	char tmp[32];
	switch (p.kind) {
	case R_RET:
		return true;
	case R_ERRNO:
		result_error(r, "the probe failed with %s", errno_name(p.err, tmp, sizeof tmp));
		return false;
	case R_SKIP:
		result_skip(r, "the probe: %s", p.msg);
		return false;
	case R_ERROR:
		result_error(r, "the probe: %s", p.msg);
		return false;
	}
	return false;
}

void op_wait_output(struct ctx *c, const struct jval *step, struct result *r)
{
	int64_t lines, timeout, interval;
	struct child *ch = arg_child(c, step, r);
	if (!ch || !arg_int(step, "lines", false, 0, &lines, r) ||
	    !arg_wait(step, "timeoutMs", false, 0, 0, &timeout, r) ||
	    !arg_wait(step, "intervalMs", true, PROBE_INTERVAL_MS, 1, &interval, r))
		return;
	if (lines < 1) {
		result_error(r, "argument lines: expected at least 1");
		return;
	}
	const struct jval *probe_step = json_get(step, "probe");
	if (probe_step && probe_step->type != J_OBJ) {
		result_error(r, "argument probe: expected a step");
		return;
	}
	struct timespec start, last_probe = { 0, 0 };
	clock_gettime(CLOCK_MONOTONIC, &start);
	int64_t probes = 0;
	struct child_stream *out = &ch->out[CHILD_STDOUT];
	for (;;) {
		children_drain(ch);
		if ((int64_t)out->lines >= lines) {
			r->kind = R_RET;
			r->ret = (int64_t)out->lines;
			break;
		}
		if (out->fd < 0) {
			r->kind = R_ERRNO;
			r->err = EPIPE;
			break;
		}
		if (ms_since(&start) >= (double)timeout) {
			r->kind = R_ERRNO;
			r->err = ETIMEDOUT;
			break;
		}
		if (probe_step && (probes == 0 || ms_since(&last_probe) >= (double)interval)) {
			clock_gettime(CLOCK_MONOTONIC, &last_probe);
			probes++;
			if (!probe(c, probe_step, r))
				return;
		}
		children_pause(ch, pause_for(&start, timeout, probe_step ? interval : PAUSE_MS));
	}
	r->has_value = r->kind == R_RET;
	r->value = probes;
	r->has_elapsed = true;
	r->elapsed_ms = ms_since(&start);
}

/* The collected bytes of a stream into the result (copied: the observation frees its own). */
static bool put_stream(const struct child_stream *s, struct result *r)
{
	r->bytes = malloc(s->data.len ? s->data.len : 1);
	if (!r->bytes || s->data.oom) {
		free(r->bytes);
		r->bytes = NULL;
		result_error(r, "out of memory collecting the program's output");
		return false;
	}
	memcpy(r->bytes, s->data.p, s->data.len);
	r->nbytes = s->data.len;
	r->has_bytes = true;
	return true;
}

void op_wait_exit(struct ctx *c, const struct jval *step, struct result *r)
{
	int64_t timeout;
	struct child *ch = arg_child(c, step, r);
	if (!ch || !arg_wait(step, "timeoutMs", false, 0, 0, &timeout, r))
		return;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	bool timed_out = false;
	for (;;) {
		children_drain(ch);
		if (children_exited(ch))
			break;
		int ms = pause_for(&start, timeout, PAUSE_MS);
		if (ms == 0) {
			timed_out = true;
			children_kill_wait(ch);
			break;
		}
		children_pause(ch, ms);
	}
	/* What it wrote just before it ended. */
	children_drain(ch);
	r->has_elapsed = true;
	r->elapsed_ms = ms_since(&start);
	if (timed_out) {
		r->kind = R_ERRNO;
		r->err = ETIMEDOUT;
		return;
	}
	r->kind = R_RET;
	r->ret = WIFEXITED(ch->status) ? WEXITSTATUS(ch->status) : WIFSIGNALED(ch->status) ? -WTERMSIG(ch->status) : 0;
	put_stream(&ch->out[CHILD_STDOUT], r);
}

void op_output(struct ctx *c, const struct jval *step, struct result *r)
{
	struct child *ch = arg_child(c, step, r);
	if (!ch)
		return;
	const struct jval *stream = json_get(step, "stream");
	int which;
	if (json_is_str(stream, "stdout"))
		which = CHILD_STDOUT;
	else if (json_is_str(stream, "stderr"))
		which = CHILD_STDERR;
	else {
		result_error(r, "argument stream: expected \"stdout\" or \"stderr\"");
		return;
	}
	children_drain(ch);
	if (!put_stream(&ch->out[which], r))
		return;
	r->kind = R_RET;
	r->ret = (int64_t)ch->out[which].data.len;
}

/* The signals the spec allows (PROGRAM_SIGNALS, through the generated watchq-ops.h). */
static const struct {
	const char *name;
	int sig;
} SIGNALS[] = {
#define X(sig) { #sig, sig },
	WATCHQ_PROGRAM_SIGNALS(X)
#undef X
};

/* How long kill(SIGSTOP) waits for the program to be stopped. */
#define STOP_WAIT_MS 10000

void op_kill(struct ctx *c, const struct jval *step, struct result *r)
{
	struct child *ch = arg_child(c, step, r);
	if (!ch)
		return;
	const struct jval *name = json_get(step, "signal");
	int sig = 0;
	for (size_t i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++)
		if (json_is_str(name, SIGNALS[i].name))
			sig = SIGNALS[i].sig;
	if (!sig) {
		result_error(r, "argument signal: expected one of " WATCHQ_PROGRAM_SIGNAL_NAMES);
		return;
	}
	/* Reaped: its pid may belong to someone else by now. */
	if (ch->exited) {
		r->kind = R_ERRNO;
		r->err = ESRCH;
		return;
	}
	if (kill(ch->pid, sig) != 0) {
		result_sys(r, -1);
		return;
	}
	if (sig == SIGSTOP) {
		/* Stopped for sure before the next step: a case stops a program to act behind its back. */
		struct timespec start, nap = { 0, 1000000 };
		clock_gettime(CLOCK_MONOTONIC, &start);
		for (;;) {
			siginfo_t si;
			memset(&si, 0, sizeof si);
			if (waitid(P_PID, (id_t)ch->pid, &si, WSTOPPED | WEXITED | WNOHANG | WNOWAIT) == 0 &&
			    si.si_pid == ch->pid)
				break;
			if (ms_since(&start) >= STOP_WAIT_MS) {
				result_error(r, "program %d did not stop within %d ms", (int)ch->pid, STOP_WAIT_MS);
				return;
			}
			nanosleep(&nap, NULL);
		}
	}
	r->kind = R_RET;
	r->ret = 0;
}
